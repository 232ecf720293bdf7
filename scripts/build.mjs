// `npm run build` (and `npm start` first): src/ bundled by esbuild into dist/, so nothing
// compiles TypeScript on the way; through tsx, loading and transforming our modules took about
// 1.5 s of a 2.5 s server start and 3–8 s of every CLI command. esbuild only strips types:
// `npm run typecheck` stays the type check.
//
// - dist/main.js, the server: our code in one file, packages left as imports.
// - dist/cli.js, the CLI: a stub importing dist/cli-<build>/cli.js, where our code *and* the pure
//   JavaScript packages are bundled, split so a command loads only what it runs. Resolving the
//   few hundred files of kysely, pg, undici and TypeBox one by one was most of a command's time.
//   Packages that find files of their own at run time (fastify's plugins, swagger-ui's assets,
//   pino's transports), native ones and build tools stay imports.
//   The CLI is built on demand by bin/switchboard.js when it is missing or older than its
//   sources (ensureCli below). Each build gets a directory of its own and the stub is replaced
//   in one rename, so a command already running keeps the chunks it started with (old builds
//   are removed an hour after they were superseded).
// - console/dist, the web console (scripts/build-console.mjs: skipped when nothing it is built
//   from changed).
import fs from 'node:fs';
import { buildConsole } from './build-console.mjs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const cliStub = path.join(dist, 'cli.js');

const COMMON = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Readable stack traces without source maps: names and code as written.
  minify: false,
  keepNames: true,
  logLevel: 'warning',
};

/** Left as imports in the CLI bundle: native code, packages that load their own files, tools. */
const CLI_EXTERNAL = ['better-sqlite3', 'pg-native', 'fastify', '@fastify/*', 'pino', 'pino-pretty', 'thread-stream', 'close-with-grace', 'esbuild', 'tsx'];

export async function buildServer() {
  const { build } = await import('esbuild');
  await build({ ...COMMON, entryPoints: { main: 'src/main.ts' }, outdir: 'dist', packages: 'external' });
}

export async function buildCli() {
  const { build } = await import('esbuild');
  const id = `cli-${Date.now().toString(36)}-${process.pid}`;
  await build({
    ...COMMON,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: path.join('dist', id),
    splitting: true,
    chunkNames: '[name]-[hash]',
    external: CLI_EXTERNAL,
    // Bundled CommonJS packages call require() for Node's modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const temporary = `${cliStub}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `// Written by scripts/build.mjs: the current CLI build.\nawait import('./${id}/cli.js');\n`);
  fs.renameSync(temporary, cliStub);
  removeOldCliBuilds(id);
}

/**
 * Builds that are not the current one go an hour after they stopped being current: a command that
 * started on one may still load its chunks meanwhile (a command runs only what it asks for, so
 * chunks load late). When a build was superseded is marked in it, not read from its age: a build
 * made long ago may have been current until a moment ago.
 */
function removeOldCliBuilds(current) {
  for (const entry of fs.readdirSync(dist)) {
    if (!entry.startsWith('cli-') || entry === current) continue;
    const marker = path.join(dist, entry, '.superseded');
    try {
      if (Date.now() - fs.statSync(marker).mtimeMs > 3_600_000) fs.rmSync(path.join(dist, entry), { recursive: true, force: true });
    } catch {
      fs.writeFileSync(marker, '');
    }
  }
}

/** The newest modification time of what the CLI bundle is made of. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  visit(path.join(root, 'src'));
  for (const file of ['scripts/build.mjs', 'package-lock.json', 'package.json']) {
    try {
      newest = Math.max(newest, fs.statSync(path.join(root, file)).mtimeMs);
    } catch {
      // absent: nothing to compare
    }
  }
  return newest;
}

/** The CLI's entry point, built first when it is missing or older than its sources. */
export async function ensureCli() {
  let built = 0;
  try {
    built = fs.statSync(cliStub).mtimeMs;
  } catch {
    // not built yet
  }
  // Without src/ (an installed copy that ships only dist/) the build there is the one to run.
  const hasSources = fs.existsSync(path.join(root, 'src'));
  if (!built || (hasSources && newestSource() > built)) await buildCli();
  return pathToFileURL(cliStub).href;
}

// `node scripts/build.mjs [server] [cli] [console]`: all three by default; `npm start` builds the
// server and the console (the CLI is built on demand by bin/switchboard.js).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const TARGETS = { server: buildServer, cli: buildCli, console: buildConsole };
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !Object.hasOwn(TARGETS, name));
  if (unknown.length) throw new Error(`usage: node scripts/build.mjs [server] [cli] [console], not ${unknown.join(' ')}`);
  await Promise.all((asked.length ? asked : Object.keys(TARGETS)).map((name) => TARGETS[name]()));
}
