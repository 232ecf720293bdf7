// Every route of every face, read from the app's OpenAPI document, and what the hostile-input
// and authorization suites need around them: each face's error format, a fingerprint of the
// database, fixtures for path parameters, and fast-check arbitraries built from a route's
// JSON schemas (valid-looking values, and ways to break them).
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createAjv } from '../../src/core/shared/check-schema.ts';
import { COMPAT_FACES } from '../../src/http/compat/index.ts';
import { CONSOLE_ROUTES } from '../../src/http/console/paths.ts';
import type { TestApp } from './app.ts';

export type FaceName = 'v1' | 'freya' | 'voiceos' | 'vocode' | 'signalwire';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type JsonSchema = Record<string, any>;
type Json = Record<string, any>;
export type Expect = 'reject' | 'any';

export interface Param {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: Method;
  /** As in the OpenAPI document: /v1/agents/{id}. */
  path: string;
  face: FaceName;
  operationId: string;
  body?: JsonSchema;
  /** The media types the body may come in (application/json, and merge patch where it is one). */
  consumes: string[];
  query: Param[];
  params: Param[];
  /** 200's JSON schema, when documented. */
  ok?: JsonSchema;
}

export const label = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;

const TAG_FACE = new Map(Object.entries(COMPAT_FACES).map(([name, face]) => [face.tag, name as FaceName]));

/** Routes hidden from the OpenAPI document (schema.hide) that still answer. */
export const HIDDEN_OPERATIONS: Operation[] = [
  { method: 'POST', path: '/v1/numbers/buy', face: 'vocode', operationId: 'vocodeBuyNumber', consumes: [], query: [], params: [] },
];

/** Every route of every face: the OpenAPI document's operations (with their face) plus the hidden ones. */
export function operations(app: FastifyInstance): Operation[] {
  const doc = app.swagger() as unknown as { paths: Record<string, Record<string, Json>> };
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tags: string[] = op.tags ?? [];
      const face = tags.map((tag) => TAG_FACE.get(tag)).find(Boolean) ?? (path.startsWith('/v1/') ? 'v1' : undefined);
      if (!face) continue; // /healthz, /readyz
      const parameters: Json[] = op.parameters ?? [];
      const pick = (where: string) => parameters.filter((p) => p.in === where).map((p) => ({ name: p.name, required: !!p.required, schema: p.schema ?? {} }));
      out.push({
        method: method.toUpperCase() as Method,
        path,
        face,
        operationId: op.operationId,
        ...(op.requestBody ? { body: op.requestBody.content['application/json'].schema } : {}),
        consumes: Object.keys(op.requestBody?.content ?? {}),
        query: pick('query'),
        params: pick('path'),
        ...(op.responses?.['200']?.content?.['application/json']?.schema ? { ok: op.responses['200'].content['application/json'].schema } : {}),
      });
    }
  }
  out.push(...HIDDEN_OPERATIONS);
  // Every route the app serves is here (but the docs, probes, the console's pages and HEAD): a new hidden one fails.
  const listed = new Set(out.map((op) => label(op).replace(/\{(\w+)\}/g, ':$1')));
  const served = registeredRoutes(app).filter((r) => !/^HEAD |^GET \/(docs|healthz|readyz|openapi\.json)\b/.test(r) && !isConsoleRoute(r));
  assert.deepEqual(served.filter((r) => !listed.has(r)), [], 'routes neither documented nor in HIDDEN_OPERATIONS');
  assert.deepEqual([...listed].filter((r) => !served.includes(r)), [], 'HIDDEN_OPERATIONS lists routes that are gone');
  return out;
}

/**
 * The console's GET routes (src/http/console/paths.ts), as registeredRoutes() renders them: the
 * tree printer drops the slash before a wildcard (/numbers/* shows as /numbers*) and, for
 * /assets/*, the whole static part (a bare /*), so they are compared without their slashes.
 */
