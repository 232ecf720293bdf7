// Configuration from the environment, and the secret box that seals secrets at rest.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, parseSecretKey } from '../src/config.ts';
import { createSecretBox, loadOrCreateKeyFile } from '../src/security/secret-box.ts';

const HEX_KEY = 'a'.repeat(16) + '0123456789abcdef'.repeat(3);
const PG = 'postgres://postgres@127.0.0.1:5432/test';

function assertConfigError(env: NodeJS.ProcessEnv, variable: string) {
  assert.throws(
    () => loadConfig(env),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
      assert.equal(err.name, 'ConfigError');
      assert.ok(err.message.includes(variable), `the message "${err.message}" does not name ${variable}`);
      return true;
    },
    `${JSON.stringify(env)} should be refused`,
  );
}

describe('loadConfig', () => {
  test('defaults', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, path.resolve('./data'));
    assert.ok(path.isAbsolute(config.dataDir));
    assert.equal(config.secretKey, undefined);
    assert.equal(config.logLevel, 'info');
    assert.ok(config.bodyLimit > 0 && config.bulkBodyLimit >= config.bodyLimit);
  });

  test('empty and blank values count as unset', () => {
    const config = loadConfig({ PORT: '', HOST: '  ', LOG_LEVEL: '', DATABASE_URL: ' ', SWITCHBOARD_DATA_DIR: '' });
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.logLevel, 'info');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, path.resolve('./data'));
  });

  test('values are read and relative data dirs resolved', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', LOG_LEVEL: 'debug', SWITCHBOARD_DATA_DIR: 'var/sb', DATABASE_URL: PG, SWITCHBOARD_SECRET_KEY: HEX_KEY });
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.logLevel, 'debug');
    assert.equal(config.dataDir, path.resolve('var/sb'));
    assert.equal(config.databaseUrl, PG);
    assert.deepEqual(config.secretKey, Buffer.from(HEX_KEY, 'hex'));
    assert.equal(loadConfig({ DATABASE_URL: 'postgresql://u@h/db', SWITCHBOARD_SECRET_KEY: HEX_KEY }).databaseUrl, 'postgresql://u@h/db');
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) assert.equal(loadConfig({ LOG_LEVEL: level }).logLevel, level);
  });

  test('webhook delivery settings: defaults, durations, and the schedule as times after the first attempt', () => {
    const defaults = loadConfig({}).webhooks;
    assert.deepEqual(defaults.schedule, [0, 5e3, 300e3, 1800e3, 7200e3, 18_000e3, 36_000e3, 50_400e3, 72_000e3, 86_400e3]);
    assert.deepEqual([defaults.timeoutMs, defaults.leaseMs, defaults.disableAfterMs, defaults.concurrency, defaults.endpointConcurrency], [15_000, 60_000, 5 * 86_400e3, 32, 8]);
    assert.equal(loadConfig({}).worker, true);
    assert.equal(loadConfig({ SWITCHBOARD_WORKER: 'false' }).worker, false);
    const set = loadConfig({ SWITCHBOARD_WEBHOOK_RETRY_SCHEDULE: '0, 500ms, 1.5s, 2m, 1h, 1d', SWITCHBOARD_WEBHOOK_TIMEOUT: '2s', SWITCHBOARD_WEBHOOK_LEASE: '7s', SWITCHBOARD_WEBHOOK_DISABLE_AFTER: '36h' }).webhooks;
    assert.deepEqual(set.schedule, [0, 500, 1500, 120e3, 3600e3, 86_400e3]);
    assert.deepEqual([set.timeoutMs, set.leaseMs, set.disableAfterMs], [2000, 7000, 36 * 3600e3]);
    for (const bad of ['5s,10s', '0,10s,5s', '0,ten', '0,5', '', ',', '0,,5s', '0,31d']) {
      if (bad === '') continue; // blank = the default
      assertConfigError({ SWITCHBOARD_WEBHOOK_RETRY_SCHEDULE: bad }, 'SWITCHBOARD_WEBHOOK_RETRY_SCHEDULE');
    }
    assertConfigError({ SWITCHBOARD_WEBHOOK_TIMEOUT: '15' }, 'SWITCHBOARD_WEBHOOK_TIMEOUT');
    assertConfigError({ SWITCHBOARD_WEBHOOK_LEASE: '10s' }, 'SWITCHBOARD_WEBHOOK_LEASE'); // shorter than timeout + 5 s
    assertConfigError({ SWITCHBOARD_WORKER: 'maybe' }, 'SWITCHBOARD_WORKER');
    assertConfigError({ SWITCHBOARD_WEBHOOK_ENDPOINT_CONCURRENCY: '0' }, 'SWITCHBOARD_WEBHOOK_ENDPOINT_CONCURRENCY');
  });

  test('a bad PORT is refused, naming PORT', () => {
    for (const port of ['abc', '70000', '65536', '-1', '3000.5', '1e3', '0x50', '80 80']) assertConfigError({ PORT: port }, 'PORT');
    assert.equal(loadConfig({ PORT: '65535' }).port, 65535);
  });

  test('a bad LOG_LEVEL is refused, naming LOG_LEVEL', () => {
    for (const level of ['loud', 'INFO2', 'verbose']) assertConfigError({ LOG_LEVEL: level }, 'LOG_LEVEL');
  });

  test('a DATABASE_URL that is not PostgreSQL is refused, naming DATABASE_URL', () => {
    for (const url of ['mysql://x', 'sqlite:///tmp/x.db', 'x', 'http://postgres']) assertConfigError({ DATABASE_URL: url, SWITCHBOARD_SECRET_KEY: HEX_KEY }, 'DATABASE_URL');
  });

  test('DATABASE_URL without SWITCHBOARD_SECRET_KEY is refused, naming the key', () => {
    assertConfigError({ DATABASE_URL: PG }, 'SWITCHBOARD_SECRET_KEY');
  });

  test('a bad SWITCHBOARD_SECRET_KEY is refused, naming it', () => {
    const bad = [
      'short',
      'a'.repeat(63), // hex, one short
      'a'.repeat(66), // hex, one byte long
      'g'.repeat(64), // 64 characters, not hex, and base64 of 48 bytes
      randomBytes(16).toString('base64'), // 16 bytes
      randomBytes(31).toString('base64'),
      randomBytes(33).toString('base64'),
      '!!!!' + 'a'.repeat(60),
      'not a key at all, but quite long enough to be one if it were',
    ];
    for (const key of bad) {
      assertConfigError({ SWITCHBOARD_SECRET_KEY: key }, 'SWITCHBOARD_SECRET_KEY');
      assertConfigError({ SWITCHBOARD_SECRET_KEY: key, DATABASE_URL: PG }, 'SWITCHBOARD_SECRET_KEY');
    }
  });

  test('a 64-hex key and a base64 / base64url 32-byte key are accepted', () => {
    const bytes = randomBytes(32);
    assert.deepEqual(loadConfig({ SWITCHBOARD_SECRET_KEY: bytes.toString('hex') }).secretKey, bytes);
    assert.deepEqual(loadConfig({ SWITCHBOARD_SECRET_KEY: bytes.toString('hex').toUpperCase() }).secretKey, bytes);
    assert.deepEqual(loadConfig({ SWITCHBOARD_SECRET_KEY: bytes.toString('base64') }).secretKey, bytes);
    assert.deepEqual(loadConfig({ SWITCHBOARD_SECRET_KEY: bytes.toString('base64url') }).secretKey, bytes);
    assert.deepEqual(loadConfig({ SWITCHBOARD_SECRET_KEY: ` ${bytes.toString('hex')}\n` }).secretKey, bytes);
    assert.deepEqual(loadConfig({ DATABASE_URL: PG, SWITCHBOARD_SECRET_KEY: bytes.toString('base64') }).secretKey, bytes);
    assert.equal(parseSecretKey(bytes.toString('base64')).length, 32);
  });
});

