// The stored form of audit events (src/store/repositories/audit-doc.ts): `before` kept as what
// differs from `after`, and read back whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AuditEvent } from '../src/core/audit/model.ts';
import { decodeEvent, encodeEvent } from '../src/store/repositories/audit-doc.ts';

const event = (before: AuditEvent['before'], after: AuditEvent['after']): AuditEvent => ({
  id: '0190a000-0000-7000-8000-000000000001',
  workspace_id: '0190a000-0000-7000-8000-000000000002',
  type: 'phone_number.updated',
  object_type: 'phone_number',
  object_id: '0190a000-0000-7000-8000-000000000003',
  actor: { type: 'api_key', api_key_id: null, user_id: null },
  changes: ['friendly_name'],
  before,
  after,
  request_id: 'req_1',
  created_at: '2026-11-23T00:00:00.000Z',
});

const object = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 12 });

test('any event reads back as it was written, before included, in the same key order', () => {
  fc.assert(
    fc.property(fc.option(object), fc.option(object), (before, after) => {
      const original = event(before, after);
      const read = decodeEvent(encodeEvent(original));
      assert.deepStrictEqual(read, JSON.parse(JSON.stringify(original)));
      if (before && after && Object.keys(before).join() === Object.keys(after).join()) {
        assert.equal(JSON.stringify(read.before), JSON.stringify(before));
      }
    }),
    { numRuns: 3000 },
  );
});

test('an update stores only the fields that differ, so its document is about half the size', () => {
  const after = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field_${i}`, `a value of some length ${i}`]));
  const before = { ...after, field_3: 'the old name', version: 1 };
  const stored = JSON.parse(encodeEvent(event(before, { ...after, version: 2 })));
  assert.equal(stored.before, undefined);
  assert.deepEqual(stored.before_changed, { field_3: 'the old name', version: 1 });
  assert.ok(encodeEvent(event(before, { ...after, version: 2 })).length < 0.6 * JSON.stringify(event(before, { ...after, version: 2 })).length);
});

test('documents stored whole before this format read as they are', () => {
  const whole = event({ a: 1 }, { a: 2 });
  assert.deepStrictEqual(decodeEvent(JSON.stringify(whole)), whole);
});