function isConsoleRoute(route: string): boolean {
  if (!route.startsWith('GET ')) return false;
  const printed = route.slice(4).replace(/\//g, '');
  return CONSOLE_ROUTES.some((c) => {
    const bare = c.replace(/\//g, '');
    return bare === printed || (bare.endsWith('*') && printed === '*');
  });
}

/** "METHOD /path/:param" of every route, from Fastify's route tree. */
function registeredRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│   |    )*)(?:├── |└── )(.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('');
    for (const method of m[3]!.split(', ')) out.push(`${method} ${path}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Each face's error format
// ---------------------------------------------------------------------------------------------

const keysOf = (body: unknown) => (typeof body === 'object' && body !== null ? Object.keys(body).sort() : []);

/** A refusal in the face's own format (any 4xx unless `status` is given); returns the parsed body. */
export function assertFaceError(face: FaceName, res: LightMyRequestResponse, what: string, status?: number | number[]): Json {
  const statuses = status === undefined ? undefined : ([] as number[]).concat(status);
  const where = `${what} → ${res.statusCode} ${res.body.slice(0, 400)}`;
  if (statuses) assert.ok(statuses.includes(res.statusCode), `${where}: expected ${statuses.join(' or ')}`);
  else assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${where}: expected a 4xx`);
  assert.match(String(res.headers['content-type'] ?? ''), /^application\/json/, `${where}: not JSON`);
  let body: Json;
  try {
    body = res.json();
  } catch {
    assert.fail(`${where}: the body does not parse as JSON`);
  }
  switch (face) {
    case 'v1': {
      // An atomic bulk batch adds its per-item errors next to the envelope.
      assert.ok(keysOf(body).every((k) => k === 'error' || k === 'errors') && 'error' in body, `${where}: not the v1 envelope`);
      const e = body.error;
      assert.ok(typeof e.code === 'string' && e.code.length > 0, `${where}: error.code`);
      assert.ok(typeof e.message === 'string' && e.message.length > 0, `${where}: error.message`);
      assert.match(String(e.request_id), /^req_[0-9a-f]{24}$/, `${where}: error.request_id`);
      assert.equal(res.headers['x-request-id'], e.request_id, `${where}: request_id is the x-request-id`);
      if ('details' in e) assertDetails(e.details, where);
      break;
    }
    case 'freya': {
      assert.deepEqual(keysOf(body), ['error', 'success'], `${where}: not Freya's error format`);
      assert.equal(body.success, false, where);
      assert.deepEqual(keysOf(body.error), ['code', 'details', 'message'], `${where}: Freya's error object`);
      assert.ok(typeof body.error.code === 'string' && body.error.code.length > 0, `${where}: error.code`);
      assert.ok(typeof body.error.message === 'string' && body.error.message.length > 0, `${where}: error.message`);
      assertDetails(body.error.details, where);
      break;
    }
    case 'voiceos':
    case 'vocode': {
      assert.deepEqual(keysOf(body), ['detail'], `${where}: not FastAPI's format`);
      if (res.statusCode === 422) {
        assert.ok(Array.isArray(body.detail) && body.detail.length > 0, `${where}: 422 detail is a list`);
        for (const item of body.detail) {
          assert.deepEqual(keysOf(item), ['loc', 'msg', 'type'], `${where}: a validation item`);
          assert.ok(Array.isArray(item.loc) && ['body', 'query', 'path', 'header'].includes(item.loc[0]), `${where}: loc ${JSON.stringify(item.loc)}`);
          assert.ok(item.loc.every((p: unknown) => typeof p === 'string' || Number.isInteger(p)), `${where}: loc parts`);
          assert.ok(typeof item.msg === 'string' && item.msg.length > 0 && typeof item.type === 'string' && item.type.length > 0, `${where}: msg/type`);
        }
      } else {
        assert.ok(typeof body.detail === 'string' && body.detail.length > 0, `${where}: detail is a message`);
      }
      break;
    }
    case 'signalwire': {
      if (res.statusCode === 422) {
        assert.deepEqual(keysOf(body), ['errors'], `${where}: SignalWire's validation format`);
        assert.ok(Array.isArray(body.errors) && body.errors.length > 0, where);
        for (const item of body.errors) {
          assert.deepEqual(keysOf(item), ['code', 'detail', 'status', 'title'], `${where}: SpaceApiErrorItem`);
          assert.equal(item.status, '422', where);
          assert.equal(item.code, '422', where);
          assert.ok(typeof item.detail === 'string' && item.detail.length > 0 && typeof item.title === 'string', where);
        }
      } else {
        assert.deepEqual(keysOf(body), ['error'], `${where}: SignalWire's {"error": reason} format`);
        assert.ok(typeof body.error === 'string' && body.error.length > 0, where);
      }
      break;
    }
  }
  return body;
}

function assertDetails(details: unknown, where: string) {
  assert.ok(Array.isArray(details), `${where}: details is a list`);
  for (const d of details) {
    assert.ok(typeof d?.field === 'string' && typeof d?.message === 'string', `${where}: a detail is {field, message}`);
  }
}

/** The HTTP Basic header value. */
export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

// ---------------------------------------------------------------------------------------------
// The database and the process
// ---------------------------------------------------------------------------------------------

/** Counts, versions and latest changes of every table a request can write: equal = nothing written. */
export async function fingerprint(t: TestApp): Promise<string> {
  const { rows } = await sql<Record<string, unknown>>`
    select 'numbers' as t, count(*) as n, count(released_at) as x, max(updated_at) as last, sum(version) as v from phone_numbers
    union all select 'agents', count(*), 0, max(updated_at), sum(version) from agents
    union all select 'workflows', count(*), 0, max(updated_at), sum(version) from workflows
    union all select 'endpoints', count(*), 0, max(updated_at), sum(version) from webhook_endpoints
    union all select 'deliveries', count(*), 0, max(updated_at), 0 from webhook_deliveries
    union all select 'keys', count(*), count(revoked_at), null, 0 from api_keys
    union all select 'events', count(*), 0, max(id), 0 from audit_events
    union all select 'workspaces', count(*), 0, null, 0 from workspaces
    union all select 'users', count(*), 0, null, 0 from users`.execute(t.runtime.store.db);
  // Postgres answers counts and sums as text, SQLite as numbers.
  return JSON.stringify(rows.map((r) => [r.t, Number(r.n), Number(r.x), r.last ?? null, Number(r.v ?? 0)]));
}

export const prototypeSnapshot = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  fn: Object.getOwnPropertyNames(Function.prototype).sort(),
  string: Object.getOwnPropertyNames(String.prototype).sort(),
});

export function assertNoPollution(before: ReturnType<typeof prototypeSnapshot>) {
  assert.deepEqual(prototypeSnapshot(), before, 'no built-in prototype gained or lost a property');
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'x']) assert.equal(probe[key], undefined, `({}).${key} is undefined`);
}

