// A fresh, empty database for one Switchboard: a temp SWITCHBOARD_DATA_DIR (SQLite), or a new
// schema of DATABASE_URL (Postgres), removed again by dispose() or by the cleanup registry.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { onCleanup } from './cleanup.ts';

export type DbKind = 'sqlite' | 'postgres';

export interface BenchDatabase {
  kind: DbKind;
  /** The variables that point a Switchboard at this database. */
  env: NodeJS.ProcessEnv;
  /** Postgres: the schema (bench_<random>). */
  schema?: string;
  databaseUrl?: string;
  dispose(): Promise<void>;
}

/** Variables of this shell that must not leak into a server under test. */
const SWITCHBOARD_VARIABLES = [
  'PORT', 'HOST', 'DATABASE_URL', 'SWITCHBOARD_DATA_DIR', 'SWITCHBOARD_SECRET_KEY', 'SWITCHBOARD_DB_SCHEMA', 'SWITCHBOARD_FACES',
  'SWITCHBOARD_BODY_LIMIT', 'SWITCHBOARD_BULK_BODY_LIMIT', 'SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE', 'SWITCHBOARD_RATE_LIMIT', 'SWITCHBOARD_MAX_EVENT_LOOP_DELAY', 'LOG_LEVEL', 'NODE_OPTIONS',
];

export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of SWITCHBOARD_VARIABLES) delete env[name];
  return env;
}

export async function pgExec(databaseUrl: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(kind: DbKind, databaseUrl?: string): Promise<BenchDatabase> {
  // Postgres needs no files, but a data dir of its own keeps a stray write out of ./data.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
  const removeDir = onCleanup(`temp dir ${dataDir}`, () => fs.rmSync(dataDir, { recursive: true, force: true }));
  // Private destinations allowed: the deliveries scenario's receiver listens on 127.0.0.1. The
  // per-key rate limit and load shedding are off: the benchmark measures what they protect.
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    SWITCHBOARD_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true',
    SWITCHBOARD_RATE_LIMIT: 'off',
    SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '0',
  };
  if (kind === 'sqlite') return { kind, env, dispose: removeDir };

  if (!databaseUrl) throw new Error('a Postgres database needs DATABASE_URL');
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  // Switchboard creates the schema when missing; dropping it is ours to do.
  const dropSchema = onCleanup(`Postgres schema ${schema}`, async () => {
    await pgExec(databaseUrl, `drop schema if exists ${schema} cascade`);
  });
  Object.assign(env, { DATABASE_URL: databaseUrl, SWITCHBOARD_DB_SCHEMA: schema, SWITCHBOARD_SECRET_KEY: randomBytes(32).toString('hex') });
  return {
    kind,
    env,
    schema,
    databaseUrl,
    async dispose() {
      await dropSchema();
      await removeDir();
    },
  };
}
