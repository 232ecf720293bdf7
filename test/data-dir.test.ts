// The embedded data dir holds the database and the key that decrypts its secrets: Switchboard
// creates it 0700 and its files (switchboard.db, -wal, -shm, secret.key) 0600, whatever the umask.
// Embedded SQLite only, so it runs the same in the Postgres suite.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openRuntime } from '../src/runtime.ts';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('data dir permissions', () => {
  const made: string[] = [];
  const saved = process.umask();
  afterEach(() => {
    process.umask(saved);
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const umask of [0o000, 0o022, 0o002]) {
    test(`umask ${umask.toString(8).padStart(3, '0')}: the dir is 0700, the database, its -wal and -shm and secret.key are 0600`, async () => {
      process.umask(umask);
      const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-perm-'));
      made.push(parent);
      const dataDir = path.join(parent, 'nested', 'data');
      const runtime = await openRuntime(loadConfig({ SWITCHBOARD_DATA_DIR: dataDir }));
      try {
        await runtime.core.workspaces.bootstrapIfEmpty(); // writes: the -wal and -shm files exist now
        assert.equal(mode(dataDir), 0o700);
        for (const name of ['switchboard.db', 'switchboard.db-wal', 'switchboard.db-shm', 'secret.key']) {
          assert.ok(fs.existsSync(path.join(dataDir, name)), `${name} exists`);
          assert.equal(mode(path.join(dataDir, name)).toString(8), '600', name);
        }
      } finally {
        await runtime.close();
      }
    });
  }

  test('a data dir that exists is left as the operator made it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-perm-'));
    made.push(dataDir);
    fs.chmodSync(dataDir, 0o750);
    const runtime = await openRuntime(loadConfig({ SWITCHBOARD_DATA_DIR: dataDir }));
    await runtime.close();
    assert.equal(mode(dataDir), 0o750);
    assert.equal(mode(path.join(dataDir, 'switchboard.db')), 0o600);
  });
});