/** inject() that fails instead of hanging. */
export async function injectWithin(app: FastifyInstance, options: InjectOptions, what: string, ms = 15_000): Promise<LightMyRequestResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([app.inject(options), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** fast-check options: HOSTILE_RUNS runs per property (default `runs`), HOSTILE_SEED to replay one. */
export function checkOptions(runs: number): { numRuns: number; seed?: number } {
  const numRuns = Number(process.env.HOSTILE_RUNS ?? runs);
  const seed = process.env.HOSTILE_SEED === undefined ? undefined : Number(process.env.HOSTILE_SEED);
  return { numRuns, ...(seed === undefined ? {} : { seed }) };
}

/** HOSTILE_ONLY=regex narrows a run to the routes whose "face: METHOD /path" matches (reproduction). */
export const selected = (op: Operation) => !process.env.HOSTILE_ONLY || new RegExp(process.env.HOSTILE_ONLY).test(`${op.face}: ${label(op)}`);

// ---------------------------------------------------------------------------------------------
// Fixtures: real objects for path parameters, made through /v1 with the admin key
// ---------------------------------------------------------------------------------------------

let numberSeq = 0;
/** A number no other fixture uses, in +1 415 556 xxxx (hints use 555, the authorization table 557). */
export const fixtureNumber = () => `+1415556${String(numberSeq++ % 10_000).padStart(4, '0')}`;

/**
 * Environment for the apps of these suites: thousands of requests from one key and one address
 * must not meet the rate limits or load shedding (tested elsewhere); webhook fixtures point at a
 * closed local port, and a test send gives up quickly.
 */
export const SUITE_ENV: Record<string, string> = {
  LOG_LEVEL: 'warn',
  SWITCHBOARD_RATE_LIMIT: 'off',
  SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '0',
  SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true',
  SWITCHBOARD_WEBHOOK_TIMEOUT: '1s',
};

/** Where webhook fixtures send: refused at once (needs SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE=true). */
export const DEAD_URL = 'http://127.0.0.1:9/hook';

export class Fixtures {
  private cache = new Map<string, Promise<any>>();
  /** Called whenever a fixture is made: the database has changed. */
  onChange: () => void = () => {};

  constructor(private t: TestApp) {}

  /** Forget every fixture (after a request that may have changed or removed one). */
  invalidate() {
    this.cache.clear();
  }

  private once<T>(name: string, make: () => Promise<T>): Promise<T> {
    let p = this.cache.get(name);
    if (!p) {
      p = make();
      this.cache.set(name, p);
      p.catch(() => this.cache.delete(name));
    }
    return p;
  }

  private async created(url: string, body: unknown, status = 201): Promise<Json> {
    this.onChange();
    const res = await this.t.request('POST', url, body);
    assert.equal(res.statusCode, status, `fixture ${url}: ${res.body}`);
    return res.json();
  }

  number = () => this.once('number', async () => {
    const n = await this.created('/v1/phone-numbers', { number: fixtureNumber(), friendly_name: 'fixture' });
    return { id: n.id as string, number: n.number as string };
  });
  agent = () => this.once('agent', async () => (await this.created('/v1/agents', { name: 'fixture agent' })).id as string);
  workflow = () => this.once('workflow', async () => (await this.created('/v1/workflows', { name: 'fixture workflow' })).id as string);
  apiKey = () => this.once('apiKey', async () => (await this.created('/v1/api-keys', { name: 'fixture key', scopes: ['numbers:read'] })).id as string);
  webhookEndpoint = () => this.once('endpoint', async () => (await this.created('/v1/webhook-endpoints', { url: DEAD_URL })).id as string);
  delivery = () => this.once('delivery', async () => {
    const endpointId = (await this.created('/v1/webhook-endpoints', { url: DEAD_URL })).id as string;
    await this.created(`/v1/webhook-endpoints/${endpointId}/replay`, { since: '2000-01-01T00:00:00Z' }, 202);
    const res = await this.t.request('GET', `/v1/webhook-endpoints/${endpointId}/deliveries?limit=1`);
    assert.equal(res.statusCode, 200, res.body);
    return { endpointId, id: res.json().data[0].id as string };
  });
  event = () => this.once('event', async () => {
    await this.number();
    const res = await this.t.request('GET', '/v1/events?limit=1');
    assert.equal(res.statusCode, 200, res.body);
    return res.json().data[0].id as string;
  });

  /** A real value for a path parameter of this route (already URL-encoded). */
  async pathValue(op: Operation, name: string, variant = 0): Promise<string> {
    const p = op.path;
    if (name === 'delivery_id') return (await this.delivery()).id;
    if (p.startsWith('/v1/webhook-endpoints/{id}/deliveries')) return (await this.delivery()).endpointId;
    if (p.startsWith('/v1/webhook-endpoints/')) return this.webhookEndpoint();
    if (p.startsWith('/v1/agents/')) return this.agent();
    if (p.startsWith('/v1/workflows/')) return this.workflow();
    if (p.startsWith('/v1/api-keys/')) return this.apiKey();
    if (p.startsWith('/v1/events/')) return this.event();
    const n = await this.number();
    // Faces that take the number itself: +, %2B or digits (VoiceOS), %2B (v1, Freya).
    if (name === 'phone_number') return [encodeURIComponent(n.number), n.number, n.number.slice(1)][variant % 3]!;
    if (name === 'ref' || op.face === 'freya') return variant % 2 ? encodeURIComponent(n.number) : n.id;
    return n.id;
  }

  /** A real value for a query parameter, when one is needed to reach an object; undefined otherwise. */
  async queryValue(op: Operation, name: string): Promise<string | undefined> {
    if (op.face === 'vocode' && name === 'phone_number') return (await this.number()).number;
    if (op.face === 'freya' && name === 'workspaceId') return this.t.first.workspace.id;
    return undefined;
  }

  /** Query parameters the route needs to reach a real object (the number Vocode names, Freya's workspace). */
  async query(op: Operation): Promise<[string, string][]> {
    const query: [string, string][] = [];
    for (const p of op.query) {
      const value = await this.queryValue(op, p.name);
      if (value !== undefined) query.push([p.name, value]);
    }
    return query;
  }

  /** The route's path: each parameter a real object's (FIXTURE or absent) or the encoded value given. */
  async path(op: Operation, values: Record<string, string> = {}, variant = 0): Promise<string> {
    let path = op.path;
    for (const param of op.params) {
      const given = values[param.name];
      path = path.replace(`{${param.name}}`, given === undefined || given === FIXTURE ? await this.pathValue(op, param.name, variant) : given);
    }
    return path;
  }

  /** The route's URL with real path parameters and the given query (values not yet encoded). */
  async url(op: Operation, query: [string, string][] = [], variant = 0): Promise<string> {
    let path = op.path;
    for (const param of op.params) path = path.replace(`{${param.name}}`, await this.pathValue(op, param.name, variant));
    return withQuery(path, query);
  }
}

export const withQuery = (path: string, query: [string, string][]) =>
  query.length ? `${path}?${query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : path;

// ---------------------------------------------------------------------------------------------
// Sending hostile requests and checking what came back
// ---------------------------------------------------------------------------------------------

export interface Sent {
  url: string;
  payload?: string | Buffer;
  contentType?: string | null;
  headers?: Record<string, string>;
  what: string;
}

/**
 * Sends requests to one app and checks each answer: never a 5xx, never a hang; a refusal is a
 * 4xx in the face's format and leaves the database as it was; `reject` requests must be refused.
 */
export class Prober {
  private baseline: string | null = null;
  accepted = 0;
  refused = 0;
  /** How each route answered: "METHOD /path" → status → count (HOSTILE_DEBUG=1 prints it). */
  readonly statuses = new Map<string, Map<number, number>>();

  constructor(private t: TestApp, readonly fx: Fixtures, private authorization = `Bearer ${t.key}`) {
    fx.onChange = () => {
      this.baseline = null;
    };
  }

  async send(op: Operation, sent: Sent, expect: Expect): Promise<LightMyRequestResponse> {
    if (this.baseline === null) this.baseline = await fingerprint(this.t);
    const headers: Record<string, string> = { authorization: this.authorization, ...(sent.headers ?? {}) };
    if (sent.contentType) headers['content-type'] = sent.contentType;
    const res = await injectWithin(this.t.app, {
      method: op.method,
      url: sent.url,
      headers,
      ...(sent.payload !== undefined ? { payload: sent.payload } : {}),
    }, sent.what);
    const tally = this.statuses.get(label(op)) ?? new Map<number, number>();
    tally.set(res.statusCode, (tally.get(res.statusCode) ?? 0) + 1);
    this.statuses.set(label(op), tally);
    if (process.env.HOSTILE_TRACE) console.log(res.statusCode, op.method, sent.url.slice(0, 120), typeof sent.payload === 'string' ? sent.payload.slice(0, 200) : '', res.body.slice(0, 200));
    const where = `${sent.what}: ${op.method} ${sent.url.slice(0, 200)}${typeof sent.payload === 'string' ? ` ${sent.payload.slice(0, 300)}` : ''}`;
    assert.ok(res.statusCode < 500, `${where} → ${res.statusCode} ${res.body.slice(0, 500)}`);
    if (res.statusCode < 400) {
      this.accepted++;
      if (op.method !== 'GET') this.baseline = null;
      // Only a deletion (a release, a revocation) takes a fixture away; other writes leave it usable.
      if (op.method === 'DELETE' || op.path === '/v1/numbers/cancel') this.fx.invalidate();
      assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${where} → ${res.statusCode}`);
      assert.notEqual(expect, 'reject', `${where} was accepted (${res.statusCode}): ${res.body.slice(0, 300)}`);
      return res;
    }
    this.refused++;
    assertFaceError(op.face, res, where);
    const now = await fingerprint(this.t);
    if (now !== this.baseline) {
      const before = this.baseline;
      this.baseline = now; // so that the cases fast-check tries next are judged on their own
      this.fx.invalidate();
      assert.equal(now, before, `${where} → ${res.statusCode}: a refused request changed the database`);
    }
    return res;
  }

  /** After requests sent around the prober: judge the next refusal against the database as it is then. */
  reset() {
    this.baseline = null;
    this.fx.invalidate();
  }

  /** The answers seen, one line per route (for HOSTILE_DEBUG). */
  report(): string {
    return [...this.statuses].map(([route, tally]) => `${route}: ${[...tally].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`).join('\n');
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries from JSON schemas
// ---------------------------------------------------------------------------------------------

/** Values for properties of these names that reach past validation (real ids, a fresh number …). */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

/**
 * Hints for bodies: objects a body may name (an agent, a workflow, a number made here, the
 * workspace and its user), fresh numbers, a webhook URL, so that some requests pass validation
 * and reach the core.
 */
export async function makeHints(t: TestApp): Promise<Hints> {
  const made = async (url: string, body: unknown) => {
    const res = await t.request('POST', url, body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  const agent = await made('/v1/agents', { name: 'hint agent' });
  const workflow = await made('/v1/workflows', { name: 'hint workflow' });
  const number = await made('/v1/phone-numbers', { number: '+14155559999' });
  const fresh = fc.integer({ min: 0, max: 9998 }).map((i) => `+1415555${String(i).padStart(4, '0')}`);
  const text = fc.string({ maxLength: 20 });
  return {
    workspaceId: fc.constant(t.first.workspace.id),
    userId: fc.constant(t.first.user.id),
    created_by_user_id: fc.constant(t.first.user.id),
    number: fresh,
    phone_number: fresh,
    ...Object.fromEntries(['inbound_agent_id', 'outbound_agent_id', 'inboundAgentId', 'outboundAgentId', 'agent_id', 'inbound_agent'].map((k) => [k, fc.constant(agent)])),
    ...Object.fromEntries(['inbound_workflow_id', 'outbound_workflow_id', 'inboundWorkflowId', 'outboundWorkflowId'].map((k) => [k, fc.constant(workflow)])),
    phone_number_id: fc.constant(number),
    url: fc.constantFrom(DEAD_URL, 'https://hooks.example.com/h'),
    since: fc.constant('2020-01-01T00:00:00Z'),
    scopes: fc.constant(['numbers:read']),
    items: fc.array(fc.record({ id: fc.constant(number), friendly_name: text }, { requiredKeys: ['id'] }), { minLength: 1, maxLength: 3 }),
    phoneNumbers: fc.array(fc.record({ id: fc.constant(number), friendlyName: text }, { requiredKeys: ['id'] }), { minLength: 1, maxLength: 3 }),
  };
}

export function arbitraryFor(schema: JsonSchema, hints: Hints = {}, name?: string): fc.Arbitrary<unknown> {
  const plain = plainArbitrary(schema, hints);
  const hint = name !== undefined ? hints[name] : undefined;
  return hint ? fc.oneof({ weight: 3, arbitrary: hint }, { weight: 1, arbitrary: plain }) : plain;
}

function plainArbitrary(schema: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.anyOf)) return fc.oneof(...schema.anyOf.map((branch: JsonSchema) => plainArbitrary(branch, hints)));
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  switch (schema.type) {
    case 'string': return stringFor(schema);
    case 'integer': return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number': return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(schema.items ? plainArbitrary(schema.items, hints) : fc.jsonValue({ maxDepth: 1 }), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'object': {
      const props: Record<string, JsonSchema> = schema.properties ?? {};
      const record = fc.record(
        Object.fromEntries(Object.entries(props).map(([k, s]) => [k, arbitraryFor(s, hints, k)])),
        { requiredKeys: (schema.required ?? []).filter((k: string) => k in props), noNullPrototype: true },
      );
      const extra = schema.additionalProperties;
      if (extra === false) return record;
      const valueArb = typeof extra === 'object' ? plainArbitrary(extra, hints) : fc.jsonValue({ maxDepth: 1 });
      const keys = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in props) && k !== '__proto__');
      const dict = fc.dictionary(keys, valueArb, { maxKeys: Math.min(schema.maxProperties ?? 3, 3), noNullPrototype: true });
      return fc.tuple(record, dict).map(([a, b]) => ({ ...b, ...a }));
    }
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

