// Hostile request bodies on every route of every face (read from the OpenAPI document), at the
// default limits (1 MiB, bulk 32 MiB):
// - schema-driven: fast-check builds a document from the route's body schema, then breaks one to
//   three places of it (wrong types, missing and extra fields, strings past maxLength or of a few
//   hundred KB, nesting deeper than 32, NUL, controls, lone surrogates, numbers out of range or
//   1e309, __proto__ and constructor.prototype keys); a body the schema refuses must be refused;
// - raw bytes: malformed JSON, empty and missing bodies, JSON that is not an object, wrong and odd
//   content types (415), a byte-order mark, UTF-16, nesting 33 to 100,000 deep, __proto__ /
//   constructor.prototype keys (also \u-escaped), duplicate keys, a 3 MB body (413, but not on
//   the bulk routes); unknown paths (404) and methods (405) under each face's prefix.
// Every answer is a 2xx or a 4xx in the face's own error format, never a 5xx or a hang; a refused
// request leaves the database as it was; no prototype is polluted.
//
// At the end, two bugs these tests found: invalid UTF-8 in a body was accepted (decoded to
// U+FFFD), and a path the router cannot decode (%ZZ, an encoded lone surrogate) or whose
// parameter is longer than 256 characters was answered in Fastify's own format (no face's, no
// x-request-id).
//
// HOSTILE_RUNS=n runs n schema-driven cases per route (default 25); HOSTILE_SEED=s replays a
// failing run; HOSTILE_ONLY=regex narrows to matching routes; HOSTILE_DEBUG=1 prints the answers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp } from './helpers/app.ts';
import {
  assertFaceError, BULK_ROUTES, checkOptions, type Expect, expectForBody, type FaceName, hostileDocument, hostileSuite, injectWithin, label, type Operation, operations, OPTIONAL_BODY, selected, SUITE_ENV,
} from './helpers/routes.ts';
import { MERGE_PATCH } from '../src/http/plugins/json-body.ts';

const t = await createTestApp(SUITE_ENV);
const ops = operations(t.app);
const withBody = ops.filter((op) => op.body);

interface Case {
  name: string;
  payload?: string | Buffer;
  contentType?: string;
  /** What a route that takes a JSON body must do; routes without one may answer anything but a 5xx. */
  forBody: Expect;
  /** The status a refusal must have on a route with a body. */
  status?: number | number[];
}

/** The cases tried on routes that take no body too (they must not trip over one either). */
const ON_EVERY_ROUTE = new Set(['malformed "{"', 'empty body, JSON content type', 'content type application/xml', 'nested 100,000 deep (arrays)',
  'poisoned {"__proto__":{"polluted":"yes"}}', '3 MB']);

const MB3 = `{"x":"${'m'.repeat(3 * 1024 * 1024)}"}`;
const deep = (n: number, open: string, close: string, inner = '1') => `${open.repeat(n)}${inner}${close.repeat(n)}`;

const CASES: Case[] = [
  ...['{', '{"a":1,}', "{'a':1}", '[1,2', 'nul', '{"a":1}}', '{"a":"\\x"}', '{"a":NaN}', '{"a":01}', '{"a":"b\nc"}', '\u0000']
    .map((payload): Case => ({ name: `malformed ${JSON.stringify(payload)}`, payload, contentType: 'application/json', forBody: 'reject' })),
  { name: 'empty body, JSON content type', payload: '', contentType: 'application/json', forBody: 'reject' },
  { name: 'no body, no content type', forBody: 'reject' },
  ...['null', '[]', '"text"', '1e309'].map((payload): Case => ({ name: `JSON ${payload}`, payload, contentType: 'application/json', forBody: 'reject' })),
  ...['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/merge-patch+json', 'application/jsonx']
    .map((contentType): Case => ({ name: `content type ${contentType}`, payload: '{}', contentType, forBody: 'reject', status: 415 })),
  { name: 'content type text/plain', payload: '{}', contentType: 'text/plain', forBody: 'reject' },
  { name: 'content type with a bogus charset', payload: '{}', contentType: 'application/json; charset=klingon', forBody: 'any' },
  { name: 'content type in capitals', payload: '{}', contentType: 'APPLICATION/JSON', forBody: 'any' },
  { name: 'a byte-order mark', payload: Buffer.from('\ufeff{}'), contentType: 'application/json', forBody: 'any' },
  { name: 'UTF-16LE', payload: Buffer.from('{"a":"b"}', 'utf16le'), contentType: 'application/json', forBody: 'reject' },
  { name: 'duplicate keys', payload: '{"a":1,"a":2}', contentType: 'application/json', forBody: 'any' },
  { name: 'nested 33 deep (arrays)', payload: deep(33, '[', ']'), contentType: 'application/json', forBody: 'reject' },
  { name: 'nested 33 deep (objects)', payload: deep(33, '{"a":', '}'), contentType: 'application/json', forBody: 'reject' },
  { name: 'nested 100,000 deep (arrays)', payload: deep(100_000, '[', ']'), contentType: 'application/json', forBody: 'reject' },
  { name: 'nested 10,000 deep (objects)', payload: `{"x":${deep(10_000, '{"a":', '}')}}`, contentType: 'application/json', forBody: 'reject' },
  ...[
    '{"__proto__":{"polluted":"yes"}}',
    '{"\\u005f_proto__":{"polluted":"yes"}}',
    '{"a":{"b":[{"__proto__":{"polluted":"yes"}}]}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"c\\u006fnstructor":{"prototype":{"polluted":"yes"}}}',
  ].map((payload): Case => ({ name: `poisoned ${payload}`, payload, contentType: 'application/json', forBody: 'reject' })),
  { name: '3 MB', payload: MB3, contentType: 'application/json', forBody: 'reject', status: 413 },
];

