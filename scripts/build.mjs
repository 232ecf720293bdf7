// `npm run build`: src/ bundled by esbuild into dist/ (our code in one file per entry point,
// packages left as imports), so a server starts without compiling TypeScript on the way:
// through tsx, loading and transforming our modules took about 1.5 s of a 2.5 s start.
// esbuild comes with tsx; it only strips types, so `npm run typecheck` stays the type check.
// Then the web console (scripts/build-console.mjs: skipped when nothing it is built from changed).
import { build } from 'esbuild';
import { buildConsole } from './build-console.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/main.ts', cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Readable stack traces without source maps: names and code as written.
  minify: false,
  keepNames: true,
  logLevel: 'warning',
});

await buildConsole();