const textArbitraries = new Map<string, fc.Arbitrary<string>>();

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
  const minLength: number = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 24));
  const key = `${minLength}:${maxLength}`;
  let text = textArbitraries.get(key);
  if (!text) {
    text = fc.oneof(
      { weight: 4, arbitrary: fc.string({ minLength, maxLength }) },
      { weight: 1, arbitrary: fc.array(fc.integer({ min: 0xa0, max: 0x2fff }), { minLength, maxLength }).map((cs) => String.fromCodePoint(...cs)) },
    );
    textArbitraries.set(key, text);
  }
  if (!schema.pattern) return text;
  try {
    const re = new RegExp(schema.pattern);
    return fc.oneof(fc.stringMatching(re).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity)), text);
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Breaking values
// ---------------------------------------------------------------------------------------------

type Path = (string | number)[];

/** What a schema (with the branches of its anyOf) allows, flattened. */
interface Facts {
  types: Set<string>;
  maxLength?: number;
  minLength?: number;
  maximum?: number;
  minimum?: number;
  enum?: unknown[];
  uuid: boolean;
  object: boolean;
}

function facts(schema: JsonSchema, into: Facts = { types: new Set(), uuid: false, object: false }): Facts {
  for (const branch of schema.anyOf ?? []) facts(branch, into);
  if (schema.type) into.types.add(schema.type);
  if (schema.type === 'object') into.object = true;
  if (typeof schema.maxLength === 'number') into.maxLength = Math.max(into.maxLength ?? 0, schema.maxLength);
  if (typeof schema.minLength === 'number' && schema.minLength > 0) into.minLength = schema.minLength;
  if (typeof schema.maximum === 'number') into.maximum = Math.max(into.maximum ?? -Infinity, schema.maximum);
  if (typeof schema.minimum === 'number') into.minimum = Math.min(into.minimum ?? Infinity, schema.minimum);
  if (Array.isArray(schema.enum)) into.enum = [...(into.enum ?? []), ...schema.enum];
  if (schema.format === 'uuid') into.uuid = true;
  return into;
}

