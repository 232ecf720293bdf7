// Runs every test/**/*.test.ts with node:test through tsx. Node 20's --test does not take
// globs, so the files are found here. Extra arguments are passed to node (e.g. a file list).
//
// While the suite runs, every test app records the (operation, status) pairs it answered in a
// temporary folder (test/helpers/status-log.ts); then test/after-suite/ checks that each status
// is documented in the OpenAPI document. It runs after the suite, not beside it, because
// node:test runs the files in parallel processes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildConsole } from './build-console.mjs';

const AFTER_SUITE = path.join('test', 'after-suite');

function find(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full === AFTER_SUITE ? [] : find(full);
    return e.name.endsWith('.test.ts') ? [full] : [];
  });
}

// The console's tests serve and drive the built console: build it first (only if it changed).
await buildConsole();

const args = process.argv.slice(2);
const files = args.some((a) => a.endsWith('.ts')) ? [] : find('test').sort();
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const statusLog = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-statuses-'));
const env = { ...process.env, SWITCHBOARD_STATUS_LOG: statusLog };
const run = (testArgs) => spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...testArgs], { stdio: 'inherit', env }).status ?? 1;

const suite = run([`--test-concurrency=${concurrency}`, ...args, ...files]);
// A few files chosen by hand answer too little to judge the document by: the check is for the whole suite.
const afterSuite = files.length === 0 ? 0 : run(fs.readdirSync(AFTER_SUITE).filter((n) => n.endsWith('.test.ts')).map((n) => path.join(AFTER_SUITE, n)));
fs.rmSync(statusLog, { recursive: true, force: true });
process.exit(suite || afterSuite);
