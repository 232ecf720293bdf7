// Where the console lives: its pages (answered with index.html, so a reload or a shared link
// of any page works) and its hashed assets. Only these paths fall back to the console; any other
// unknown path stays a 404 in the format of the face it belongs to.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The first segment of every console page (console/src/routes.tsx). Routing, calls and number blocks join when their API does. */
export const CONSOLE_SECTIONS = ['sign-in', 'numbers', 'agents', 'workflows', 'webhooks', 'audit', 'keys'] as const;

/** Vite writes content-hashed files here (console/vite.config.ts): they never change under one name. */
export const CONSOLE_ASSETS_PREFIX = '/assets';

/** Every route the console registers, as Fastify shows them (for the route inventory of the tests). */
export const CONSOLE_ROUTES = ['/', `${CONSOLE_ASSETS_PREFIX}/*`, ...CONSOLE_SECTIONS.flatMap((s) => [`/${s}`, `/${s}/*`])];

/** The directory of the package (the nearest one above this module with a package.json): src/… in development, dist/ when bundled. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** The built console: SWITCHBOARD_CONSOLE_DIR, or console/dist in the package (`npm run build` makes it). */
export const defaultConsoleDir = () => path.join(packageRoot(), 'console', 'dist');