/** Every place a value can be in documents of this schema, with what the schema says of it. */
export function sitesOf(schema: JsonSchema, path: Path = [], out: { path: Path; facts: Facts }[] = []) {
  out.push({ path, facts: facts(schema) });
  const walk = (s: JsonSchema) => {
    for (const branch of s.anyOf ?? []) walk(branch);
    for (const [k, child] of Object.entries<JsonSchema>(s.properties ?? {})) sitesOf(child, [...path, k], out);
    if (typeof s.additionalProperties === 'object') sitesOf(s.additionalProperties, [...path, 'key'], out);
    if (s.items && typeof s.items === 'object') sitesOf(s.items, [...path, 0], out);
  };
  walk(schema);
  return out;
}

/** A JSON token sent as is (JSON.stringify cannot write 1e309). */
const raw = (token: string) => `@@RAW(${token})@@`;
export const renderJson = (value: unknown): string => (JSON.stringify(value) ?? '').replace(/"@@RAW\(([^)]*)\)@@"/g, '$1');

/** Sets a property even when its name is __proto__ (as JSON.parse would). */
const define = (target: any, key: string | number, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

function copyOf(node: unknown, key: string | number): any {
  if (Array.isArray(node)) return typeof key === 'number' ? [...node] : { ...node };
  if (typeof node === 'object' && node !== null) return { ...node };
  return typeof key === 'number' ? [] : {};
}

export function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = copyOf(root, head!);
  define(copy, head!, setAt(Object.prototype.hasOwnProperty.call(copy, head!) ? copy[head!] : undefined, rest, value));
  return copy;
}

