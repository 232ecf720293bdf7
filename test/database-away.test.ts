// The database stops answering: requests get 503 + Retry-After in each face's format (never 500,
// never a long hang), /readyz says not ready, /healthz stays 200, and the server recovers by itself
// once the database is back.
// - PostgreSQL: the app reaches the database through a TCP proxy in this process; closing the
//   proxy (and cutting its connections) makes the database go away: connections in the pool are
//   lost and new ones are refused. Reopening it on the same port brings the database back.
// - SQLite (embedded; the file cannot vanish from under an open connection): another process's
//   connection takes the database's write lock and keeps it. Reads still answer (WAL); every
//   write waits busy_timeout (5 s) and then gets 503; /readyz says not ready.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { LightMyRequestResponse } from 'fastify';
import { HttpError, toProblem } from '../src/http/errors.ts';
import { createTestApp, usingPostgres, type TestApp } from './helpers/app.ts';
import { assertFace503, faceReads } from './helpers/face-503.ts';


/** A TCP proxy to PostgreSQL that can be cut and restored. */
class DatabaseProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** The database goes away: open connections are cut, new ones refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function proxiedUrl(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
}

async function timed(request: Promise<LightMyRequestResponse>): Promise<{ res: LightMyRequestResponse; ms: number }> {
  const started = Date.now();
  const res = await request;
  return { res, ms: Date.now() - started };
}



function writes(t: TestApp, n: number): Record<string, () => Promise<LightMyRequestResponse>> {
  return {
    v1: () => t.request('POST', '/v1/phone-numbers', { number: `+1415555${1000 + n}` }, { headers: { 'idempotency-key': `away-${n}` } }),
    freya: () => t.request('POST', '/api/v2/phone-numbers', { number: `+1415555${2000 + n}`, workspaceId: t.first.workspace.id, userId: t.first.user.id }),
  };
}

async function assertAllAnswer(t: TestApp, n: number): Promise<void> {
  const ready = await t.request('GET', '/readyz', undefined, { key: null });
  assert.equal(ready.statusCode, 200, ready.body);
  for (const [face, read] of Object.entries(faceReads(t))) assert.equal((await read()).statusCode, 200, face);
  for (const [face, write] of Object.entries(writes(t, n))) {
    const res = await write();
    assert.equal(res.statusCode, 201, `${face}: ${res.body}`);
  }
}

