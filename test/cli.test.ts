// The operator CLI, run as a child process against its own database, checked through the core.
// It runs as users run it, through bin/switchboard.js (the esbuild bundle, built on demand).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { UnauthorizedError } from '../src/core/errors.ts';
import type { Runtime } from '../src/runtime.ts';
import { operatorContext } from '../src/core/authorization/authorize.ts';
import { databaseLocation } from '../src/store/database.ts';
import { createChildEnv, killAll, ROOT, runChild, type ChildEnv } from './helpers/processes.ts';

const BIN = path.join(ROOT, 'bin/switchboard.js');

const KEY = /sb_[A-Za-z0-9_-]+/g;
const UUID = '0190a5c4-7b1e-7c3a-9f00-2b6c1d4e5f60';

describe('CLI', { timeout: 600_000 }, () => {
  let ctx: ChildEnv;
  let runtime: Runtime | undefined;
  const cli = (...args: string[]) => runChild([BIN, ...args], ctx.env, { tsx: false });
  const json = async (...args: string[]) => {
    const res = await cli(...args, '--json');
    assert.equal(res.code, 0, `${args.join(' ')}: ${res.stderr}`);
    return JSON.parse(res.stdout);
  };
  const core = async () => (runtime ??= await ctx.openRuntime()).core;

  before(async () => {
    ctx = await createChildEnv();
    // This process checks keys the CLI revokes: it must read them, not trust what it cached.
    ctx.env.SWITCHBOARD_API_KEY_CACHE_TTL = '0';
  });
  after(async () => {
    await killAll();
    await runtime?.close();
    await ctx?.cleanup();
  });

  it('migrate applies the migrations once, then reports the database up to date', async () => {
    const first = await cli('migrate');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /applied migration 0001-initial/);
    const second = await cli('migrate');
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /up to date/);
    assert.deepEqual(await json('migrate'), { applied: [] });
  });

  it('workspace create prints a key, once, that authenticates', async () => {
    const res = await cli('workspace', 'create', '--name', 'Acme', '--user', 'alice');
    assert.equal(res.code, 0, res.stderr);
    const keys = res.stdout.match(KEY) ?? [];
    assert.equal(keys.length, 1, res.stdout);
    const principal = await (await core()).apiKeys.authenticate(keys[0]!);
    const workspaceId = principal.key.workspace_id;
    assert.match(res.stdout, new RegExp(`workspace id: ${workspaceId}`));
    assert.ok(principal.scopes.has('admin'));
    assert.equal((await (await core()).workspaces.get(null, workspaceId)).name, 'Acme');
    assert.equal((await (await core()).workspaces.getUser(operatorContext(workspaceId), principal.key.user_id!))?.name, 'alice');

    const created = await json('workspace', 'create', '--name', 'Beta');
    assert.equal(created.workspace.name, 'Beta');
    assert.equal(created.user.name, 'admin');
    assert.equal((await (await core()).apiKeys.authenticate(created.api_key.secret)).key.workspace_id, created.workspace.id);

    const listed = await json('workspace', 'list');
    assert.deepEqual(listed.items.map((w: { name: string }) => w.name), ['Acme', 'Beta']);
    const text = await cli('workspace', 'list');
    assert.match(text.stdout, /Acme/);
    assert.doesNotMatch(text.stdout, KEY);
  });

  it('key create issues a key with the scopes asked for, audited as the operator; key revoke stops it', async () => {
    const { workspace } = await json('workspace', 'create', '--name', 'Keys');
    const issued = await json('key', 'create', '--workspace', workspace.id, '--name', 'ci', '--scopes', 'numbers:read, numbers:write');
    assert.deepEqual(issued.scopes, ['numbers:read', 'numbers:write']);
    assert.equal(issued.name, 'ci');
    const c = await core();
    const principal = await c.apiKeys.authenticate(issued.secret);
    assert.equal(principal.key.id, issued.id);
    assert.equal(principal.key.workspace_id, workspace.id);
    assert.ok(principal.scopes.has('numbers:write') && !principal.scopes.has('agents:read'));
    const events = await c.store.audit.list(workspace.id, { objectId: issued.id }, null, 10);
    assert.deepEqual(events.map((e) => [e.type, e.actor.type]), [['api_key.created', 'operator']]);
    assert.ok(!JSON.stringify(events).includes(issued.secret), 'the secret never reaches the audit log');

    const text = await cli('key', 'create', '--workspace', workspace.id, '--scopes', 'events:read');
    assert.equal(text.code, 0, text.stderr);
    assert.equal(text.stdout.match(KEY)?.length, 1);

    const listed = await json('key', 'list', '--workspace', workspace.id);
    assert.equal(listed.items.length, 3); // the first admin key and the two above
    for (const k of listed.items) assert.ok(!('secret' in k) && !('hash' in k), 'a list never shows secrets or hashes');
    assert.ok(!JSON.stringify(listed).includes(issued.secret));

    const revoked = await cli('key', 'revoke', issued.id);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stdout, /revoked/);
    await assert.rejects(c.apiKeys.authenticate(issued.secret), UnauthorizedError);
    const again = await json('key', 'revoke', issued.id);
    assert.ok(again.revoked_at, 'revoking twice is fine');
    const events2 = await c.store.audit.list(workspace.id, { objectId: issued.id }, null, 10);
    assert.deepEqual(events2.map((e) => [e.type, e.actor.type]), [['api_key.created', 'operator'], ['api_key.revoked', 'operator']]);
    const after = await json('key', 'list', '--workspace', workspace.id);
    assert.ok(after.items.find((k: { id: string }) => k.id === issued.id).revoked_at);
  });

  it('unknown commands, options, scopes and missing arguments exit 2 with the usage text', async () => {
    const { workspace } = await json('workspace', 'create', '--name', 'Usage');
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command "frobnicate"/],
      [['workspace', 'delete'], /unknown subcommand "delete"/],
      [['workspace', 'create'], /--name is required/],
      [['workspace', 'create', '--name', 'x', '--colour', 'red'], /--colour/],
      [['key', 'create', '--workspace', workspace.id], /--scopes is required/],
      [['key', 'create', '--workspace', workspace.id, '--scopes', 'numbers:read,everything'], /unknown scope "everything"/],
      [['key', 'create', '--workspace', 'not-an-id', '--scopes', 'admin'], /--workspace must be an id/],
      [['key', 'revoke', UUID, 'extra'], /unexpected argument "extra"/],
      [['--verbose', 'migrate'], /unknown option "--verbose"/],
    ];
    for (const [args, message] of cases) {
      const res = await cli(...args);
      assert.equal(res.code, 2, `${args.join(' ')} → ${res.code}: ${res.stderr}`);
      assert.match(res.stderr, message, args.join(' '));
      assert.match(res.stderr, /Usage: switchboard/, args.join(' '));
      assert.equal(res.stdout, '', args.join(' '));
    }
  });

  it('unknown workspaces and keys exit 1 with a clear message', async () => {
    const ws = await cli('key', 'create', '--workspace', UUID, '--scopes', 'admin');
    assert.equal(ws.code, 1);
    assert.match(ws.stderr, new RegExp(`workspace ${UUID} was not found`));
    const list = await cli('key', 'list', '--workspace', UUID);
    assert.equal(list.code, 1);
    const key = await cli('key', 'revoke', UUID);
    assert.equal(key.code, 1);
    assert.match(key.stderr, /API key .* was not found/);
  });

  it('help prints the usage and exits 0; a bad configuration exits 78 naming the variable', async () => {
    for (const args of [[], ['key', '--help']]) {
      const res = await cli(...args);
      assert.equal(res.code, 0, args.join(' '));
      assert.match(res.stdout, /Usage: switchboard/);
      assert.match(res.stdout, /key create --workspace ID --scopes/);
    }
    const bad = await runChild([BIN, 'migrate'], { ...ctx.env, SWITCHBOARD_SECRET_KEY: 'short' }, { tsx: false });
    assert.equal(bad.code, 78);
    assert.match(bad.stderr, /SWITCHBOARD_SECRET_KEY/);
  });

  it('bin/switchboard.js runs the CLI from any directory, passing the exit code through', async () => {
    const ok = await runChild([BIN, 'workspace', 'list', '--json'], ctx.env, { cwd: os.tmpdir(), tsx: false });
    assert.equal(ok.code, 0, ok.stderr);
    assert.ok(JSON.parse(ok.stdout).items.some((w: { name: string }) => w.name === 'Acme'));
    const bad = await runChild([BIN, 'frobnicate'], ctx.env, { cwd: os.tmpdir(), tsx: false });
    assert.equal(bad.code, 2);
  });

  it('every command says which database it opened, except with --json', async () => {
    const where = databaseLocation({ databaseUrl: ctx.env.DATABASE_URL, dataDir: ctx.env.SWITCHBOARD_DATA_DIR!, schema: ctx.env.SWITCHBOARD_DB_SCHEMA });
    const { workspace } = await json('workspace', 'create', '--name', 'Where');
    for (const args of [['migrate'], ['workspace', 'list'], ['key', 'list', '--workspace', workspace.id], ['workspace', 'create', '--name', 'There']]) {
      const res = await cli(...args);
      assert.equal(res.code, 0, res.stderr);
      assert.equal(res.stdout.split('\n')[0], `database: ${where}`, args.join(' '));
      const quiet = await cli(...args.map((a) => (a === 'There' ? 'Quiet' : a)), '--json');
      assert.doesNotMatch(quiet.stdout, /database:/, args.join(' '));
      JSON.parse(quiet.stdout);
    }
    assert.match(where, ctx.env.DATABASE_URL ? /^PostgreSQL postgres:\/\/.*\(schema t_[0-9a-f]+\)$/ : /^SQLite \/.*switchboard\.db$/);
    // A Postgres URL is shown without its password.
    assert.equal(databaseLocation({ databaseUrl: 'postgres://app:s3cret@db.example.com:5432/sb?sslmode=require&password=x', dataDir: '' }), 'PostgreSQL postgres://app@db.example.com:5432/sb?sslmode=require');
  });

  it('a command that needs a database finds none: it says where it looked, fails, and creates nothing', async () => {
    // The data dir (SQLite) or schema (Postgres) the server would use, which does not exist.
    const missingDir = path.join(os.tmpdir(), `switchboard-absent-${randomBytes(4).toString('hex')}`);
    const missingSchema = `absent_${randomBytes(4).toString('hex')}`;
    const env = { ...ctx.env, SWITCHBOARD_DATA_DIR: missingDir, ...(ctx.env.DATABASE_URL ? { SWITCHBOARD_DB_SCHEMA: missingSchema } : {}) };
    const where = ctx.env.DATABASE_URL ? new RegExp(`no Switchboard database in PostgreSQL .*\\(schema ${missingSchema}\\)`) : new RegExp(`no database at ${missingDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/switchboard\\.db`);
    for (const args of [['workspace', 'list'], ['key', 'list', '--workspace', UUID], ['key', 'create', '--workspace', UUID, '--scopes', 'admin'], ['key', 'revoke', UUID], ['worker']]) {
      const res = await runChild([BIN, ...args], env, { tsx: false, ms: 30_000 });
      assert.equal(res.code, 1, `${args.join(' ')}: ${res.stdout}${res.stderr}`);
      assert.match(res.stderr, where, args.join(' '));
      assert.equal(res.stderr.trim().split('\n').length, 1, `one line: ${res.stderr}`);
    }
    assert.equal(fs.existsSync(missingDir), false, 'no data dir was created');
    const db = (runtime ??= await ctx.openRuntime()).store.db; // the test's own schema, to ask Postgres
    const schemaExists = async () => (await sql`select 1 from information_schema.schemata where schema_name = ${missingSchema}`.execute(db)).rows.length > 0;
    if (ctx.env.DATABASE_URL) assert.equal(await schemaExists(), false, 'no schema was created');
    // workspace create (like migrate and serve) may create it.
    try {
      const created = await runChild([BIN, 'workspace', 'create', '--name', 'New', '--json'], env, { tsx: false });
      assert.equal(created.code, 0, created.stderr);
      if (ctx.env.DATABASE_URL) assert.equal(await schemaExists(), true);
      else assert.equal(fs.statSync(missingDir).mode & 0o777, 0o700, 'a data dir it creates is 0700');
    } finally {
      fs.rmSync(missingDir, { recursive: true, force: true });
      if (ctx.env.DATABASE_URL) await sql`drop schema if exists ${sql.id(missingSchema)} cascade`.execute(db);
    }
  });
});