export function deleteAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const [head, ...rest] = path;
  if (typeof root !== 'object' || root === null || !Object.prototype.hasOwnProperty.call(root, head!)) return root;
  const copy = copyOf(root, head!);
  if (rest.length === 0) {
    if (Array.isArray(copy) && typeof head === 'number') copy.splice(head, 1);
    else delete copy[head!];
  } else define(copy, head!, deleteAt(copy[head!], rest));
  return copy;
}

export const nested = (depth: number, kind: 'array' | 'object'): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
};

// Code points as integers: fast-check's 'binary' string unit builds a table of every code point
// (about a second) before its first value.
const codePoint = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }), // controls, NUL included
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0x7f, max: 0xd7ff }),
  fc.integer({ min: 0xd800, max: 0xdfff }), // lone surrogates
  fc.integer({ min: 0xe000, max: 0x10ffff }),
);
const codePoints = (maxLength: number, minLength = 0) => fc.array(codePoint, { minLength, maxLength }).map((cs) => String.fromCodePoint(...cs));
/** Any code points, lone surrogates included. */
const ANY_TEXT = codePoints(40);
const ANY_TEXT_ENCODED = codePoints(12).map((s) => pct(s));
const GRAPHEMES_ENCODED = codePoints(8, 1).map((s) => pct(s));

/** Text no field should take quietly: controls, NUL, lone surrogates, direction marks, injections. */
export const NASTY_STRINGS = [
  '\u0000', 'a\u0000b', '\u0001\u0002\u001f\u007f', '\ud800', '\udfff', 'a\udc00\ud800b', '\ufeff', '\u202e\u2066', '\u200b\u200d',
  '😀👍🏽', 'e\u0301\u0301\u0301', '\r\nX-Injected: 1', 'a\nb\tc', '<script>alert(1)</script>', "' OR 1=1 --", '${7*7}{{7*7}}',
  '../../etc/passwd', '%00%2e%2e', '\\u0000', 'null', 'undefined', 'NaN', '-1', '0', ' ', '',
];

const poisoned = fc.constantFrom('__proto__', 'constructor').map((kind) => {
  if (kind === '__proto__') return define({}, '__proto__', { polluted: 'yes' });
  return { constructor: { prototype: { polluted: 'yes' } } };
});

/** A value that breaks what the schema says of this place (or is merely strange: the oracle decides). */
function breaker(f: Facts): fc.Arbitrary<unknown> {
  const choices: fc.WeightedArbitrary<unknown>[] = [
    { weight: 4, arbitrary: fc.constantFrom<unknown>(42, -7, 1.5, true, false, 'text', '', [], [1, 'a'], {}, { a: 1 }, null) },
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS) },
    { weight: 1, arbitrary: ANY_TEXT },
    { weight: 1, arbitrary: fc.integer({ min: 33, max: 200 }).chain((n) => fc.constantFrom<'array' | 'object'>('array', 'object').map((k) => nested(n, k))) },
    { weight: 1, arbitrary: poisoned },
    { weight: 1, arbitrary: fc.constantFrom(raw('1e309'), raw('-1e309'), raw('1e-400'), raw('123456789012345678901234567890'), 'NaN', 'Infinity', '1e309', 2 ** 53 + 2, -(2 ** 63), -0) },
    { weight: 1, arbitrary: fc.integer({ min: 50_000, max: 300_000 }).map((n) => 'y'.repeat(n)) },
  ];
  if (f.maxLength !== undefined) {
    const max = f.maxLength;
    choices.push({ weight: 4, arbitrary: fc.tuple(fc.integer({ min: max + 1, max: max + 300 }), fc.constantFrom('x', 'é', '😀')).map(([n, c]) => c.repeat(n)) });
  }
  if (f.minLength !== undefined) choices.push({ weight: 1, arbitrary: fc.constant('x'.repeat(f.minLength - 1)) });
  if (f.types.has('integer') || f.types.has('number')) {
    const over = f.maximum !== undefined ? [f.maximum + 1, f.maximum * 10 + 1] : [];
    const under = f.minimum !== undefined ? [f.minimum - 1, f.minimum - 1000] : [];
    choices.push({ weight: 4, arbitrary: fc.constantFrom<unknown>(...over, ...under, 0.5, raw('1e309'), raw('-1e309'), '5', 'NaN', '1e309', Number.MAX_SAFE_INTEGER + 2) });
  }
  if (f.enum?.length) {
    const values = f.enum.filter((v): v is string => typeof v === 'string');
    choices.push({ weight: 3, arbitrary: fc.oneof(fc.constantFrom(...values.map((v) => v.toUpperCase()), ...values.map((v) => ` ${v}`), 'zzz'), fc.string({ maxLength: 10 })) });
  }
  if (f.uuid) choices.push({ weight: 3, arbitrary: fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-00000000000g', '{01890000-0000-7000-8000-000000000000}', '01890000000070008000000000000000', '01890000-0000-7000-8000-000000000000 ') });
  return fc.oneof(...choices);
}

const extraKey = fc.oneof(
  fc.constantFrom('constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'polluted', '__defineGetter__', '', ' ', '$where', 'a.b', 'id', 'workspace_id', 'version'),
  fc.string({ maxLength: 16 }),
);

/** One way to break a document: change a place, remove it, or add a key beside it. */
export function mutation(schema: JsonSchema): fc.Arbitrary<{ apply: (doc: unknown) => unknown; what: string }> {
  const sites = sitesOf(schema);
  return fc.constantFrom(...sites).chain((site) => {
    const at = site.path.join('.') || '(root)';
    const options: fc.Arbitrary<{ apply: (doc: unknown) => unknown; what: string }>[] = [
      breaker(site.facts).map((value) => ({ apply: (doc: unknown) => setAt(doc, site.path, value), what: `set ${at}` })),
    ];
    if (site.path.length) options.push(fc.constant({ apply: (doc: unknown) => deleteAt(doc, site.path), what: `delete ${at}` }));
    if (site.facts.object) {
      options.push(fc.tuple(extraKey, fc.oneof(fc.jsonValue({ maxDepth: 1 }), poisoned)).map(([key, value]) => ({
        apply: (doc: unknown) => setAt(doc, [...site.path, key], value),
        what: `add ${at}.${key}`,
      })));
    }
    return fc.oneof(...options);
  });
}

/** A document of the schema with one to three things broken, as JSON text. */
export function hostileDocument(schema: JsonSchema, hints: Hints): fc.Arbitrary<{ text: string; what: string }> {
  return fc.tuple(arbitraryFor(schema, hints), fc.array(mutation(schema), { minLength: 1, maxLength: 3 })).map(([doc, changes]) => {
    const broken = changes.reduce((d, c) => c.apply(d), doc);
    return { text: renderJson(broken), what: changes.map((c) => c.what).join(', ') };
  });
}

// ---------------------------------------------------------------------------------------------
// The oracle: must the server refuse this body?
// ---------------------------------------------------------------------------------------------

const bodyAjv = createAjv(false);
const validators = new WeakMap<JsonSchema, (v: unknown) => boolean>();

/** Deepest nesting of objects and arrays (iterative). */
export function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node === 'object' && node !== null) {
      max = Math.max(max, depth + 1);
      for (const child of Object.values(node)) stack.push([child, depth + 1]);
    }
  }
  return max;
}

