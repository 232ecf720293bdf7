// Several Switchboard processes on one database: they start together (migrations race safely,
// one bootstrap), and what one writes the others read.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../src/http/app.ts';
import { loadConfig } from '../src/config.ts';
import { createChildEnv, runChild, type ChildEnv } from './helpers/processes.ts';

const envs: ChildEnv[] = [];
after(() => Promise.all(envs.map((e) => e.cleanup())));
const postgres = !!process.env.DATABASE_URL;

test('three processes migrating one fresh database at once all succeed, and each migration ran once', async () => {
  const shared = await createChildEnv();
  envs.push(shared);
  const runs = await Promise.all([1, 2, 3].map(() => runChild(['src/cli/main.ts', 'migrate', '--json'], shared.env)));
  for (const run of runs) assert.equal(run.code, 0, run.stderr);
  const runtime = await shared.openRuntime();
  try {
    const applied = await runtime.store.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    assert.deepEqual(applied.map((r) => (r as { name: string }).name).sort(), ['0001-initial', '0002-webhook-endpoints', '0003-webhook-signing-secrets', '0004-webhook-deliveries', '0005-audit-event-order', '0006-postgres-write-costs', '0007-idempotency-per-api-key', '0008-webhook-header-values-sealed', '0010-time-ordered-lists']);
  } finally {
    await runtime.close();
  }
});

test('servers sharing one database: one bootstrap, and a number written through one is read through another', async () => {
  const shared = await createChildEnv();
  envs.push(shared);
  const runtimes = await Promise.all([shared.openRuntime(), shared.openRuntime(), shared.openRuntime()]);
  try {
    // Postgres: all three race for the bootstrap. SQLite in one process: better-sqlite3 blocks the
    // thread while it waits for a lock, so one process's connections take turns (across
    // processes they wait on each other, as the test above shows).
    const bootstraps = postgres
      ? await Promise.all(runtimes.map((r) => r.core.workspaces.bootstrapIfEmpty()))
      : [await runtimes[0]!.core.workspaces.bootstrapIfEmpty(), await runtimes[1]!.core.workspaces.bootstrapIfEmpty(), await runtimes[2]!.core.workspaces.bootstrapIfEmpty()];
    const created = bootstraps.filter(Boolean);
    assert.equal(created.length, 1, 'exactly one server bootstraps the deployment');
    const key = created[0]!.apiKey.secret;
    const config = { ...loadConfig(shared.env), logLevel: 'silent' as const };
    const [a, b] = await Promise.all(runtimes.slice(0, 2).map((r) => build({ config, core: r.core })));
    try {
      const headers = { authorization: `Bearer ${key}` };
      const posted = await a!.inject({ method: 'POST', url: '/v1/phone-numbers', headers, payload: { number: '+14155559001', friendly_name: 'shared' } });
      assert.equal(posted.statusCode, 201, posted.body);
      const read = await b!.inject({ method: 'GET', url: `/v1/phone-numbers/${posted.json().id}`, headers });
      assert.equal(read.statusCode, 200, read.body);
      assert.equal(read.json().friendly_name, 'shared');
      const duplicate = await b!.inject({ method: 'POST', url: '/v1/phone-numbers', headers, payload: { number: '+14155559001' } });
      assert.equal(duplicate.statusCode, 409, 'the number is held once across servers');
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  } finally {
    await Promise.all(runtimes.map((r) => r.close()));
  }
});

test('Postgres: migrating while other schemas of the database are dropped succeeds', { skip: !postgres && 'PostgreSQL only' }, async () => {
  // Kysely's migrator checks every schema's privileges by name, so a schema dropped by someone
  // else at that moment failed the migration ("schema … does not exist"): it is retried now.
  const pgm = await import('pg');
  const url = process.env.DATABASE_URL!;
  const churn = new pgm.default.Client({ connectionString: url });
  await churn.connect();
  let stop = false;
  const churning = (async () => {
    for (let i = 0; !stop; i++) {
      const name = `churn_${process.pid}_${i}`;
      await churn.query(`create schema ${name}`);
      await churn.query(`create table ${name}.t (id int)`);
      await churn.query(`drop schema ${name} cascade`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    for (let round = 0; round < 6; round++) {
      const shared = await createChildEnv();
      envs.push(shared);
      const runtime = await shared.openRuntime();
      await runtime.close();
    }
  } finally {
    stop = true;
    await churning;
    await churn.end();
  }
});
