// Builds the web console (console/ → console/dist) with Vite, unless nothing it is built from
// changed since the last build: the inputs' hash is kept in console/dist/.build-hash, so
// `npm start` and `npm test` pay for a build only after a change (a build takes ~10 s, a check
// a few ms). Each asset is also written gzip- and brotli-compressed, which the server sends to
// browsers that accept them (no compression at request time), and the sizes are printed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'console', 'dist');
const hashFile = path.join(dist, '.build-hash');
/** What the console is built from. */
const INPUTS = ['console', 'sdk/src', 'src/core/authorization/scopes.ts', 'package-lock.json', 'scripts/build-console.mjs'];

function files(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs.readdirSync(full, { withFileTypes: true })
    .filter((e) => !['dist', 'node_modules'].includes(e.name))
    .flatMap((e) => files(path.join(entry, e.name)));
}

export function inputsHash() {
  const hash = crypto.createHash('sha256');
  for (const file of INPUTS.flatMap(files).sort()) hash.update(file).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0');
  return hash.digest('hex');
}

function precompress() {
  const assets = path.join(dist, 'assets');
  const sizes = { raw: 0, gzip: 0, brotli: 0 };
  for (const name of fs.readdirSync(assets)) {
    if (!/\.(js|css|svg|json|html|txt)$/.test(name)) continue;
    const file = path.join(assets, name);
    const body = fs.readFileSync(file);
    const gz = zlib.gzipSync(body, { level: 9 });
    const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    fs.writeFileSync(`${file}.gz`, gz);
    fs.writeFileSync(`${file}.br`, br);
    sizes.raw += body.length;
    sizes.gzip += gz.length;
    sizes.brotli += br.length;
  }
  return sizes;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Builds the console when its inputs changed (or always with force); returns whether it built. */
export async function buildConsole({ force = false } = {}) {
  const hash = inputsHash();
  if (!force && fs.existsSync(hashFile) && fs.readFileSync(hashFile, 'utf8') === hash) return false;
  let vite;
  try {
    vite = await import('vite');
  } catch {
    // Installed without dev dependencies: serve the console built before, if there is one.
    console.warn(`console: vite is not installed (npm ci without dev dependencies?); ${fs.existsSync(dist) ? 'serving the console built before' : 'the console is not built'}`);
    return false;
  }
  await vite.build({ configFile: path.join(root, 'console', 'vite.config.ts'), logLevel: 'warn' });
  const sizes = precompress();
  fs.writeFileSync(hashFile, hash);
  console.log(`console: built into console/dist (assets ${kb(sizes.raw)}, ${kb(sizes.gzip)} gzipped, ${kb(sizes.brotli)} brotli)`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildConsole({ force: process.argv.includes('--force') });