/** Has a key Fastify's JSON parser refuses (__proto__, constructor.prototype), or a NUL anywhere? */
function poisonOrNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string' && node.includes('\u0000')) return true;
    if (typeof node === 'object' && node !== null) {
      const own = (k: string) => Object.prototype.hasOwnProperty.call(node, k);
      if (own('__proto__')) return true;
      const ctor = (node as Json).constructor;
      if (own('constructor') && typeof ctor === 'object' && ctor !== null && Object.prototype.hasOwnProperty.call(ctor, 'prototype')) return true;
      for (const [k, child] of Object.entries(node)) {
        if (k.includes('\u0000')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

/**
 * What the server must do with this JSON body: refuse it if it does not parse, is poisoned,
 * holds a NUL, nests deeper than 32 or breaks the route's schema (checked with the app's own
 * Ajv settings); anything else it may take or refuse (domain rules), but never with a 5xx.
 */
/** Routes whose body limit is SWITCHBOARD_BULK_BODY_LIMIT (32 MiB) rather than SWITCHBOARD_BODY_LIMIT. */
export const BULK_ROUTES = new Set(['PATCH /v1/phone-numbers', 'PUT /api/v2/phone-numbers']);

/** Routes whose body may be left out: no body, or JSON null, means the defaults ({}). */
export const OPTIONAL_BODY = new Set(['POST /v1/webhook-endpoints/{id}/rotate-secret']);

export function expectForBody(op: Operation, text: string): Expect {
  const schema = op.body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'reject';
  }
  if (poisonOrNul(parsed) || depthOf(parsed) > 32) return 'reject';
  if (!schema) return 'any';
  let validate = validators.get(schema);
  if (!validate) {
    const compiled = bodyAjv.compile(schema);
    validate = (v) => compiled(v) as boolean;
    validators.set(schema, validate);
  }
  if (parsed === null && OPTIONAL_BODY.has(label(op))) parsed = {};
  return validate(structuredClone(parsed)) ? 'any' : 'reject';
}

// ---------------------------------------------------------------------------------------------
// Query strings and path parameters
// ---------------------------------------------------------------------------------------------

/** Percent-encodes every byte of the UTF-8 text that is not unreserved (lone surrogates become U+FFFD). */
export const pct = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

/** Decodes one component as the app's query parser does: "+" is a space; undecodable text stays as sent. */
const decodeComponent = (text: string) => {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
};

/** A query string (already encoded) → the object the route sees: repeated names become lists. */
export function parseQuery(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decodeComponent(part.slice(eq + 1));
    const prev = out[key];
    out[key] = prev === undefined ? value : ([] as string[]).concat(prev, value);
  }
  return out;
}

const textAjv = createAjv('array');
const textValidators = new Map<string, (v: unknown) => boolean>();
function validText(name: string, schema: JsonSchema, value: unknown): boolean {
  const key = JSON.stringify([name, schema]);
  let validate = textValidators.get(key);
  if (!validate) {
    const compiled = textAjv.compile({ type: 'object', properties: { [name]: schema } });
    validate = (v) => compiled(v) as boolean;
    textValidators.set(key, validate);
  }
  return validate({ [name]: structuredClone(value) });
}

/** Must the route refuse this query string (encoded, without "?")? NUL anywhere, a required parameter missing, a declared one invalid. */
export function expectForQuery(op: Operation, query: string): Expect {
  const parsed = parseQuery(query);
  for (const [k, v] of Object.entries(parsed)) if (k.includes('\u0000') || ([] as string[]).concat(v).some((x) => x.includes('\u0000'))) return 'reject';
  for (const p of op.query) {
    const value = parsed[p.name];
    if (value === undefined) {
      if (p.required) return 'reject';
      continue;
    }
    if (!validText(p.name, p.schema, value)) return 'reject';
  }
  return 'any';
}

/**
 * Must the route refuse this path parameter (encoded)? NUL, or what its schema refuses. Undefined:
 * the router cannot decode it (a known bug: see KNOWN_ROUTER_REFUSALS), so it is not tried here.
 */
export function expectForPath(param: Param, encoded: string): Expect | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  if (encoded.length > 256) return undefined;
  if (decoded.includes('\u0000')) return 'reject';
  return validText(param.name, param.schema, decoded) ? 'any' : 'reject';
}

