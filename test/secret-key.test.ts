// The deployment's secret key is checked at every start: a key-check value (a constant sealed
// with the key) is stored in deployment_state on the first start with a key, or on the next start
// of a deployment that has none. A server or CLI started with another key stops with one line and
// exit code 78, before it serves or writes anything. Real child processes, SQLite and Postgres.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { KEY_CHECK_NAME } from '../src/security/key-check.ts';
import { openStore, type OpenedStore } from '../src/store/index.ts';
import { createChildEnv, exitWithin, freePort, killAll, ROOT, runChild, startChild, type ChildEnv } from './helpers/processes.ts';

const OTHER_KEY = 'b'.repeat(64);
const BIN = path.join(ROOT, 'bin/switchboard.js');

/** The store alone (opening a runtime would write a missing check value): `work` on its database. */
async function withStore<T>(ctx: ChildEnv, work: (store: OpenedStore) => Promise<T>): Promise<T> {
  const store = openStore({ databaseUrl: ctx.env.DATABASE_URL, dataDir: ctx.env.SWITCHBOARD_DATA_DIR!, schema: ctx.env.SWITCHBOARD_DB_SCHEMA, create: false });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const keyCheck = (ctx: ChildEnv) => withStore(ctx, (store) => store.deploymentState.get(KEY_CHECK_NAME));

/** Exit code 78 and a single line naming the key, no stack trace. */
function assertRefusedKey(res: { code: number | null; stdout: string; stderr: string }, names: RegExp) {
  assert.equal(res.code, 78, res.stdout + res.stderr);
  const lines = res.stderr.trim().split('\n');
  assert.equal(lines.length, 1, res.stderr);
  assert.match(lines[0]!, /^switchboard: configuration error: .*is not the key this database was set up with/);
  assert.match(lines[0]!, names);
}

describe('the secret key is checked against the deployment\'s', { timeout: 300_000 }, () => {
  let ctx: ChildEnv;
  before(async () => {
    ctx = await createChildEnv();
  });
  after(async () => {
    await killAll();
    await ctx?.cleanup();
  });

  test('the first start stores a check value; a server and a CLI started with another key exit 78 with one line', async () => {
    const port = await freePort();
    const first = startChild(['src/main.ts'], { ...ctx.env, PORT: String(port) });
    await first.waitFor(/Server listening at/, 60_000);
    first.process.kill('SIGTERM');
    assert.equal((await exitWithin(first, 15_000)).code, 0);
    const check = await keyCheck(ctx);
    assert.match(check ?? '', /^v1\./, 'a sealed value');

    const server = startChild(['src/main.ts'], { ...ctx.env, PORT: String(await freePort()), SWITCHBOARD_SECRET_KEY: OTHER_KEY });
    const { code } = await exitWithin(server, 30_000);
    assertRefusedKey({ code, stdout: server.stdout(), stderr: server.stderr() }, /SWITCHBOARD_SECRET_KEY/);
    assert.doesNotMatch(server.stdout(), /Server listening/, 'it never listened');

    for (const args of [['workspace', 'list'], ['migrate'], ['workspace', 'create', '--name', 'x']]) {
      assertRefusedKey(await runChild([BIN, ...args], { ...ctx.env, SWITCHBOARD_SECRET_KEY: OTHER_KEY }, { tsx: false }), /SWITCHBOARD_SECRET_KEY/);
    }
    assert.equal(await keyCheck(ctx), check, 'the check value is never replaced');
    // The right key still opens it.
    const ok = await runChild([BIN, 'workspace', 'list', '--json'], ctx.env, { tsx: false });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).items.length, 1);
  });

  test('a deployment from before the check gets one on its next start, and is guarded from then on', async () => {
    await withStore(ctx, (store) => store.db.deleteFrom('deployment_state').where('key', '=', KEY_CHECK_NAME).execute());
    assert.equal(await keyCheck(ctx), undefined);
    const migrate = await runChild([BIN, 'migrate', '--json'], ctx.env, { tsx: false });
    assert.equal(migrate.code, 0, migrate.stderr);
    assert.match((await keyCheck(ctx)) ?? '', /^v1\./);
    assertRefusedKey(await runChild([BIN, 'workspace', 'list'], { ...ctx.env, SWITCHBOARD_SECRET_KEY: OTHER_KEY }, { tsx: false }), /SWITCHBOARD_SECRET_KEY/);
  });
});

describe('embedded mode: the key file of the data dir is checked the same way', { timeout: 300_000, skip: !!process.env.DATABASE_URL && 'SQLite only (the key file exists only there)' }, () => {
  let ctx: ChildEnv;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    ctx = await createChildEnv();
    env = { ...ctx.env };
    delete env.SWITCHBOARD_SECRET_KEY; // generated into <data dir>/secret.key
  });
  after(async () => {
    await killAll();
    await ctx?.cleanup();
  });

  test('a replaced key file stops the start naming the file; a missing one is not silently replaced', async () => {
    const first = await runChild([BIN, 'migrate'], env, { tsx: false });
    assert.equal(first.code, 0, first.stderr);
    const file = path.join(env.SWITCHBOARD_DATA_DIR!, 'secret.key');
    const original = fs.readFileSync(file, 'utf8');

    fs.writeFileSync(file, `${OTHER_KEY}\n`);
    assertRefusedKey(await runChild([BIN, 'workspace', 'list'], env, { tsx: false }), new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    fs.rmSync(file);
    const missing = await runChild(['src/main.ts'], { ...env, PORT: String(await freePort()) });
    assert.equal(missing.code, 78, missing.stderr);
    assert.match(missing.stderr, /secret\.key is missing, and this database's secrets were written with the key it held/);
    assert.equal(fs.existsSync(file), false, 'no new key was generated in its place');

    fs.writeFileSync(file, original, { mode: 0o600 });
    const restored = await runChild([BIN, 'workspace', 'list'], env, { tsx: false });
    assert.equal(restored.code, 0, restored.stderr);
  });
});
