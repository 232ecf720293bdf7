// A real listening server (npm start) as a child process: first-start key, restart, bad
// configuration, a busy port, graceful shutdown with a request in flight. The first start runs
// what `npm start` runs, the bundle scripts/build.mjs makes; `switchboard serve` runs the CLI's
// bundle through bin/switchboard.js; the others run the sources through tsx.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createChildEnv, exitWithin, freePort, killAll, ROOT, runChild, startChild, type Child, type ChildEnv } from './helpers/processes.ts';

const KEY = /sb_[A-Za-z0-9_-]+/g;
/** The whole first-start message, from its first line to its closing rule. */
const BANNER = /first start[\s\S]*?={72}/;

describe('server process', { timeout: 600_000 }, () => {
  let ctx: ChildEnv;
  let key = '';

  before(async () => {
    ctx = await createChildEnv();
  });
  after(async () => {
    await killAll();
    await ctx?.cleanup();
  });

  async function start(entry = ['src/main.ts'], env: NodeJS.ProcessEnv = {}): Promise<{ child: Child; base: string }> {
    const port = await freePort();
    const child = startChild(entry, { ...ctx.env, PORT: String(port), ...env }, { tsx: entry[0]!.endsWith('.ts') });
    await child.waitFor(/Server listening at/, 60_000);
    return { child, base: `http://127.0.0.1:${port}` };
  }

  async function stop(child: Child) {
    child.process.kill('SIGTERM');
    return exitWithin(child, 15_000);
  }

  const me = (base: string, secret: string) => fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${secret}` }, signal: AbortSignal.timeout(10_000) });

  it('first start (the built bundle, as npm start runs it) prints the first API key once, and it works', async () => {
    const build = await runChild(['scripts/build.mjs'], ctx.env, { tsx: false });
    assert.equal(build.code, 0, build.stderr);
    const { child, base } = await start(['dist/main.js']);
    await child.waitFor(BANNER, 10_000); // printed once the server listens
    const keys = new Set(child.stdout().match(KEY) ?? []);
    assert.equal(keys.size, 1, child.stdout());
    assert.equal(child.stdout().match(/first start/g)?.length, 1);
    key = [...keys][0]!;
    const res = await me(base, key);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.workspace.name, 'Default workspace');
    assert.ok(body.api_key.scopes.includes('admin'));
    assert.equal((await me(base, `${key}x`)).status, 401);
    assert.deepEqual(await stop(child), { code: 0, signal: null });
    assert.ok(!child.stdout().replace(BANNER, '').includes(key), 'the key appears only in the first-start message, not in logs');
    // It tells whoever collects stdout that the key is in their logs, and how to replace it.
    const banner = child.stdout().match(BANNER)![0];
    assert.match(banner, /If this output is collected[^\n]*\n[^\n]*rotate it/);
    assert.match(banner, new RegExp(`DELETE /v1/api-keys/${body.api_key.id}`));
  });

  it('a restart on the same data prints no key, and the old key still works', async () => {
    assert.ok(key, 'needs the first test');
    const { child, base } = await start();
    assert.doesNotMatch(child.stdout(), KEY);
    assert.doesNotMatch(child.stdout(), /first start/);
    assert.equal((await me(base, key)).status, 200);
    assert.doesNotMatch(child.stdout(), KEY, 'the request log redacts the key');
    assert.deepEqual(await stop(child), { code: 0, signal: null });
  });

  it('a bad configuration value stops the server with a message naming it', async () => {
    const child = startChild(['src/main.ts'], { ...ctx.env, PORT: 'abc' });
    const { code } = await exitWithin(child, 30_000);
    assert.notEqual(code, 0);
    assert.equal(code, 78);
    assert.match(child.stderr(), /PORT/);
  });

  it('SIGTERM lets an in-flight request finish, then exits 0', async () => {
    assert.ok(key, 'needs the first test');
    const { child, base } = await start(['src/main.ts'], { LOG_LEVEL: 'debug' });
    const url = new URL(`${base}/v1/phone-numbers`);
    const body = JSON.stringify({ number: '+14155550123', friendly_name: 'In flight' });
    let inFlight: http.ClientRequest | undefined;
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, timeout: 15_000, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.on('timeout', () => req.destroy(new Error('request timed out')));
      // Half the body now; the rest after SIGTERM, so the request is in flight during shutdown.
      req.write(body.slice(0, 10));
      inFlight = req;
    });
    await child.waitFor(/"msg":"request received"/, 10_000); // the server has the request (LOG_LEVEL=debug)
    child.process.kill('SIGTERM');
    await child.waitFor(/shutting down/, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(child.process.exitCode, null, 'still running while a request is in flight');
    inFlight!.end(body.slice(10));
    const res = await response;
    assert.equal(res.status, 201, res.body);
    assert.equal(JSON.parse(res.body).number, '+14155550123');
    assert.deepEqual(await exitWithin(child, 10_000), { code: 0, signal: null });
  });

  it('switchboard serve runs the same server', async () => {
    assert.ok(key, 'needs the first test');
    const { child, base } = await start([path.join(ROOT, 'bin/switchboard.js'), 'serve']);
    assert.doesNotMatch(child.stdout(), KEY);
    assert.equal((await me(base, key)).status, 200);
    assert.deepEqual(await stop(child), { code: 0, signal: null });
  });

  it('a busy port stops the first start with one line and no key: the next start still prints it', async () => {
    const fresh = await createChildEnv();
    const holder = net.createServer();
    try {
      await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
      const port = (holder.address() as net.AddressInfo).port;
      const busy = startChild(['src/main.ts'], { ...fresh.env, PORT: String(port) });
      const { code } = await exitWithin(busy, 30_000);
      assert.equal(code, 1);
      assert.deepEqual(busy.stderr().trim().split('\n'), [`switchboard: port ${port} is in use; set PORT`]);
      assert.doesNotMatch(busy.stdout() + busy.stderr(), KEY, 'no key was made, or it would be lost');
      assert.doesNotMatch(busy.stderr(), /\n\s+at /, 'no stack trace');
      // Nothing was bootstrapped: a start on a free port prints the first key.
      const freePortNumber = await freePort();
      const next = startChild(['src/main.ts'], { ...fresh.env, PORT: String(freePortNumber) });
      await next.waitFor(BANNER, 60_000);
      assert.equal(new Set(next.stdout().match(KEY)).size, 1);
      assert.deepEqual(await stop(next), { code: 0, signal: null }, next.stdout() + next.stderr());
    } finally {
      holder.close();
      await fresh.cleanup();
    }
  });
});