const STRANGE_TEXT = [
  '', 'abc', '1.5', 'NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '99999999999999999999999', '0x10', '%205', '5%20', '%2B5', '1e2', '-0', '05', '-1', '0',
  'true', 'TRUE', 'yes', 'null', 'undefined', '%00', 'a%00b', '%01%1F%7F', '%0D%0AX-Injected:%201', '%ED%A0%80', '%ZZ', '%', '%E0%A4', '%F0%9F%98%80',
  '__proto__', 'constructor', '%5B%5D', '%7B%7D', '..', '%2E%2E%2F', '%2F', '%3Cscript%3E', "'%20OR%201=1",
];

/** Encoded values that break, or merely strain, a query or path parameter of this schema. */
export function textBreaker(schema: JsonSchema): fc.Arbitrary<string> {
  const f = facts(schema);
  const choices: fc.Arbitrary<string>[] = [
    fc.constantFrom(...STRANGE_TEXT),
    ANY_TEXT_ENCODED,
  ];
  if (f.maxLength !== undefined) choices.push(fc.integer({ min: f.maxLength + 1, max: f.maxLength + 100 }).map((n) => 'q'.repeat(n)));
  if (f.maximum !== undefined) choices.push(fc.constantFrom(String(f.maximum + 1), String(f.maximum * 1000), '2147483648', '9007199254740993'));
  if (f.minimum !== undefined) choices.push(fc.constantFrom(String(f.minimum - 1), String(f.minimum - 1000)));
  if (f.enum?.length) choices.push(fc.constantFrom(...f.enum.map((v) => pct(String(v).toUpperCase())), 'zzz', pct(` ${f.enum[0]}`)));
  if (f.uuid) choices.push(fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-00000000000g', '%7B01890000-0000-7000-8000-000000000000%7D', '01890000000070008000000000000000'));
  return fc.oneof(...choices);
}

/** An encoded, valid-looking value for a query parameter of this schema. */
export const textValue = (schema: JsonSchema): fc.Arbitrary<string> => plainArbitrary(schema, {}).map((v) => pct(typeof v === 'string' ? v : JSON.stringify(v)));

/** A marker the test replaces with a real object's value (Fixtures.queryValue). */
export const FIXTURE = '@@FIXTURE@@';

/**
 * A query string for the route: each parameter left out or valid, then zero to two of them broken
 * or repeated; sometimes unknown and prototype-named parameters beside them.
 */
export function hostileQuery(op: Operation): fc.Arbitrary<{ pairs: [string, string][]; what: string }> {
  const n = op.query.length;
  const base = fc.tuple(...op.query.map((p) => fc.oneof(fc.constant(undefined), fc.constant(FIXTURE), textValue(p.schema))));
  const broken = n === 0
    ? fc.constant([] as [number, string[]][])
    : fc.array(
        fc.integer({ min: 0, max: n - 1 }).chain((i) => {
          const schema = op.query[i]!.schema;
          return fc.oneof(
            { weight: 3, arbitrary: textBreaker(schema).map((v): [number, string[]] => [i, [v]]) },
            { weight: 1, arbitrary: fc.tuple(textValue(schema), textBreaker(schema)).map(([a, b]): [number, string[]] => [i, [a, b]]) },
          );
        }),
        { maxLength: 2 },
      );
  const extraName = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('zzz', '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'a%5Bb%5D', '') }, { weight: 1, arbitrary: fc.constantFrom('%00', 'limit%00') });
  const extra = fc.oneof({ weight: 2, arbitrary: fc.constant([] as [string, string][]) }, { weight: 1, arbitrary: fc.array(fc.tuple(extraName, fc.constantFrom('1', 'x', '')), { minLength: 1, maxLength: 2 }) });
  return fc.tuple(base, broken, extra).map(([values, breaks, more]) => {
    const chosen: (string[] | undefined)[] = values.map((v) => (v === undefined ? undefined : [v]));
    for (const [i, vs] of breaks) chosen[i] = vs;
    const pairs: [string, string][] = [];
    chosen.forEach((vs, i) => vs?.forEach((v) => pairs.push([op.query[i]!.name, v])));
    pairs.push(...more);
    return { pairs, what: pairs.map(([k, v]) => `${k}=${v.slice(0, 40)}`).join('&') || '(no query)' };
  });
}

/** An encoded path parameter: a real object (most often), or something else. */
export function hostilePathValue(param: Param): fc.Arbitrary<string> {
  // "." and ".." segments (also as %2E) are resolved away by URL parsing: they name another route.
  const dotSegment = (v: string) => /^(\.|%2E){1,2}($|%2F)/i.test(v);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(FIXTURE) },
    { weight: 3, arbitrary: textBreaker(param.schema) },
    { weight: 1, arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', '01890000-0000-7000-8000-000000000000', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(200), '%2B1%20(415)%20555-0100', '%2B', '+', 'a%2Fb', '%20') },
    { weight: 1, arbitrary: GRAPHEMES_ENCODED },
  ).filter((v) => !dotSegment(v));
}

/**
 * The shared frame of a hostile-input suite, inside its describe(): fixtures, a prober, the
 * hints (read once the app is up), and at the end the app closed and no prototype polluted.
 */
export function hostileSuite(t: TestApp): { fx: Fixtures; prober: Prober; hints: () => Hints } {
  const fx = new Fixtures(t);
  const prober = new Prober(t, fx);
  const prototypes = prototypeSnapshot();
  let hints: Hints | undefined;
  before(async () => {
    hints = await makeHints(t);
  });
  after(async () => {
    if (process.env.HOSTILE_DEBUG) console.log(prober.report());
    await t.close();
    assertNoPollution(prototypes);
  });
  return { fx, prober, hints: () => hints! };
}
