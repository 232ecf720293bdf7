// Property tests (fast-check): every valid configuration round-trips through the API, and no
// invalid input — random values, wrong types, huge strings, deep nesting, prototype keys,
// malformed payloads — ever gets anything but a 4xx in the error envelope.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { CALL_HANDLER_REQUIRES, MESSAGE_HANDLER_REQUIRES } from '../src/core/phone-numbers/apply-patch.ts';
import { CALL_HANDLER_TYPES, MESSAGE_HANDLER_TYPES } from '../src/core/phone-numbers/schema.ts';
import { writableDefaults } from '../src/core/phone-numbers/state.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Body = Record<string, unknown>;

const RUNS_VALID = Number(process.env.PROPERTY_RUNS ?? 60);
const RUNS_INVALID = Number(process.env.PROPERTY_RUNS_INVALID ?? 60);

// ---------------------------------------------------------------------------------------------
// Arbitraries for valid input
// ---------------------------------------------------------------------------------------------

const asciiChar = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const unicodeChar = fc.constantFrom('é', 'ß', 'Ω', '日', '本', '😀', 'ñ', 'ø');
/** Printable: what a friendly name may hold. */
const printableChar = fc.oneof({ weight: 8, arbitrary: asciiChar }, { weight: 2, arbitrary: unicodeChar });
/** Free-form text: printable plus tabs, newlines and other controls (never NUL). */
const freeChar = fc.oneof({ weight: 8, arbitrary: printableChar }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 0x1f }).map((c) => String.fromCharCode(c)) });

const printable = (maxLength: number, minLength = 0) => fc.string({ unit: printableChar, minLength, maxLength });
const freeText = (maxLength: number, minLength = 0) => fc.string({ unit: freeChar, minLength, maxLength });
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 5 });

const httpUrl = fc
  .webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true })
  .filter((u) => u.length <= 2048);
const method = fc.constantFrom('GET', 'POST');
const hostName = fc.oneof(
  fc.domain().filter((d) => d.length <= 200),
  fc.ipV4(),
  fc.ipV6().map((ip) => `[${ip}]`),
);
const endpoint = fc.tuple(hostName, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined })).map(([h, p]) => (p === undefined ? h : `${h}:${p}`));
const sipUri = fc
  .tuple(fc.constantFrom('sip:', 'sips:', 'SIP:'), fc.option(fc.stringMatching(/^[a-z0-9]{1,12}$/), { nil: undefined }), fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }))
  .map(([scheme, user, host, port]) => `${scheme}${user ? `${user}@` : ''}${host}${port ? `:${port}` : ''}`)
  .filter((u) => u.length <= 2048);
const tokenChar = fc.constantFrom(...'!#$%&\'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
const token = fc.string({ unit: tokenChar, minLength: 1, maxLength: 40 });
const headerValue = fc.string({ unit: fc.oneof({ weight: 9, arbitrary: printableChar }, { weight: 1, arbitrary: fc.constant('\t') }), maxLength: 80 });
const headers = fc.uniqueArray(fc.record({ name: token, value: headerValue }), { maxLength: 5, selector: (h) => h.name.toLowerCase() });
const labelKey = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,62}$/);
const mapKey = printable(40).filter((k) => k !== '__proto__');
const metadataValue = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;

const capabilities = fc.record(
  { voice: nullable(fc.boolean()), sms: nullable(fc.boolean()), mms: nullable(fc.boolean()), fax: nullable(fc.boolean()) },
  { requiredKeys: [], noNullPrototype: true },
);

const callHandlerTextField = { laml_application_id: 128, dialogflow_agent_id: 128, relay_topic: 256, relay_context: 256, relay_application: 256, relay_connector_id: 128, sip_endpoint_id: 128, verto_resource: 256, video_room_id: 128 } as const;
const URL_FIELDS = new Set(['request_url', 'fallback_url', 'status_callback_url', 'relay_topic_status_callback_url', 'relay_script_url', 'relay_context_status_callback_url']);

/** A value for a handler field that satisfies it as "required" (non-empty). */
const requiredValue = (field: string) => (URL_FIELDS.has(field) ? httpUrl : printable(100, 1));

const callHandler = fc
  .record(
    {
      type: nullable(fc.constantFrom(...CALL_HANDLER_TYPES)),
      receive_mode: nullable(fc.constantFrom('voice', 'fax')),
      request_url: nullable(httpUrl),
      request_method: nullable(method),
      fallback_url: nullable(httpUrl),
      fallback_method: nullable(method),
      status_callback_url: nullable(httpUrl),
      status_callback_method: nullable(method),
      relay_topic_status_callback_url: nullable(httpUrl),
      relay_script_url: nullable(httpUrl),
      relay_context_status_callback_url: nullable(httpUrl),
      ...Object.fromEntries(Object.entries(callHandlerTextField).map(([k, max]) => [k, nullable(freeText(Math.min(max, 100)))])),
    },
    { requiredKeys: [], noNullPrototype: true },
  )
  .chain((h) => {
    const type = h.type as string | null | undefined;
    if (!type) return fc.constant(h);
    const field = CALL_HANDLER_REQUIRES[type]!;
    return requiredValue(field).map((v) => ({ ...h, [field]: v }));
  });

