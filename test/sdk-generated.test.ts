// The SDK's generated types are the app's OpenAPI document as it is now: regenerated here in
// memory and compared with the committed sdk/src/generated/openapi.ts, so a route change that
// was not regenerated fails CI.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { nativeDocument, SDK_GENERATE_COMMAND, SDK_TYPES_FILE, sdkTypes } from '../scripts/sdk-types.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test(`${SDK_TYPES_FILE} is what the OpenAPI document generates`, async () => {
  const expected = await sdkTypes(t.app.swagger() as never);
  const committed = fs.readFileSync(SDK_TYPES_FILE, 'utf8');
  if (committed !== expected) {
    const a = committed.split('\n');
    const b = expected.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    assert.fail(`${SDK_TYPES_FILE} is out of date with the API (first difference at line ${line + 1}: ${JSON.stringify(a[line])} vs ${JSON.stringify(b[line])}). Run \`${SDK_GENERATE_COMMAND}\` and commit the file.`);
  }
});

test('the SDK types cover the native API only: every /v1 operation but the vendor faces mounted there', () => {
  const doc = t.app.swagger() as never as { paths: Record<string, Record<string, { operationId: string }>> };
  const native = nativeDocument(doc as never) as typeof doc;
  const ids = Object.values(native.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
  for (const id of ['listPhoneNumbers', 'bulkUpdatePhoneNumbers', 'createAgent', 'listWebhookDeliveries', 'retryWebhookDelivery', 'getMe', 'listEvents', 'createApiKey']) assert.ok(ids.includes(id), id);
  assert.ok(!ids.some((id) => id.startsWith('vocode') || id.startsWith('freya')), 'no vendor operations');
  assert.ok(!Object.keys(native.paths).some((p) => !p.startsWith('/v1/')), 'only /v1 paths');
});
