// Run after the whole suite by scripts/run-tests.mjs (not with it): every status the suite's
// apps answered (test/helpers/status-log.ts recorded them, by operation) is in that operation's
// OpenAPI responses. A status answered for a method the path does not take (405, or a router
// refusal such as 414 before any route was chosen) must be documented on every operation of
// the path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../helpers/app.ts';
import { readStatusLog, STATUS_LOG_ENV } from '../helpers/status-log.ts';

const dir = process.env[STATUS_LOG_ENV];

test('every status the suite answered is documented for its operation', { skip: dir ? false : `run through npm test (${STATUS_LOG_ENV} unset)` }, async () => {
  const answered = readStatusLog(dir!);
  const t = await createTestApp();
  try {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
    const missing: string[] = [];
    for (const { method, template, status } of answered) {
      const item = doc.paths[template]!;
      const op = item[method.toLowerCase()];
      const ops = op ? [op] : Object.values(item);
      if (!ops.every((o) => o.responses?.[status])) missing.push(`${method} ${template} → ${status}${op ? '' : ' (a method the path does not take)'}`);
    }
    assert.deepEqual(missing.sort(), [], `answered in the suite but not documented (${answered.length} answers recorded)`);
    // The log is not empty: the recorder works, and the suite reached the routes.
    assert.ok(answered.length > 0, 'no answer was recorded');
    const statuses = new Set(answered.map((a) => a.status));
    console.log(`${answered.length} (operation, status) pairs recorded; statuses: ${[...statuses].sort().join(' ')}`);
  } finally {
    await t.close();
  }
});