const messageHandler = fc
  .record(
    {
      type: nullable(fc.constantFrom(...MESSAGE_HANDLER_TYPES)),
      request_url: nullable(httpUrl),
      request_method: nullable(method),
      fallback_url: nullable(httpUrl),
      fallback_method: nullable(method),
      laml_application_id: nullable(freeText(100)),
      relay_topic: nullable(freeText(100)),
      relay_context: nullable(freeText(100)),
      relay_application: nullable(freeText(100)),
    },
    { requiredKeys: [], noNullPrototype: true },
  )
  .chain((h) => {
    const type = h.type as string | null | undefined;
    if (!type) return fc.constant(h);
    const field = MESSAGE_HANDLER_REQUIRES[type]!;
    return requiredValue(field).map((v) => ({ ...h, [field]: v }));
  });

const sipOutbound = fc
  .record(
    {
      enabled: nullable(fc.boolean()),
      endpoint: nullable(endpoint),
      port: nullable(fc.integer({ min: 1, max: 65535 })),
      username: nullable(printable(64)),
      from_domain: nullable(printable(64)),
      transport: nullable(fc.constantFrom('UDP', 'TCP', 'TLS')),
      secure_media: nullable(fc.boolean()),
      headers: nullable(headers),
      password: nullable(printable(255, 1)),
    },
    { requiredKeys: [], noNullPrototype: true },
  )
  .chain((s) => (s.enabled === true && !s.endpoint ? endpoint.map((e) => ({ ...s, endpoint: e })) : fc.constant(s)));

const telephony = fc.record(
  {
    provider: nullable(printable(32)),
    phone_number_sid: nullable(printable(128)),
    account_sid: nullable(printable(128)),
    auth_token: nullable(printable(255, 1)),
  },
  { requiredKeys: [], noNullPrototype: true },
);

interface Targets {
  userId: string;
  agents: string[];
  workflows: string[];
}

function validBody(targets: Targets): fc.Arbitrary<Body> {
  const agent = nullable(fc.constantFrom(...targets.agents));
  const workflow = nullable(fc.constantFrom(...targets.workflows));
  return fc
    .record(
      {
        friendly_name: nullable(printable(64)),
        capabilities: nullable(capabilities),
        voice_capability_label: nullable(freeText(64)),
        active: nullable(fc.boolean()),
        outbound_only: nullable(fc.boolean()),
        emergency_calling: nullable(fc.record({ enabled: nullable(fc.boolean()), address_id: nullable(printable(128)) }, { requiredKeys: [], noNullPrototype: true })),
        voice_config: nullable(freeText(300)),
        messaging_config: nullable(freeText(300)),
        inbound_agent_id: agent,
        inbound_workflow_id: workflow,
        outbound_agent_id: agent,
        outbound_workflow_id: workflow,
        call_handler: nullable(callHandler),
        message_handler: nullable(messageHandler),
        sip_inbound: nullable(fc.record({ enabled: nullable(fc.boolean()), origination_uri: nullable(sipUri) }, { requiredKeys: [], noNullPrototype: true })),
        sip_outbound: nullable(sipOutbound),
        telephony: nullable(telephony),
        example_context: nullable(fc.dictionary(mapKey, freeText(200), { maxKeys: 6, noNullPrototype: true })),
        labels: nullable(fc.dictionary(labelKey, freeText(100), { maxKeys: 6, noNullPrototype: true })),
        metadata: nullable(fc.dictionary(mapKey, metadataValue, { maxKeys: 6, noNullPrototype: true })),
        created_by_user_id: fc.constant(targets.userId),
      },
      { requiredKeys: [], noNullPrototype: true },
    )
    .chain((body) => {
      // An explicit inbound_target, when sent, names a kind this body sets.
      const kinds: string[] = [];
      if (body.inbound_agent_id) kinds.push('agent');
      if (body.inbound_workflow_id) kinds.push('workflow');
      if ((body.call_handler as Body | null | undefined)?.type) kinds.push('handler');
      return fc.constantFrom<string | null | undefined>(undefined, null, ...kinds).map((target) => (target === undefined ? body : { ...body, inbound_target: target }));
    })
    // Fastify rejects prototype-poisoning keys; a valid body never has them.
    .filter((body) => !/"(__proto__|prototype)"\s*:/.test(JSON.stringify(body)));
}

