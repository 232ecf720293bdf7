// SQLite's WAL is copied into the database file by a checkpoint thread, not by the commits of
// requests (src/store/sqlite-checkpointer.ts): after writes far below the commit-time backstop,
// the database file itself grows within a second or so, and the data reads back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestApp, usingPostgres } from './helpers/app.ts';

test('writes reach the database file without a commit-time checkpoint', { skip: usingPostgres() && 'SQLite only' }, async () => {
  const t = await createTestApp();
  try {
    const file = path.join(t.config.dataDir, 'switchboard.db');
    const walFile = `${file}-wal`;
    for (let i = 0; i < 300; i++) {
      const res = await t.request('POST', '/v1/phone-numbers', { number: `+1206555${String(i).padStart(4, '0')}`, metadata: { note: 'x'.repeat(2000) } });
      assert.equal(res.statusCode, 201, res.body);
    }
    // 300 numbers with their events: well over a megabyte, all of it in the log so far.
    assert.ok(fs.statSync(walFile).size > 1_000_000, 'the writes went to the WAL');
    const deadline = Date.now() + 5_000;
    while (fs.statSync(file).size < 1_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(fs.statSync(file).size >= 1_000_000, `the database file holds the writes (${fs.statSync(file).size} bytes)`);
    const list = await t.request('GET', '/v1/phone-numbers?limit=200');
    assert.equal(list.json().data.length, 200);
  } finally {
    await t.close();
  }
});