describe('hostile bodies and bytes: every route, every face', () => {
  const { fx, prober, hints } = hostileSuite(t);

  test('every face has routes with bodies here', () => {
    const faces = new Set(withBody.map((op) => op.face));
    assert.deepEqual([...faces].sort(), ['freya', 'signalwire', 'v1', 'vocode', 'voiceos']);
  });

  for (const op of withBody.filter(selected)) {
    test(`${op.face}: ${label(op)}: schema-driven bodies`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileDocument(op.body!, hints()), fc.nat(5), async (doc, variant) => {
          const url = await fx.url(op, await fx.query(op), variant);
          await prober.send(op, { url, payload: doc.text, contentType: 'application/json', what: doc.what }, expectForBody(op, doc.text));
        }),
        checkOptions(25),
      );
    });
  }

  test('most hostile bodies were refused, and some reached past validation into the core', { skip: !!process.env.HOSTILE_ONLY }, () => {
    assert.ok(prober.refused > prober.accepted && prober.accepted > 0, `refused ${prober.refused}, accepted ${prober.accepted}`);
  });

  test('the cases for routes without a body are among the cases', () => {
    assert.deepEqual([...ON_EVERY_ROUTE].filter((name) => !CASES.some((c) => c.name === name)), []);
  });

  for (const op of ops.filter(selected)) {
    test(`${op.face}: ${label(op)}: raw bytes`, async () => {
      const takesBody = !!op.body;
      for (const c of CASES.filter((x) => takesBody || ON_EVERY_ROUTE.has(x.name))) {
        let expect: Expect = takesBody ? c.forBody : 'any';
        // An empty body is no body, whatever the content type (src/http/plugins/json-body.ts).
        if (OPTIONAL_BODY.has(label(op)) && (c.payload === undefined || c.payload === '' || c.payload === 'null')) expect = 'any';
        // A merge-patch route takes application/merge-patch+json as it takes JSON.
        if (c.contentType === MERGE_PATCH && op.consumes.includes(MERGE_PATCH) && typeof c.payload === 'string') expect = expectForBody(op, c.payload);
        if (BULK_ROUTES.has(label(op)) && c.name === '3 MB') expect = 'any';
        const url = await fx.url(op, await fx.query(op));
        const res = await prober.send(op, { url, payload: c.payload, contentType: c.contentType ?? null, what: c.name }, expect);
        if (BULK_ROUTES.has(label(op)) && c.name === '3 MB') assert.notEqual(res.statusCode, 413, `${label(op)} takes bodies up to the bulk limit (32 MiB)`);
        if (expect === 'reject' && c.status) assert.ok(([] as number[]).concat(c.status).includes(res.statusCode), `${label(op)} ${c.name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    });
  }

  test('unknown paths under each face\'s prefix answer 404, other methods on known paths 405, in that face\'s format', async () => {
    const n = await fx.number();
    const cases: [FaceName, string, string, number][] = [
      ['v1', 'GET', '/v1/no-such-route', 404],
      ['v1', 'PUT', '/v1/agents', 405],
      ['v1', 'GET', '/v1', 404],
      ['freya', 'GET', '/api/v2/agents', 404],
      ['freya', 'PATCH', `/api/v2/phone-numbers/${n.id}`, 405],
      ['freya', 'POST', `/api/v2/phone-numbers/${n.id}`, 405],
      ['freya', 'GET', '/api/v2', 404],
      ['freya', 'GET', `/api/v2/phone-numbers/${n.id}/x`, 404],
      ['voiceos', 'DELETE', `/phone_numbers/${encodeURIComponent(n.number)}`, 405],
      ['voiceos', 'GET', `/phone_numbers/${encodeURIComponent(n.number)}/webhooks`, 404],
      ['vocode', 'GET', '/v1/numbers/nope', 404],
      ['vocode', 'DELETE', '/v1/numbers', 405],
      ['vocode', 'GET', '/v1/numbers/update', 405],
      ['signalwire', 'POST', '/api/relay/rest/phone_numbers', 405],
      ['signalwire', 'PATCH', `/api/relay/rest/phone_numbers/${n.id}`, 405],
      ['signalwire', 'GET', '/api/relay/rest/calls', 404],
    ];
    for (const [face, method, url, status] of cases) {
      const res = await injectWithin(t.app, { method: method as Operation['method'], url, headers: { authorization: `Bearer ${t.key}` } }, `${method} ${url}`);
      assertFaceError(face, res, `${face} ${method} ${url}`, status);
      assert.equal(res.headers.allow === undefined, status === 404, `${method} ${url}: Allow only with 405`);
    }
  });

  // Paths the router cannot decode: a 4xx in JSON, never a 5xx, and in the face's own format.
  const undecodable = ['%ZZ', '%ED%A0%80', '%C0%AF', '%', 'x'.repeat(300)];
  const withParams = ops.filter((op) => op.params.length);

  test('paths the router cannot decode, or with a parameter over 256 characters: a 4xx in JSON, never a 5xx', async () => {
    for (const op of withParams) {
      for (const bad of undecodable) {
        const url = op.path.replace(/\{\w+\}/g, bad);
        const res = await injectWithin(t.app, { method: op.method, url, headers: { authorization: `Bearer ${t.key}` } }, url);
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${op.method} ${url.slice(0, 80)} → ${res.statusCode}`);
        assert.doesNotThrow(() => res.json(), url);
      }
    }
  });

  test('…and they answer in the face\'s own format (frameworkErrors in src/http/framework-errors.ts)', async () => {
    for (const op of withParams) {
      for (const bad of undecodable) {
        const url = op.path.replace(/\{\w+\}/g, bad);
        const res = await injectWithin(t.app, { method: op.method, url, headers: { authorization: `Bearer ${t.key}` } }, url);
        assertFaceError(op.face, res, `${op.method} ${url.slice(0, 80)}`);
      }
    }
  });

  const invalidUtf8 = [
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), // {"a":"\xff\xfe"}
    Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3]), Buffer.from('"}')]), // a truncated sequence
    Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), // overlong "/"
    Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), // an encoded surrogate
  ];

  test('invalid UTF-8 in a body: never a 5xx', async () => {
    for (const op of ops.filter((o) => o.body)) {
      for (const payload of invalidUtf8) {
        const res = await prober.send(op, { url: await fx.url(op, await fx.query(op)), payload, contentType: 'application/json', what: 'invalid UTF-8' }, 'any');
        assert.ok(res.statusCode < 500);
      }
    }
  });

  test('invalid UTF-8 in a body is refused, not decoded to U+FFFD (src/http/plugins/json-body.ts)', async () => {
    // Bodies each face would take, with a text field holding a byte that is not UTF-8.
    const BAD = '@@BAD@@';
    const withBadByte = (body: object) => {
      const [head, tail] = JSON.stringify(body).split(BAD) as [string, string];
      return Buffer.concat([Buffer.from(head), Buffer.from([0xff]), Buffer.from(tail)]);
    };
    const n = await fx.number();
    const cases: [FaceName, Operation['method'], string, object][] = [
      ['v1', 'POST', '/v1/agents', { name: BAD }],
      ['v1', 'PATCH', `/v1/phone-numbers/${n.id}`, { friendly_name: BAD }],
      ['freya', 'PUT', '/api/v2/phone-numbers', { workspaceId: t.first.workspace.id, phoneNumbers: [{ id: n.id, friendlyName: BAD }] }],
      ['voiceos', 'PATCH', `/phone_numbers/${encodeURIComponent(n.number)}`, { telephony: { provider: BAD } }],
      ['vocode', 'POST', `/v1/numbers/update?phone_number=${encodeURIComponent(n.number)}`, { label: BAD }],
      ['signalwire', 'PUT', `/api/relay/rest/phone_numbers/${n.id}`, { name: BAD }],
    ];
    try {
      for (const [face, method, url, body] of cases) {
        const res = await injectWithin(t.app, { method, url, headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' }, payload: withBadByte(body) }, url);
        if (res.statusCode < 400) prober.reset();
        assertFaceError(face, res, `${method} ${url} with a byte that is not UTF-8`);
      }
    } finally {
      prober.reset();
    }
  });
});