describe('secret box', () => {
  const key = randomBytes(32);
  const box = createSecretBox(key);

  test('round trip, including empty and non-ASCII text', () => {
    for (const plain of ['hunter2', '', 'pässwörd 日本 😀', 'x'.repeat(10_000), 'a.b.c']) {
      const sealed = box.encrypt(plain);
      assert.match(sealed, /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/);
      if (plain.length > 3) assert.ok(!sealed.includes(plain), 'the sealed form shows the plaintext');
      assert.equal(box.decrypt(sealed), plain);
    }
  });

  test('the ciphertext differs on every call', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) seen.add(box.encrypt('same'));
    assert.equal(seen.size, 50);
  });

  test('tampering with any part fails', () => {
    const sealed = box.encrypt('top secret value');
    const parts = sealed.split('.');
    for (let i = 1; i < parts.length; i++) {
      const part = Buffer.from(parts[i]!, 'base64url');
      part[0] = part[0]! ^ 0x01;
      const tampered = [...parts.slice(0, i), part.toString('base64url'), ...parts.slice(i + 1)].join('.');
      assert.throws(() => box.decrypt(tampered), `tampering with part ${i} was not noticed`);
    }
    assert.throws(() => box.decrypt(sealed.replace(/^v1\./, 'v2.')));
    assert.throws(() => box.decrypt('garbage'));
    assert.throws(() => box.decrypt(parts.slice(0, 3).join('.') + '.' + parts[3]!.slice(0, -2)));
  });

  test('another key cannot open it', () => {
    const sealed = box.encrypt('top secret value');
    assert.throws(() => createSecretBox(randomBytes(32)).decrypt(sealed));
  });

  test('a key that is not 32 bytes is refused', () => {
    assert.throws(() => createSecretBox(randomBytes(16)));
    assert.throws(() => createSecretBox(randomBytes(33)));
  });

  test('loadOrCreateKeyFile creates a 0600 key file once, then returns the same key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-key-'));
    try {
      const dataDir = path.join(dir, 'nested', 'data');
      const first = loadOrCreateKeyFile(dataDir);
      assert.equal(first.length, 32);
      const file = path.join(dataDir, 'secret.key');
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      const content = fs.readFileSync(file, 'utf8');
      assert.equal(content.trim(), first.toString('hex'));
      const again = loadOrCreateKeyFile(dataDir);
      assert.deepEqual(again, first);
      assert.equal(fs.readFileSync(file, 'utf8'), content, 'the file is not rewritten');
      // The key it returns works with the box, across "restarts".
      const sealed = createSecretBox(first).encrypt('persisted');
      assert.equal(createSecretBox(loadOrCreateKeyFile(dataDir)).decrypt(sealed), 'persisted');
      // Another data dir gets another key.
      assert.notDeepEqual(loadOrCreateKeyFile(path.join(dir, 'other')), first);
      // A damaged key file is never silently replaced (that would orphan every sealed secret).
      const damaged = path.join(dir, 'damaged');
      fs.mkdirSync(damaged);
      fs.writeFileSync(path.join(damaged, 'secret.key'), 'abcd\n', { mode: 0o600 });
      assert.throws(() => createSecretBox(loadOrCreateKeyFile(damaged)));
      assert.equal(fs.readFileSync(path.join(damaged, 'secret.key'), 'utf8'), 'abcd\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