test('database errors that mean "not now" are 503 with Retry-After; others stay 500', () => {
  const err = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
  const unavailable = [
    err('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    new AggregateError([err('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED'), err('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')]), // "localhost": both families tried
    err('Connection terminated unexpectedly'),
    err('Client has encountered a connection error and is not queryable'),
    err('timeout exceeded when trying to connect'),
    err('terminating connection due to administrator command', '57P01'),
    err('the database system is starting up', '57P03'),
    err('sorry, too many clients already', '53300'),
    err('connection failure', '08006'),
    err('database is locked', 'SQLITE_BUSY'),
    err('database is locked', 'SQLITE_BUSY_TIMEOUT'),
    err('attempt to write a readonly database', 'SQLITE_READONLY'),
    err('attempt to write a readonly database', 'SQLITE_READONLY_DBMOVED'),
    err('disk I/O error', 'SQLITE_IOERR_WRITE'),
    err('database or disk is full', 'SQLITE_FULL'),
    Object.assign(new Error('query failed'), { cause: err('read ECONNRESET', 'ECONNRESET') }),
  ];
  for (const e of unavailable) {
    const problem = toProblem(e);
    assert.equal(problem.status, 503, e.message);
    assert.equal(problem.code, 'unavailable');
    assert.ok(problem.retryAfter && problem.retryAfter >= 1);
  }
  for (const e of [err('syntax error at or near "x"', '42601'), err('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE'), new TypeError('x is undefined'), new AggregateError([new Error('boom')])]) {
    assert.equal(toProblem(e).status, 500, e.message);
  }
  assert.deepEqual(toProblem(new HttpError(503, 'unavailable', 'busy', [], 7)).retryAfter, 7);
});

test('PostgreSQL goes away and comes back: 503 in every face at once, /readyz not ready, then recovery', { skip: !usingPostgres() && 'PostgreSQL only (set DATABASE_URL)' }, async () => {
  const target = new URL(process.env.DATABASE_URL!);
  const proxy = new DatabaseProxy({ host: target.hostname === 'localhost' ? '127.0.0.1' : target.hostname, port: Number(target.port || 5432) });
  await proxy.open();
  const t = await createTestApp({ DATABASE_URL: proxiedUrl(process.env.DATABASE_URL!, proxy.port) });
  try {
    await assertAllAnswer(t, 1);

    for (let round = 0; round < 2; round++) {
      await proxy.cut();
      for (const [face, read] of Object.entries(faceReads(t))) {
        const { res, ms } = await timed(read());
        assertFace503(face, res, /temporarily unavailable/);
        assert.ok(ms < 3_000, `${face}: answered after ${ms} ms`);
      }
      for (const [face, write] of Object.entries(writes(t, 10 + round))) {
        const { res, ms } = await timed(write());
        assertFace503(face, res, /temporarily unavailable/);
        assert.ok(ms < 3_000, `${face}: answered after ${ms} ms`);
      }
      const ready = await t.request('GET', '/readyz', undefined, { key: null });
      assert.equal(ready.statusCode, 503, ready.body);
      assert.deepEqual(ready.json(), { status: 'not_ready', database: 'unreachable' });
      assert.equal((await t.request('GET', '/healthz', undefined, { key: null })).statusCode, 200);
      assert.ok(!t.logs.some((line) => /"statusCode":500/.test(line)), 'no 500 was logged');

      // The database is back: the very next requests succeed, without a restart.
      await proxy.open();
      await assertAllAnswer(t, 20 + round);
      // The writes refused while it was away were not made; a retry with the same Idempotency-Key works.
      const retried = await writes(t, 10 + round).v1!();
      assert.equal(retried.statusCode, 201, retried.body);
      assert.equal(retried.headers['idempotent-replayed'], undefined);
    }
  } finally {
    await proxy.open().catch(() => {});
    await t.close();
    await proxy.cut();
  }
});

test('SQLite locked by another process: writes get 503 in the face\'s format, /readyz not ready, then recovery', { skip: usingPostgres() && 'SQLite only (unset DATABASE_URL)' }, async () => {
  // A write waiting for the lock blocks the event loop (better-sqlite3 is synchronous), which
  // load shedding would answer too: switched off here to see the database's own answer.
  const t = await createTestApp({ SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '0' });
  try {
    await assertAllAnswer(t, 1);
    const other = new SQLite(path.join(t.config.dataDir, 'switchboard.db'));
    try {
      other.exec('begin exclusive');
      // Reads still answer: WAL readers do not wait for the writer.
      for (const [face, read] of Object.entries(faceReads(t))) assert.equal((await read()).statusCode, 200, face);
      for (const [face, write] of Object.entries(writes(t, 10))) {
        const { res, ms } = await timed(write());
        assertFace503(face, res, /temporarily unavailable/);
        assert.ok(ms < 8_000, `${face}: answered after ${ms} ms`);
      }
      const ready = await t.request('GET', '/readyz', undefined, { key: null });
      assert.equal(ready.statusCode, 503, ready.body);
      assert.deepEqual(ready.json(), { status: 'not_ready', database: 'unreachable' });
      assert.equal((await t.request('GET', '/healthz', undefined, { key: null })).statusCode, 200);
      assert.ok(!t.logs.some((line) => /"statusCode":500/.test(line)), 'no 500 was logged');
    } finally {
      if (other.inTransaction) other.exec('rollback');
      other.close();
    }
    await assertAllAnswer(t, 20);
    const retried = await writes(t, 10).v1!();
    assert.equal(retried.statusCode, 201, retried.body);
  } finally {
    await t.close();
  }
});