// ---------------------------------------------------------------------------------------------
// What a valid body must read back as
// ---------------------------------------------------------------------------------------------

/** JSON merge patch onto nothing: null members of objects vanish, arrays stay as sent. */
function mergedOntoNothing(value: unknown): unknown {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, mergedOntoNothing(v)]));
  }
  return value;
}

const publicDefaults = (() => {
  const d = writableDefaults() as Record<string, unknown>;
  const { password_sealed: _p, ...sipOut } = d.sip_outbound as Body;
  const { auth_token_sealed: _t, ...tel } = d.telephony as Body;
  return { ...d, sip_outbound: { ...sipOut, password_set: false }, telephony: { ...tel, auth_token_set: false } } as Record<string, unknown>;
})();

const NESTED = new Set(['capabilities', 'emergency_calling', 'call_handler', 'message_handler', 'sip_inbound', 'sip_outbound', 'telephony']);
const MAPS = new Set(['labels', 'example_context', 'metadata']);

function assertReflected(sent: Body, got: Body): void {
  const json = JSON.parse(JSON.stringify(sent)) as Body;
  for (const [key, value] of Object.entries(json)) {
    if (key === 'inbound_target') continue;
    if (value === null) {
      assert.deepEqual(got[key], publicDefaults[key], `${key}: null must read back as the default`);
    } else if (NESTED.has(key)) {
      const nested = got[key] as Body;
      const defaults = publicDefaults[key] as Body;
      for (const [sub, subValue] of Object.entries(value as Body)) {
        if (sub === 'password') assert.equal(nested.password_set, subValue !== null, `${key}.password_set`);
        else if (sub === 'auth_token') assert.equal(nested.auth_token_set, subValue !== null, `${key}.auth_token_set`);
        else assert.deepEqual(nested[sub], subValue === null ? defaults[sub] : subValue, `${key}.${sub}`);
      }
      assert.ok(!('password' in nested) && !('auth_token' in nested) && !('password_sealed' in nested) && !('auth_token_sealed' in nested), `${key} shows no secret`);
    } else if (MAPS.has(key)) {
      assert.deepEqual(got[key], mergedOntoNothing(value), key);
    } else {
      assert.deepEqual(got[key], value, key);
    }
  }
  // One inbound target in force: the explicit one, else the first kind the body sets.
  const kinds = [json.inbound_agent_id && 'agent', json.inbound_workflow_id && 'workflow', (json.call_handler as Body | null | undefined)?.type && 'handler'].filter(Boolean);
  const expectedTarget = 'inbound_target' in json ? json.inbound_target : kinds[0] ?? null;
  assert.equal(got.inbound_target, expectedTarget, 'inbound_target');
}

// ---------------------------------------------------------------------------------------------
// Arbitraries for invalid input
// ---------------------------------------------------------------------------------------------

const notBoolean = fc.oneof(fc.integer(), fc.string(), fc.array(fc.boolean(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.boolean(), { maxKeys: 2 }));
const notString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
const notObject = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }));
const notUuid = fc.oneof(fc.string({ maxLength: 40 }).filter((s) => !/^[0-9a-f-]{36}$/i.test(s)), fc.integer(), fc.boolean());
const tooLong = (max: number) => fc.integer({ min: max + 1, max: max + 5000 }).map((n) => 'x'.repeat(n));
const huge = fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'y'.repeat(n));

