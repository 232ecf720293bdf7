// The documented examples of an operation (src/http/openapi/examples.ts, as the OpenAPI document
// carries them), made sendable: the placeholder ids replaced by real objects, made for it.
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { EXAMPLE_IDEMPOTENCY_KEY, EXAMPLE_IDS, EXAMPLE_NEW_NUMBER, EXAMPLE_NUMBER } from '../../src/http/openapi/examples.ts';
import type { TestApp } from './app.ts';
import { type Fixtures, fixtureNumber } from './routes.ts';

type Json = Record<string, any>;

export interface Sample {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body?: unknown;
}

/** An operation's examples (an OpenAPI operation object), as documented. */
export function sampleOf(op: Json): Sample {
  const sample: Sample = { params: {}, query: {}, headers: {} };
  for (const p of op.parameters ?? []) {
    const where = p.in === 'path' ? sample.params : p.in === 'query' ? sample.query : sample.headers;
    where[p.name] = p.example;
  }
  const json = op.requestBody?.content?.['application/json'];
  if (json) sample.body = json.example;
  return sample;
}

/** The placeholders the sample names, each replaced by a real object (a fixture) made for it. */
export async function withRealIds(t: TestApp, fx: Fixtures, sample: Sample): Promise<Sample> {
  let text = JSON.stringify(sample);
  const swap = async (placeholder: string, make: () => Promise<string> | string) => {
    if (text.includes(placeholder)) text = text.split(placeholder).join(await make());
  };
  await swap(EXAMPLE_IDS.workspace, () => t.first.workspace.id);
  await swap(EXAMPLE_IDS.user, () => t.first.user!.id);
  await swap(EXAMPLE_IDS.phoneNumber, async () => (await fx.number()).id);
  await swap(EXAMPLE_NUMBER, async () => (await fx.number()).number);
  await swap(EXAMPLE_NEW_NUMBER, () => fixtureNumber());
  await swap(EXAMPLE_IDS.agent, () => fx.agent());
  await swap(EXAMPLE_IDS.workflow, () => fx.workflow());
  await swap(EXAMPLE_IDS.apiKey, () => fx.apiKey());
  await swap(EXAMPLE_IDS.event, () => fx.event());
  await swap(EXAMPLE_IDS.webhookEndpoint, async () => (await fx.delivery()).endpointId);
  await swap(EXAMPLE_IDS.delivery, async () => (await fx.delivery()).id);
  await swap(EXAMPLE_IDEMPOTENCY_KEY, () => randomUUID());
  return JSON.parse(text);
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** inject() options for the sample on `path` (as documented: /v1/agents/{id}). */
export function requestOf(method: string, path: string, sample: Sample): InjectOptions & { url: string } {
  let url = path;
  for (const [name, value] of Object.entries(sample.params)) url = url.replace(`{${name}}`, encodeURIComponent(text(value)));
  const query = new URLSearchParams(Object.entries(sample.query).map(([k, v]) => [k, text(v)])).toString();
  return {
    method: method.toUpperCase() as InjectOptions['method'],
    url: query ? `${url}?${query}` : url,
    headers: Object.fromEntries(Object.entries(sample.headers).map(([k, v]) => [k, text(v)])),
    ...(sample.body !== undefined ? { payload: JSON.stringify(sample.body) } : {}),
  };
}
