// A real Switchboard for a test file: real SQLite (a temp dir) or real Postgres (its own
// schema of DATABASE_URL), migrated, with a bootstrapped workspace and admin key.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { build } from '../../src/http/app.ts';
import { openRuntime, type Runtime } from '../../src/runtime.ts';
import type { NewWorkspace } from '../../src/core/workspaces/service.ts';
import { recordStatuses } from './status-log.ts';

export const TEST_SECRET_KEY = '6a1f0b6cd9a54c0e8b1e2f3a4b5c6d7e8f9012345678901234567890abcdef01';

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  config: Config;
  /** The bootstrapped workspace (admin + operator key). */
  first: NewWorkspace;
  key: string;
  /** Every log line the app wrote. */
  logs: string[];
  dialect: 'sqlite' | 'postgres';
  request(method: InjectOptions['method'], url: string, body?: unknown, options?: { key?: string | null; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const usingPostgres = () => !!process.env.DATABASE_URL;

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = process.env.DATABASE_URL;
  let schema: string | undefined;
  let dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-'));
  if (databaseUrl) {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
  }
  const config = loadConfig({
    SWITCHBOARD_DATA_DIR: dataDir,
    SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'info',
    // Load shedding reacts to how busy the machine is, not to what a test does: off unless a test
    // turns it on (test/load-shedding.test.ts), so a loaded CI machine cannot make tests flaky.
    SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '0',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  const runtime = await openRuntime(config, { schema });
  const first = (await runtime.core.workspaces.bootstrapIfEmpty())!;
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const app = await build({ config, core: runtime.core, logStream });
  await app.ready();
  recordStatuses(app, config.faces);
  const key = first.apiKey.secret;
  return {
    app,
    runtime,
    config,
    first,
    key,
    logs,
    dialect: runtime.store.dialect,
    request(method, url, body, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      const useKey = options.key === undefined ? key : options.key;
      if (useKey !== null && !headers.authorization) headers.authorization = `Bearer ${useKey}`;
      return app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as never } : {}) });
    },
    async close() {
      await app.close();
      await runtime.close();
      if (databaseUrl && schema) {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`drop schema ${schema} cascade`);
        await client.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      dataDir = '';
    },
  };
}

/** A second workspace with its own admin key, for tenancy tests. */
export async function createOtherWorkspace(t: TestApp, name = 'other'): Promise<{ workspaceId: string; userId: string; key: string }> {
  const res = await t.request('POST', '/v1/workspaces', { name });
  if (res.statusCode !== 201) throw new Error(`could not create workspace: ${res.body}`);
  const body = res.json();
  return { workspaceId: body.workspace.id, userId: body.user.id, key: body.api_key.secret };
}

/** A key of the first workspace with exactly these scopes. */
export async function createKey(t: TestApp, scopes: string[], name = 'test key'): Promise<{ id: string; key: string }> {
  const res = await t.request('POST', '/v1/api-keys', { name, scopes });
  if (res.statusCode !== 201) throw new Error(`could not create key: ${res.body}`);
  return { id: res.json().id, key: res.json().secret };
}

/** Walks every page of a /v1 list with this page size, checking the paging fields on the way. */
export async function listAll(t: TestApp, path: string, limit: number, key?: string): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const url: string = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await t.request('GET', url, undefined, key ? { key } : {});
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.ok(body.data.length <= limit);
    assert.equal(body.has_more, body.next_cursor !== null);
    items.push(...body.data);
    cursor = body.next_cursor;
    pages++;
    assert.ok(pages < 200, 'pagination does not end');
  } while (cursor);
  return { items, pages };
}
