// The console served by Switchboard: index.html for the console's pages (never cached without
// a check), hashed assets cached as immutable and sent precompressed, a strict CSP, and every
// other unknown path still a 404 in the format of its face.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadConfig } from '../src/config.ts';
import { CONSOLE_CSP } from '../src/http/console/index.ts';
import { CONSOLE_SECTIONS, defaultConsoleDir } from '../src/http/console/paths.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';

const SCRIPT = 'console.log("console");'.repeat(50);

function fixtureConsole(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-console-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>fixture</title><script type="module" src="/assets/app-abc123.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js.gz'), zlib.gzipSync(SCRIPT));
  fs.writeFileSync(path.join(dir, 'assets', '.hidden'), 'no');
  fs.writeFileSync(path.join(dir, '.build-hash'), 'no');
  return dir;
}

describe('the console, served', () => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    dir = fixtureConsole();
    t = await createTestApp({ SWITCHBOARD_CONSOLE_DIR: dir, SWITCHBOARD_WORKER: 'false' });
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  test('/ is index.html without a key: no-cache, the strict CSP and the other security headers', async () => {
    const res = await get('/');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<title>fixture<\/title>/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.equal(res.headers['content-security-policy'], CONSOLE_CSP);
    for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) assert.ok(CONSOLE_CSP.includes(directive), directive);
    assert.ok(!CONSOLE_CSP.includes('unsafe'), 'no unsafe-inline or unsafe-eval');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    const again = await get('/', { 'if-none-match': String(res.headers.etag) });
    assert.equal(again.statusCode, 304, 'a browser revalidates it cheaply');
    assert.equal((await t.app.inject({ method: 'HEAD', url: '/' })).statusCode, 200);
  });

  test('every console page falls back to index.html, deep links and reloads included', async () => {
    for (const section of CONSOLE_SECTIONS) {
      for (const url of [`/${section}`, `/${section}/`, `/${section}/01900000-0000-7000-8000-000000000000`, `/${section}/a/b?x=1`]) {
        const res = await get(url);
        assert.equal(res.statusCode, 200, url);
        assert.match(res.body, /fixture/, url);
        assert.equal(res.headers['content-security-policy'], CONSOLE_CSP, url);
      }
    }
  });

  test('hashed assets: immutable for a year, gzip when accepted, plain otherwise', async () => {
    const plain = await get('/assets/app-abc123.js');
    assert.equal(plain.statusCode, 200);
    assert.match(String(plain.headers['content-type']), /javascript/);
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, SCRIPT);
    const gz = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip, deflate' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), SCRIPT);
    assert.equal(gz.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  test('a missing asset, a dotfile or a way out of the directory is a 404 in the native format, never index.html', async () => {
    for (const url of ['/assets/missing-123.js', '/assets/.hidden', '/assets/../.build-hash', '/assets/%2e%2e/.build-hash', '/assets/', '/.build-hash', '/index.html']) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^application\/json/, url);
      assert.equal(res.json().error.code, 'not_found', url);
    }
  });

  test('unknown API paths stay API 404s, each in its face\'s format', async () => {
    const v1 = await get('/v1/nothing-here');
    assert.equal(v1.statusCode, 404);
    assert.equal(v1.json().error.code, 'not_found');
    for (const url of ['/api/v2/nothing', '/api/relay/rest/nothing', '/phone_numbers/+1/nothing', '/v1/numbers/nothing', '/nothing']) {
      const res = await get(url, { authorization: `Bearer ${t.key}` });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^application\/json/, `${url}: ${res.body.slice(0, 100)}`);
      assert.doesNotMatch(res.body, /fixture/, url);
    }
    const freya = await get('/api/v2/nothing', { authorization: `Bearer ${t.key}` });
    assert.equal(freya.json().success, false, 'Freya\'s envelope');
  });

  test('the API is unchanged beside it: /openapi.json, /docs, /v1 with a key', async () => {
    assert.equal((await get('/openapi.json')).statusCode, 200);
    assert.equal((await get('/v1/me', { authorization: `Bearer ${t.key}` })).statusCode, 200);
    const doc = (await get('/openapi.json')).json();
    assert.ok(!Object.keys(doc.paths).some((p: string) => p === '/' || p.startsWith('/assets') || p.startsWith('/numbers')), 'console routes are not API operations');
  });
});

describe('the console, not there', () => {
  test('a console directory without a build: / says how to build it (503), the API works', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-console-empty-'));
    const t = await createTestApp({ SWITCHBOARD_CONSOLE_DIR: empty, SWITCHBOARD_WORKER: 'false' });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/numbers' });
      assert.equal(res.statusCode, 503);
      assert.match(res.body, /npm run build/);
      assert.equal((await t.app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode, 404);
      assert.equal((await t.request('GET', '/v1/me')).statusCode, 200);
    } finally {
      await t.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  test('SWITCHBOARD_CONSOLE_DIR=off serves no console: / is a 404', async () => {
    const t = await createTestApp({ SWITCHBOARD_CONSOLE_DIR: 'off', SWITCHBOARD_WORKER: 'false' });
    try {
      assert.equal((await t.app.inject({ method: 'GET', url: '/' })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: '/numbers' })).statusCode, 404);
    } finally {
      await t.close();
    }
  });

  test('SWITCHBOARD_CONSOLE_DIR: the package\'s console/dist by default, a path resolved, off', () => {
    assert.equal(loadConfig({}).consoleDir, defaultConsoleDir());
    assert.equal(defaultConsoleDir(), path.resolve('console', 'dist'));
    assert.equal(loadConfig({ SWITCHBOARD_CONSOLE_DIR: 'some/where' }).consoleDir, path.resolve('some/where'));
    assert.equal(loadConfig({ SWITCHBOARD_CONSOLE_DIR: 'OFF' }).consoleDir, null);
  });
});

test('the built console (npm run build): index.html names assets that are served', async () => {
  const t = await createTestApp({ SWITCHBOARD_WORKER: 'false' });
  try {
    const index = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(index.statusCode, 200, 'the console is built (npm test builds it first)');
    const assets = [...index.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(assets.some((a) => a.endsWith('.js')) && assets.some((a) => a.endsWith('.css')), index.body);
    for (const asset of assets) {
      const res = await t.app.inject({ method: 'GET', url: asset, headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(res.statusCode, 200, asset);
      assert.match(asset, /-[\w-]{8}\.\w+$/, 'content-hashed names');
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      if (!asset.endsWith('.svg')) assert.equal(res.headers['content-encoding'], 'br', asset);
    }
  } finally {
    await t.close();
  }
});
