// Migration 0006 on Postgres: phone_numbers leaves room for same-page (HOT) updates, and audit
// documents are compressed with lz4 where the server has it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, usingPostgres } from './helpers/app.ts';

test('phone_numbers fillfactor 70; audit_events.doc lz4 when available', { skip: !usingPostgres() && 'Postgres only' }, async () => {
  const t = await createTestApp();
  try {
    const db = t.runtime.store.db;
    const table = await sql<{ reloptions: string[] | null }>`select reloptions from pg_class where oid = 'phone_numbers'::regclass`.execute(db);
    assert.deepEqual(table.rows[0]?.reloptions, ['fillfactor=70']);
    const lz4 = await sql<{ lz4: boolean }>`select exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) as lz4`.execute(db);
    const column = await sql<{ attcompression: string }>`select attcompression from pg_attribute where attrelid = 'audit_events'::regclass and attname = 'doc'`.execute(db);
    assert.equal(column.rows[0]?.attcompression, lz4.rows[0]?.lz4 ? 'l' : '');
  } finally {
    await t.close();
  }
});
