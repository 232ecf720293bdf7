// Runs every test/**/*.test.ts with node:test through tsx. Node 20's --test does not take
// globs, so the files are found here. Extra arguments are passed to node (e.g. a file list).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildConsole } from './build-console.mjs';

function find(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return find(full);
    return e.name.endsWith('.test.ts') ? [full] : [];
  });
}

// The console's tests serve and drive the built console: build it first (only if it changed).
await buildConsole();

const args = process.argv.slice(2);
const files = args.some((a) => a.endsWith('.ts')) ? [] : find('test').sort();
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...args, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