/** Each entry is a patch field that cannot be valid: a wrong type, too long, or breaking a domain rule. */
const invalidPatchField: fc.Arbitrary<Body> = fc.oneof(
  // wrong types
  notString.map((v) => ({ friendly_name: v })),
  notBoolean.map((v) => ({ active: v })),
  notBoolean.map((v) => ({ outbound_only: v })),
  notObject.map((v) => ({ capabilities: v })),
  notBoolean.map((v) => ({ capabilities: { voice: v } })),
  notObject.map((v) => ({ call_handler: v })),
  notObject.map((v) => ({ sip_outbound: v })),
  notObject.map((v) => ({ telephony: v })),
  notObject.map((v) => ({ metadata: v })),
  notObject.map((v) => ({ labels: v })),
  notString.map((v) => ({ labels: { ok: v } })),
  notString.map((v) => ({ example_context: { ok: v } })),
  notString.map((v) => ({ voice_config: v })),
  notUuid.map((v) => ({ inbound_agent_id: v })),
  notUuid.map((v) => ({ outbound_workflow_id: v })),
  fc.string().filter((s) => !['agent', 'workflow', 'handler'].includes(s)).map((v) => ({ inbound_target: v })),
  fc.string().filter((s) => !(CALL_HANDLER_TYPES as readonly string[]).includes(s)).map((v) => ({ call_handler: { type: v } })),
  fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 65536 }), fc.double({ min: 1.1, max: 100, noInteger: true }), fc.constant('5060')).map((v) => ({ sip_outbound: { port: v } })),
  fc.string().filter((s) => !['UDP', 'TCP', 'TLS'].includes(s)).map((v) => ({ sip_outbound: { transport: v } })),
  notObject.map((v) => ({ sip_outbound: { headers: [v] } })),
  fc.array(fc.record({ name: token, value: fc.string() }), { minLength: 33, maxLength: 40 }).map((v) => ({ sip_outbound: { headers: v } })),
  notString.map((v) => ({ sip_outbound: { password: v } })),
  notString.map((v) => ({ telephony: { auth_token: v } })),
  // too long
  tooLong(64).map((v) => ({ friendly_name: v })),
  tooLong(8192).map((v) => ({ voice_config: v })),
  tooLong(255).map((v) => ({ sip_outbound: { password: v } })),
  huge.map((v) => ({ messaging_config: v })),
  fc.dictionary(labelKey, fc.constant('v'), { minKeys: 65, maxKeys: 80 }).map((v) => ({ labels: v })),
  // unknown fields
  fc.string({ minLength: 1 }).filter((k) => !['__proto__'].includes(k) && !(k in publicDefaults) && k !== 'number').map((k) => ({ [k]: 1 })),
  fc.constantFrom('password_set', 'auth_token_set', 'id', 'version', 'workspace_id').map((k) => ({ sip_outbound: { [k]: true } })),
  // domain rules (422)
  fc.constantFrom(...CALL_HANDLER_TYPES).map((type) => ({ call_handler: { type } })),
  fc.constantFrom(...MESSAGE_HANDLER_TYPES).map((type) => ({ message_handler: { type } })),
  fc.constantFrom('ftp://x.example', 'not a url', 'http://', 'javascript:alert(1)', '//host/path').map((v) => ({ call_handler: { request_url: v } })),
  fc.constantFrom('http://trunk.example', 'trunk.example', 'sip: a b', 'sip:a\r\nb').map((v) => ({ sip_inbound: { origination_uri: v } })),
  fc.constantFrom('bad host!', 'a..b', '-x', 'host/path', 'a b').map((v) => ({ sip_outbound: { endpoint: v } })),
  fc.constant({ sip_outbound: { enabled: true, endpoint: null } }),
  fc.constantFrom('Bad Header', 'X:Y', 'ä', '(x)').map((name) => ({ sip_outbound: { headers: [{ name, value: 'v' }] } })),
  fc.constantFrom('a\r\nInjected: 1', 'a\nb', 'a\rb', 'a\u0007').map((value) => ({ sip_outbound: { headers: [{ name: 'X-Ok', value }] } })),
  fc.constant({ sip_outbound: { headers: [{ name: 'X-Dup', value: '1' }, { name: 'x-dup', value: '2' }] } }),
  fc.constantFrom('-bad', 'has space', '_x', 'ü', 'a'.repeat(64)).map((k) => ({ labels: { [k]: 'v' } })),
  fc.constantFrom('a\nb', 'tab\there', 'bell\u0007').map((v) => ({ friendly_name: v })),
  fc.constantFrom('a\u0000b').map((v) => ({ voice_config: v })),
  fc.constantFrom('a\u0000b').map((v) => ({ labels: { ok: v } })),
  fc.constantFrom('a\u0000b').map((v) => ({ metadata: { [v]: 1 } })),
  fc.constantFrom('a\u0000b').map((v) => ({ sip_outbound: { password: v } })),
  fc.constant({ metadata: { big: 'z'.repeat(17 * 1024) } }),
  fc.constant({ inbound_target: 'agent' }),
  fc.constant({ inbound_target: 'handler' }),
  fc.uuid().map((id) => ({ inbound_agent_id: id })),
  fc.uuid().map((id) => ({ outbound_workflow_id: id })),
  fc.constant({ created_by_user_id: '00000000-0000-7000-8000-000000000000' }),
);

/** A random patch that is certainly invalid: valid-looking fields plus at least one bad one. */
const invalidPatch = fc
  .tuple(fc.array(invalidPatchField, { minLength: 1, maxLength: 3 }), fc.record({ friendly_name: printable(20) }, { requiredKeys: [] }))
  .map(([bad, good]) => Object.assign({}, good, ...bad) as Body);

const prototypeKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'polluted');
/** anything(), sometimes with prototype-ish keys, never a plain object of only known fields. */
const randomValue = fc.oneof(fc.anything({ maxDepth: 3 }), fc.anything({ maxDepth: 3, key: prototypeKeys }), fc.anything({ maxDepth: 40, maxKeys: 2 }));

/** Random values that cannot be a valid body: not an object, or an object with a field the route does not know. */
const randomInvalid = (known: string[]) =>
  randomValue.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v) || Object.keys(v).length === 0 || Object.keys(v).some((k) => !known.includes(k)));
const randomPayload = (known: string[]) => randomInvalid(known).map((v) => JSON.stringify(v) ?? '');
const PATCH_FIELDS = Object.keys(writableDefaults());

/** A raw JSON text with a prototype-poisoning key somewhere. */
const poisonedJson = fc.constantFrom(
  '{"__proto__":{"polluted":"yes"}}',
  '{"number":"+14155550100","__proto__":{"polluted":"yes"}}',
  '{"metadata":{"__proto__":{"polluted":"yes"}}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"metadata":{"constructor":{"prototype":{"polluted":"yes"}}}}',
  '{"items":[{"__proto__":{"polluted":"yes"}}]}',
  '{"items":[{"number":"+14155550100","metadata":{"constructor":{"prototype":{"polluted":"yes"}}}}]}',
  '{"name":"x","settings":{"__proto__":{"polluted":"yes"}}}',
  '{"name":"x","voice":{"type":"t","__proto__":{"polluted":"yes"}}}',
);

const deepJson = fc.tuple(fc.integer({ min: 33, max: 5000 }), fc.constantFrom('[', '{"a":')).map(([n, open]) =>
  open === '[' ? `${'['.repeat(n)}${']'.repeat(n)}` : `{"metadata":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`,
);

