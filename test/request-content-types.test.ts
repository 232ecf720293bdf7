// Content types, on every route of every face (read from the OpenAPI document):
// - a request without a body succeeds whatever its Content-Type says: SDKs and generated clients
//   send `Content-Type: application/json` and nothing after it (DELETE, cancel, rotate-secret,
//   test …), Vocode's own client an empty application/x-www-form-urlencoded body on cancel;
// - a route that takes a body still refuses one in another media type with 415, in its format;
// - application/merge-patch+json is taken wherever the body is a merge patch (and said so in the
//   document), and refused (415) where it is not.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from './helpers/app.ts';
import { requestOf, sampleOf, withRealIds } from './helpers/examples.ts';
import { assertFaceError, Fixtures, HIDDEN_OPERATIONS, label, operations, OPTIONAL_BODY, SUITE_ENV } from './helpers/routes.ts';
import { MERGE_PATCH } from '../src/http/plugins/json-body.ts';

const t = await createTestApp(SUITE_ENV);
const ops = operations(t.app);
const doc = t.app.swagger() as Record<string, any>;
const fx = new Fixtures(t);
const auth = { authorization: `Bearer ${t.key}` };

/** Routes a client calls without a body: none in their schema, or an optional one. */
const bodiless = ops.filter((op) => (!op.body || OPTIONAL_BODY.has(label(op))) && !HIDDEN_OPERATIONS.includes(op));
const withBody = ops.filter((op) => op.body);
const mergePatch = ops.filter((op) => op.consumes.includes(MERGE_PATCH));

const EMPTY_BODIES: [string, Record<string, string>][] = [
  ['Content-Type: application/json, empty body', { 'content-type': 'application/json' }],
  ['Content-Type: application/json; charset=utf-8, empty body', { 'content-type': 'application/json; charset=utf-8' }],
  ['an empty application/x-www-form-urlencoded body', { 'content-type': 'application/x-www-form-urlencoded' }],
  ['no Content-Type, no body', {}],
];

describe('content types on every route', () => {
  after(() => t.close());

  test('every face has routes called without a body, and the bodiless routes include DELETE, cancel, rotate-secret and test', () => {
    assert.deepEqual([...new Set(bodiless.map((op) => op.face))].sort(), ['freya', 'signalwire', 'v1', 'vocode', 'voiceos']);
    for (const id of ['releasePhoneNumber', 'vocodeCancelNumber', 'rotateWebhookEndpointSecret', 'testWebhookEndpoint', 'signalwireReleasePhoneNumber', 'freyaDeletePhoneNumber']) {
      assert.ok(bodiless.some((op) => op.operationId === id), id);
    }
  });

  for (const op of bodiless) {
    test(`${op.face}: ${label(op)} succeeds without a body, whatever the Content-Type`, async () => {
      for (const [what, headers] of EMPTY_BODIES) {
        fx.invalidate(); // a release or a delete takes its fixture away
        const url = await fx.url(op, await fx.query(op));
        const res = await t.app.inject({ method: op.method, url, headers: { ...auth, ...headers }, ...('content-type' in headers ? { payload: '' } : {}) });
        assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${label(op)} with ${what} → ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
    });
  }

  for (const op of withBody) {
    test(`${op.face}: ${label(op)} refuses a body in another media type with 415`, async () => {
      const types = ['application/x-www-form-urlencoded', 'text/plain', 'application/xml', ...(op.consumes.includes(MERGE_PATCH) ? [] : [MERGE_PATCH])];
      for (const type of types) {
        const url = await fx.url(op, await fx.query(op));
        const res = await t.app.inject({ method: op.method, url, headers: { ...auth, 'content-type': type }, payload: '{}' });
        assertFaceError(op.face, res, `${label(op)} as ${type}`, 415);
      }
    });
  }

  test('the merge-patch routes: every native PATCH of one object, and VoiceOS\'s PATCH', () => {
    const expected = ops.filter((op) => op.method === 'PATCH' && op.params.length > 0).map(label).sort();
    assert.deepEqual(mergePatch.map(label).sort(), expected);
    assert.ok(expected.includes('PATCH /phone_numbers/{phone_number}') && expected.includes('PATCH /v1/agents/{id}'));
  });

  for (const op of mergePatch) {
    test(`${op.face}: ${label(op)} takes its example as application/merge-patch+json`, async () => {
      fx.invalidate();
      const documented = doc.paths[op.path][op.method.toLowerCase()];
      assert.ok(documented.requestBody.content[MERGE_PATCH].schema, 'the document lists the media type');
      const sample = await withRealIds(t, fx, sampleOf(documented));
      const request = requestOf(op.method, op.path, sample);
      const res = await t.app.inject({ ...request, headers: { ...auth, ...request.headers, 'content-type': MERGE_PATCH } });
      assert.equal(res.statusCode, 200, res.body);
      // The patch was read: what it set is what the answer shows.
      const body = sample.body as Record<string, unknown>;
      const shown = Object.entries(body).filter(([k, v]) => typeof v !== 'object' && k in res.json());
      assert.ok(shown.length > 0, `no field of ${JSON.stringify(body)} to check in ${res.body}`);
      for (const [k, v] of shown) assert.deepEqual(res.json()[k], v, k);
    });
  }
});