const malformedJson = fc.oneof(
  fc.constantFrom('{', '{"number":', '{"a":1,}', "{'a':1}", '[1,2', 'nul', 'tru', '{"a":1}}', '{"a":"\\x"}', '\u0000', '{"a":NaN}', '{"a":Infinity}', '{"a":01}', '"unterminated'),
  fc.string({ minLength: 1 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

// ---------------------------------------------------------------------------------------------
// Assertions on answers
// ---------------------------------------------------------------------------------------------

function assertEnvelope(res: LightMyRequestResponse, what: string): void {
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what}: expected a 4xx, got ${res.statusCode}: ${res.body.slice(0, 500)}`);
  let body: { error?: { code?: unknown; message?: unknown; request_id?: unknown } };
  try {
    body = res.json();
  } catch {
    assert.fail(`${what}: the ${res.statusCode} answer is not JSON: ${res.body.slice(0, 200)}`);
  }
  assert.equal(typeof body.error?.code, 'string', `${what}: error.code`);
  assert.equal(typeof body.error?.message, 'string', `${what}: error.message`);
  assert.equal(typeof body.error?.request_id, 'string', `${what}: error.request_id`);
  assert.equal(body.error?.request_id, res.headers['x-request-id'], `${what}: request_id matches x-request-id`);
}

const prototypeSnapshot = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  fn: Object.getOwnPropertyNames(Function.prototype).sort(),
});

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('property tests', () => {
  let t: TestApp;
  let targets: Targets;
  let counter = 0;
  const nextNumber = () => {
    counter += 1;
    assert.ok(counter < 10_000, 'ran out of test numbers');
    return `+1415555${String(counter).padStart(4, '0')}`;
  };

  const send = (method: 'POST' | 'PATCH', url: string, payload: string | undefined, contentType: string | null = 'application/json') =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${t.key}`, ...(contentType ? { 'content-type': contentType } : {}) },
      ...(payload !== undefined ? { payload } : {}),
    });

  before(async () => {
    t = await createTestApp();
    const agents: string[] = [];
    const workflows: string[] = [];
    for (const name of ['a1', 'a2']) {
      const res = await t.request('POST', '/v1/agents', { name });
      assert.equal(res.statusCode, 201, res.body);
      agents.push(res.json().id);
    }
    for (const name of ['w1', 'w2']) {
      const res = await t.request('POST', '/v1/workflows', { name });
      assert.equal(res.statusCode, 201, res.body);
      workflows.push(res.json().id);
    }
    targets = { userId: t.first.user.id, agents, workflows };
  });

  after(async () => {
    await t?.close();
  });

  test('any valid configuration round-trips: POST 201, GET equals the POST answer, every field reflected', async () => {
    await fc.assert(
      fc.asyncProperty(validBody(targets), fc.boolean(), async (body, formatted) => {
        const e164 = nextNumber();
        const number = formatted ? `+1 (415) 555-${e164.slice(-4)}` : e164;
        const created = await t.request('POST', '/v1/phone-numbers', { number, ...body });
        assert.equal(created.statusCode, 201, `${JSON.stringify(body)} → ${created.body}`);
        const view = created.json();
        assert.equal(view.number, e164);
        assert.equal(view.version, 1);
        assertReflected(body, view);

        const byId = await t.request('GET', `/v1/phone-numbers/${view.id}`);
        assert.equal(byId.statusCode, 200, byId.body);
        assert.deepEqual(byId.json(), view);
        assert.equal(byId.headers.etag, created.headers.etag);
        const byNumber = await t.request('GET', `/v1/phone-numbers/${encodeURIComponent(e164)}`);
        assert.equal(byNumber.statusCode, 200, byNumber.body);
        assert.deepEqual(byNumber.json(), view);
      }),
      { numRuns: RUNS_VALID },
    );
  });

  test('a valid configuration applied as a PATCH reads back the same way', async () => {
    const created = await t.request('POST', '/v1/phone-numbers', { number: nextNumber() });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    await fc.assert(
      fc.asyncProperty(validBody(targets), async (body) => {
        const { created_by_user_id: _u, ...patch } = body;
        // Start from the defaults so that "reflected" means the same as for a create.
        const reset = await t.request('PATCH', `/v1/phone-numbers/${id}`, Object.fromEntries(Object.keys(publicDefaults).map((k) => [k, null])));
        assert.equal(reset.statusCode, 200, reset.body);
        const updated = await t.request('PATCH', `/v1/phone-numbers/${id}`, patch);
        assert.equal(updated.statusCode, 200, `${JSON.stringify(patch)} → ${updated.body}`);
        const view = updated.json();
        assertReflected(patch, view);
        const got = await t.request('GET', `/v1/phone-numbers/${id}`);
        assert.deepEqual(got.json(), view);
      }),
      { numRuns: 25 },
    );
  });

  describe('invalid input is always a 4xx in the error envelope', () => {
    let victim: { id: string; number: string; version: number };
    let prototypes: ReturnType<typeof prototypeSnapshot>;

    before(async () => {
      prototypes = prototypeSnapshot();
      const res = await t.request('POST', '/v1/phone-numbers', { number: nextNumber(), friendly_name: 'victim', sip_outbound: { enabled: true, endpoint: 'trunk.example.com', password: 'victim-pw' } });
      assert.equal(res.statusCode, 201, res.body);
      victim = { id: res.json().id, number: res.json().number, version: res.json().version };
    });

    after(() => {
      assert.deepEqual(prototypeSnapshot(), prototypes, 'no prototype gained or lost a property');
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });

    const assertVictimUnchanged = async () => {
      const got = await t.request('GET', `/v1/phone-numbers/${victim.id}`);
      assert.equal(got.statusCode, 200, got.body);
      assert.equal(got.json().version, victim.version, 'an invalid write changed the number');
      assert.equal(got.json().friendly_name, 'victim');
    };

    test('POST /v1/phone-numbers', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            invalidPatch.map((p) => JSON.stringify({ number: nextNumber(), ...p })),
            invalidPatch.map((p) => JSON.stringify(p)), // no number
            fc.oneof(notString, fc.constantFrom('', '12', 'abc', '+1', '+999999999999999999', '+1415555\u00001234', 'tel:+14155551234', '+1 415 555 1234 ext 5')).map((n) => JSON.stringify({ number: n })),
            randomPayload(['number', 'created_by_user_id', ...PATCH_FIELDS]),
          ),
          async (payload) => {
            const res = await send('POST', '/v1/phone-numbers', payload);
            assertEnvelope(res, `POST ${payload.slice(0, 300)}`);
          },
        ),
        { numRuns: RUNS_INVALID * 2 },
      );
    });

    test('PATCH /v1/phone-numbers/{id}', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            invalidPatch.map((p) => JSON.stringify(p)),
            randomPayload(PATCH_FIELDS).filter((p) => p !== '{}'),
          ),
          fc.boolean(),
          async (payload, byNumber) => {
            const ref = byNumber ? encodeURIComponent(victim.number) : victim.id;
            const res = await send('PATCH', `/v1/phone-numbers/${ref}`, payload);
            if (res.statusCode === 200) {
              // Only a patch made of known fields that happen to be valid may succeed: none of ours.
              assert.fail(`PATCH ${payload.slice(0, 300)} was accepted: ${res.body.slice(0, 300)}`);
            }
            assertEnvelope(res, `PATCH ${payload.slice(0, 300)}`);
          },
        ),
        { numRuns: RUNS_INVALID * 2 },
      );
      await assertVictimUnchanged();
    });

    test('PATCH /v1/phone-numbers (bulk): 4xx, or 200 with every invalid item rejected and nothing written', async () => {
      const eventsBefore = await t.runtime.store.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.oneof(
              invalidPatch.map((p) => ({ id: victim.id, ...p })),
              invalidPatch.map((p) => ({ number: victim.number, ...p })),
              invalidPatch.map((p) => ({ id: victim.id.toUpperCase(), ...p })),
              invalidPatch, // names no number
              fc.record({ id: notUuid }).map((r) => ({ ...r, friendly_name: 'x' })),
              fc.constantFrom('+1', 'nope', '').map((n) => ({ number: n, friendly_name: 'x' })),
              fc.uuid().map((id) => ({ id, friendly_name: 'x' })), // not found
              randomValue,
            ),
            { minLength: 1, maxLength: 6 },
          ),
          fc.boolean(),
          fc.boolean(),
          async (items, atomic, dryRun) => {
            const payload = JSON.stringify({ items: items.map((i) => (i === undefined ? null : i)), atomic, dry_run: dryRun });
            const res = await send('PATCH', '/v1/phone-numbers', payload);
            if (res.statusCode === 200) {
              const body = res.json();
              assert.deepEqual(body.updated, [], `bulk wrote something: ${res.body.slice(0, 500)}`);
              assert.deepEqual(body.errors.map((e: { index: number }) => e.index), items.map((_, i) => i), 'every item is reported as an error');
              for (const e of body.errors) assert.equal(typeof e.code, 'string');
              assert.equal(body.written, false);
            } else {
              assertEnvelope(res, `bulk ${payload.slice(0, 300)}`);
            }
          },
        ),
        { numRuns: RUNS_INVALID },
      );
      // Malformed envelopes of the batch itself.
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            randomValue.map((v) => JSON.stringify(v) ?? ''),
            fc.constantFrom('{"items":[]}', '{"items":{}}', '{"items":"x"}', '{"items":[{"id":"x"}],"atomic":"yes"}', '{"items":[{"id":"x"}],"extra":1}', '{}'),
            fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 })).map((v) => JSON.stringify({ items: v })),
          ),
          async (payload) => {
            const res = await send('PATCH', '/v1/phone-numbers', payload);
            if (res.statusCode === 200) {
              // anything() happened to build a well-formed batch: its items must all have failed.
              assert.deepEqual(res.json().updated, [], `bulk wrote something: ${payload.slice(0, 300)} → ${res.body.slice(0, 300)}`);
              assert.equal(res.json().written, false);
            } else {
              assertEnvelope(res, `bulk ${payload.slice(0, 300)}`);
            }
          },
        ),
        { numRuns: RUNS_INVALID },
      );
      await assertVictimUnchanged();
      const eventsAfter = await t.runtime.store.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(eventsAfter.n), Number(eventsBefore.n), 'no audit event was written');
    });

    test('POST /v1/agents', async () => {
      const invalidAgent = fc.oneof(
        notString.map((v) => ({ name: v })),
        fc.constant({ name: '' }),
        fc.constantFrom('a\u0000b', '\u0000').map((name) => ({ name })),
        tooLong(128).map((v) => ({ name: v })),
        fc.constant({}),
        fc.record({ name: fc.constant('a'), language: fc.oneof(notString, fc.constantFrom('e', 'english language', '12', 'en_US', 'x'.repeat(40))) }),
        fc.record({ name: fc.constant('a'), voice: fc.oneof(notObject, fc.constant({}), fc.constant({ type: 'v', nested: { a: 1 } }), fc.constant({ type: 'v', pitch: 1000 })) }),
        fc.record({ name: fc.constant('a'), actions: fc.oneof(notObject.filter((v) => !Array.isArray(v) || v.length > 0), fc.constant([{}]), fc.constant([{ type: 'x', extra: 1 }])) }),
        fc.record({ name: fc.constant('a'), webhook: fc.oneof(notObject, fc.constant({ url: 'ftp://x' }), fc.constant({ url: 'http://x', method: 'DELETE' })) }),
        fc.record({ name: fc.constant('a'), endpoint: fc.oneof(notObject, fc.constant({ type: 'websocket', url: 'http://x' }), fc.constant({ type: 'sip', url: 'wss://x' }), fc.constant({ type: 'smoke', url: 'sip:x' }), fc.constant({ type: 'sip', url: 'not a uri' })) }),
        fc.record({ name: fc.constant('a'), settings: notObject }),
        fc.record({ name: fc.constant('a'), prompt: fc.oneof(notString, tooLong(32768)) }),
        fc.string({ minLength: 1 }).filter((k) => !['name', 'prompt', 'initial_message', 'language', 'voice', 'actions', 'webhook', 'endpoint', 'settings', '__proto__'].includes(k)).map((k) => ({ name: 'a', [k]: 1 })),
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(invalidAgent.map((b) => JSON.stringify(b)), randomPayload(['name', 'prompt', 'initial_message', 'language', 'voice', 'actions', 'webhook', 'endpoint', 'settings'])), async (payload) => {
          const res = await send('POST', '/v1/agents', payload);
          assertEnvelope(res, `POST /v1/agents ${payload.slice(0, 300)}`);
        }),
        { numRuns: RUNS_INVALID },
      );
    });

    test('POST /v1/workflows', async () => {
      const invalidWorkflow = fc.oneof(
        notString.map((v) => ({ name: v })),
        fc.constant({ name: '' }),
        fc.constant({ name: null }),
        fc.constantFrom('a\u0000b', '\u0000').map((name) => ({ name })),
        fc.constant({ name: 'w', description: 'nul \u0000 inside' }),
        tooLong(128).map((v) => ({ name: v })),
        fc.record({ name: fc.constant('w'), description: fc.oneof(notString, tooLong(4096)) }),
        fc.record({ name: fc.constant('w'), endpoint: fc.oneof(notObject, fc.constant({ type: 'websocket', url: 'https://x' }), fc.constant({ type: 'sip', url: 'ws://x' }), fc.constant({ url: 'sip:x' })) }),
        fc.string({ minLength: 1 }).filter((k) => !['name', 'description', 'endpoint', '__proto__'].includes(k)).map((k) => ({ name: 'w', [k]: 'x' })),
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(invalidWorkflow.map((b) => JSON.stringify(b)), randomPayload(['name', 'description', 'endpoint'])), async (payload) => {
          const res = await send('POST', '/v1/workflows', payload);
          assertEnvelope(res, `POST /v1/workflows ${payload.slice(0, 300)}`);
        }),
        { numRuns: RUNS_INVALID },
      );
    });

    test('prototype-poisoning keys, deep nesting and malformed JSON on every write route', async () => {
      const routes = [
        ['POST', '/v1/phone-numbers'],
        ['PATCH', '/v1/phone-numbers/{victim}'],
        ['PATCH', '/v1/phone-numbers'],
        ['POST', '/v1/agents'],
        ['POST', '/v1/workflows'],
      ] as const;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(poisonedJson, deepJson, malformedJson), async ([method, path], payload) => {
          const url = path.replace('{victim}', victim.id);
          const res = await send(method, url, payload);
          assertEnvelope(res, `${method} ${url} ${payload.slice(0, 200)}`);
        }),
        { numRuns: RUNS_INVALID * 2 },
      );
      await assertVictimUnchanged();
    });

    test('empty bodies, wrong content types and oversized bodies', async () => {
      const routes = [
        ['POST', '/v1/phone-numbers'],
        ['PATCH', `/v1/phone-numbers/{victim}`],
        ['PATCH', '/v1/phone-numbers'],
        ['POST', '/v1/agents'],
        ['POST', '/v1/workflows'],
      ] as const;
      for (const [method, path] of routes) {
        const url = path.replace('{victim}', victim.id);
        const valid = JSON.stringify(method === 'POST' ? (url.endsWith('phone-numbers') ? { number: nextNumber() } : { name: 'n' }) : url.endsWith('phone-numbers') ? { items: [{ id: victim.id, friendly_name: 'changed' }] } : { friendly_name: 'changed' });
        const cases: { payload: string | undefined; type: string | null; statuses: number[] }[] = [
          { payload: '', type: 'application/json', statuses: [400] },
          { payload: undefined, type: 'application/json', statuses: [400] },
          { payload: '   ', type: 'application/json', statuses: [400] },
          { payload: undefined, type: null, statuses: [400, 415] },
          { payload: valid, type: 'text/plain', statuses: [400, 415] },
          { payload: 'friendly_name=changed', type: 'application/x-www-form-urlencoded', statuses: [415] },
          { payload: valid, type: 'application/xml', statuses: [415] },
          { payload: valid, type: 'multipart/form-data; boundary=x', statuses: [415] },
          { payload: `{"friendly_name":"${'x'.repeat(2 * 1024 * 1024)}"}`, type: 'application/json', statuses: [method === 'PATCH' && path === '/v1/phone-numbers' ? 400 : 413] },
        ];
        for (const c of cases) {
          const res = await send(method, url, c.payload, c.type);
          assertEnvelope(res, `${method} ${url} (${c.type}) ${String(c.payload).slice(0, 60)}`);
          assert.ok(c.statuses.includes(res.statusCode), `${method} ${url} (${c.type}): expected ${c.statuses.join(' or ')}, got ${res.statusCode}: ${res.body.slice(0, 200)}`);
        }
      }
      await assertVictimUnchanged();
    });
  });
});
