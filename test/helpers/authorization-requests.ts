// For the authorization matrix: one valid request per route (by operationId), made against real
// objects; the requests that write a part of another kind; and how to tell, in each answer,
// whether a part the table of access names (src/core/authorization/operations.ts) is shown.
import assert from 'node:assert/strict';
import { DEAD_URL, Fixtures, fixtureNumber } from './routes.ts';
import type { TestApp } from './app.ts';

type Json = Record<string, any>;

export interface MatrixRequest {
  url: string;
  body?: unknown;
  /** The status of success (Vocode's buy: the 400 that says Switchboard does not buy numbers). */
  ok: number;
}

/** A number routed to the matrix agent (inbound) and workflow (outbound), with a subscription of its own. */
export interface RoutedNumber {
  id: string;
  number: string;
}

export const AGENT_NAME = 'matrix agent';
export const AGENT_PROMPT = 'the matrix agent\'s prompt';
export const WORKFLOW_NAME = 'matrix workflow';
const TWILIO_CONNECTION = '6f1c2e0a-8d1b-4c55-9a0e-2b8f5d7c1e01';
const hook = { url: DEAD_URL, subscriptions: ['event_message'] };

/** Fixtures of routes.ts, plus the routed objects the parts of answers are read from. */
export class MatrixFixtures extends Fixtures {
  private routedOnce: Promise<RoutedNumber> | undefined;
  private targets: Promise<{ agentId: string; workflowId: string }> | undefined;

  constructor(readonly app: TestApp) {
    super(app);
  }

  async post(url: string, body: unknown, status = 201): Promise<Json> {
    const res = await this.app.request('POST', url, body);
    assert.equal(res.statusCode, status, `fixture ${url}: ${res.body}`);
    return res.json();
  }

  /** The agent (prompt, actions, webhook) and workflow that routed numbers use, made once. */
  routedTargets(): Promise<{ agentId: string; workflowId: string }> {
    this.targets ??= (async () => {
      const agent = await this.post('/v1/agents', { name: AGENT_NAME, prompt: AGENT_PROMPT, actions: [{ type: 'action_end_conversation' }], webhook: hook });
      const workflow = await this.post('/v1/workflows', { name: WORKFLOW_NAME });
      return { agentId: agent.id as string, workflowId: workflow.id as string };
    })();
    return this.targets;
  }

  /** A new routed number (for requests that release it). */
  async freshRouted(): Promise<RoutedNumber> {
    const { agentId, workflowId } = await this.routedTargets();
    const n = await this.post('/v1/phone-numbers', { number: fixtureNumber(), inbound_target: 'agent', inbound_agent_id: agentId, outbound_workflow_id: workflowId });
    await this.post('/v1/webhook-endpoints', { url: DEAD_URL, phone_number_id: n.id, description: 'the routed number\'s own' });
    return { id: n.id, number: n.number };
  }

  /** The routed number that reads and non-destructive writes use; made first, so that it is on every list's first page. */
  routed(): Promise<RoutedNumber> {
    this.routedOnce ??= this.freshRouted();
    return this.routedOnce;
  }

  /** A new number whose inbound agent is its own (for requests that rewrite the agent through the number). */
  async withOwnAgent(): Promise<RoutedNumber> {
    const agent = await this.post('/v1/agents', { name: 'an agent of its own', prompt: AGENT_PROMPT });
    const n = await this.post('/v1/phone-numbers', { number: fixtureNumber(), inbound_target: 'agent', inbound_agent_id: agent.id });
    return { id: n.id, number: n.number };
  }

  async freshNumber(): Promise<RoutedNumber> {
    const n = await this.post('/v1/phone-numbers', { number: fixtureNumber() });
    return { id: n.id, number: n.number };
  }
}

const q = (n: RoutedNumber) => `phone_number=${encodeURIComponent(n.number)}`;
const FREYA = '/api/v2/phone-numbers';
const SW = '/api/relay/rest/phone_numbers';

/** One valid request per route that needs a key. Requests that release or delete make their own object. */
export const REQUESTS: Record<string, (fx: MatrixFixtures) => Promise<MatrixRequest>> = {
  createPhoneNumber: async () => ({ url: '/v1/phone-numbers', body: { number: fixtureNumber() }, ok: 201 }),
  listPhoneNumbers: async () => ({ url: '/v1/phone-numbers', ok: 200 }),
  bulkUpdatePhoneNumbers: async (fx) => ({ url: '/v1/phone-numbers', body: { items: [{ id: (await fx.number()).id, friendly_name: 'bulk' }] }, ok: 200 }),
  getPhoneNumber: async (fx) => ({ url: `/v1/phone-numbers/${(await fx.number()).id}`, ok: 200 }),
  updatePhoneNumber: async (fx) => ({ url: `/v1/phone-numbers/${(await fx.number()).id}`, body: { friendly_name: 'changed' }, ok: 200 }),
  releasePhoneNumber: async (fx) => ({ url: `/v1/phone-numbers/${(await fx.freshNumber()).id}`, ok: 200 }),
  createAgent: async () => ({ url: '/v1/agents', body: { name: 'made by the matrix' }, ok: 201 }),
  listAgents: async () => ({ url: '/v1/agents?limit=200', ok: 200 }),
  getAgent: async (fx) => ({ url: `/v1/agents/${(await fx.routedTargets()).agentId}`, ok: 200 }),
  updateAgent: async (fx) => ({ url: `/v1/agents/${(await fx.routedTargets()).agentId}`, body: { initial_message: 'hello' }, ok: 200 }),
  deleteAgent: async (fx) => ({ url: `/v1/agents/${(await fx.post('/v1/agents', { name: 'to delete' })).id}`, ok: 200 }),
  createWorkflow: async () => ({ url: '/v1/workflows', body: { name: 'made by the matrix' }, ok: 201 }),
  listWorkflows: async () => ({ url: '/v1/workflows', ok: 200 }),
  getWorkflow: async (fx) => ({ url: `/v1/workflows/${await fx.workflow()}`, ok: 200 }),
  updateWorkflow: async (fx) => ({ url: `/v1/workflows/${await fx.workflow()}`, body: { description: 'changed' }, ok: 200 }),
  deleteWorkflow: async (fx) => ({ url: `/v1/workflows/${(await fx.post('/v1/workflows', { name: 'to delete' })).id}`, ok: 200 }),
  getMe: async () => ({ url: '/v1/me', ok: 200 }),
  createApiKey: async () => ({ url: '/v1/api-keys', body: { name: 'made by the matrix', scopes: ['keys:read'] }, ok: 201 }),
  listApiKeys: async () => ({ url: '/v1/api-keys', ok: 200 }),
  getApiKey: async (fx) => ({ url: `/v1/api-keys/${await fx.apiKey()}`, ok: 200 }),
  revokeApiKey: async (fx) => ({ url: `/v1/api-keys/${(await fx.post('/v1/api-keys', { name: 'to revoke', scopes: ['numbers:read'] })).id}`, ok: 200 }),
  listEvents: async () => ({ url: '/v1/events', ok: 200 }),
  getEvent: async (fx) => ({ url: `/v1/events/${await fx.event()}`, ok: 200 }),
  createWorkspace: async () => ({ url: '/v1/workspaces', body: { name: 'made by the matrix' }, ok: 201 }),
  listWorkspaces: async () => ({ url: '/v1/workspaces', ok: 200 }),
  createWebhookEndpoint: async () => ({ url: '/v1/webhook-endpoints', body: { url: DEAD_URL }, ok: 201 }),
  listWebhookEndpoints: async () => ({ url: '/v1/webhook-endpoints', ok: 200 }),
  getWebhookEndpoint: async (fx) => ({ url: `/v1/webhook-endpoints/${await fx.webhookEndpoint()}`, ok: 200 }),
  updateWebhookEndpoint: async (fx) => ({ url: `/v1/webhook-endpoints/${await fx.webhookEndpoint()}`, body: { description: 'changed' }, ok: 200 }),
  deleteWebhookEndpoint: async (fx) => ({ url: `/v1/webhook-endpoints/${(await fx.post('/v1/webhook-endpoints', { url: DEAD_URL })).id}`, ok: 200 }),
  rotateWebhookEndpointSecret: async (fx) => ({ url: `/v1/webhook-endpoints/${await fx.webhookEndpoint()}/rotate-secret`, body: { overlap_seconds: 60 }, ok: 200 }),
  listWebhookDeliveries: async (fx) => ({ url: `/v1/webhook-endpoints/${(await fx.delivery()).endpointId}/deliveries`, ok: 200 }),
  getWebhookDelivery: async (fx) => {
    const d = await fx.delivery();
    return { url: `/v1/webhook-endpoints/${d.endpointId}/deliveries/${d.id}`, ok: 200 };
  },
  retryWebhookDelivery: async (fx) => {
    const d = await fx.delivery();
    return { url: `/v1/webhook-endpoints/${d.endpointId}/deliveries/${d.id}/retry`, ok: 202 };
  },
  testWebhookEndpoint: async (fx) => ({ url: `/v1/webhook-endpoints/${await fx.webhookEndpoint()}/test`, ok: 200 }),
  replayWebhookEndpoint: async (fx) => ({ url: `/v1/webhook-endpoints/${await fx.webhookEndpoint()}/replay`, body: { since: '2000-01-01T00:00:00Z' }, ok: 202 }),
  listEventTypes: async () => ({ url: '/v1/event-types', ok: 200 }),

  freyaCreatePhoneNumber: async (fx) => {
    const { agentId, workflowId } = await fx.routedTargets();
    const config = { configType: 'agents', inboundAgentId: agentId, outboundWorkflowId: workflowId };
    return { url: FREYA, body: { number: fixtureNumber(), workspaceId: fx.app.first.workspace.id, userId: fx.app.first.user.id, config }, ok: 201 };
  },
  freyaListPhoneNumbers: async (fx) => ({ url: `${FREYA}?workspaceId=${fx.app.first.workspace.id}&limit=200`, ok: 200 }),
  freyaUpdatePhoneNumbers: async (fx) => ({ url: FREYA, body: { workspaceId: fx.app.first.workspace.id, phoneNumbers: [{ id: (await fx.routed()).id, friendlyName: 'bulk' }] }, ok: 200 }),
  freyaGetPhoneNumber: async (fx) => ({ url: `${FREYA}/${(await fx.routed()).id}`, ok: 200 }),
  freyaDeletePhoneNumber: async (fx) => ({ url: `${FREYA}/${(await fx.freshRouted()).id}`, ok: 200 }),

  voiceosListPhoneNumbers: async () => ({ url: '/phone_numbers?limit=200', ok: 200 }),
  voiceosGetPhoneNumber: async (fx) => ({ url: `/phone_numbers/${encodeURIComponent((await fx.routed()).number)}`, ok: 200 }),
  voiceosUpdatePhoneNumber: async (fx) => ({ url: `/phone_numbers/${encodeURIComponent((await fx.routed()).number)}`, body: { telephony: { provider: 'twilio' } }, ok: 200 }),

  vocodeListNumbers: async () => ({ url: '/v1/numbers/list', ok: 200 }),
  vocodeGetNumber: async (fx) => ({ url: `/v1/numbers?${q(await fx.routed())}`, ok: 200 }),
  vocodeUpdateNumber: async (fx) => ({ url: `/v1/numbers/update?${q(await fx.routed())}`, body: { label: 'changed' }, ok: 200 }),
  vocodeCancelNumber: async (fx) => ({ url: `/v1/numbers/cancel?${q(await fx.freshRouted())}`, ok: 200 }),
  vocodeLinkNumber: async () => ({ url: '/v1/numbers/link', body: { phone_number: fixtureNumber(), telephony_account_connection: TWILIO_CONNECTION }, ok: 200 }),
  vocodeBuyNumber: async () => ({ url: '/v1/numbers/buy', body: {}, ok: 400 }),

  signalwireListPhoneNumbers: async () => ({ url: SW, ok: 200 }),
  signalwireGetPhoneNumber: async (fx) => ({ url: `${SW}/${(await fx.number()).id}`, ok: 200 }),
  signalwireUpdatePhoneNumber: async (fx) => ({ url: `${SW}/${(await fx.number()).id}`, body: { name: 'renamed' }, ok: 200 }),
  signalwireReleasePhoneNumber: async (fx) => ({ url: `${SW}/${(await fx.freshNumber()).id}`, ok: 204 }),
};

/** Requests that write a part of another kind (the table's `writes`), by "operationId part". */
export const PART_WRITES: Record<string, (fx: MatrixFixtures) => Promise<MatrixRequest>> = {
  'createAgent webhook': async () => ({ url: '/v1/agents', body: { name: 'with a webhook', webhook: hook }, ok: 201 }),
  'updateAgent webhook': async (fx) => ({ url: `/v1/agents/${(await fx.post('/v1/agents', { name: 'to give a webhook' })).id}`, body: { webhook: hook }, ok: 200 }),
  'deleteAgent detach': async (fx) => {
    const agent = await fx.post('/v1/agents', { name: 'routed to, then deleted' });
    await fx.post('/v1/phone-numbers', { number: fixtureNumber(), inbound_target: 'agent', inbound_agent_id: agent.id });
    return { url: `/v1/agents/${agent.id}?detach=true`, ok: 200 };
  },
  'deleteWorkflow detach': async (fx) => {
    const workflow = await fx.post('/v1/workflows', { name: 'routed to, then deleted' });
    await fx.post('/v1/phone-numbers', { number: fixtureNumber(), inbound_target: 'workflow', inbound_workflow_id: workflow.id });
    return { url: `/v1/workflows/${workflow.id}?detach=true`, ok: 200 };
  },
  'voiceosUpdatePhoneNumber webhooks': async (fx) => ({ url: `/phone_numbers/${encodeURIComponent((await fx.freshRouted()).number)}`, body: { webhooks: [{ url: DEAD_URL, events: ['phone_number.updated'] }] }, ok: 200 }),
  'vocodeUpdateNumber inbound agent': async (fx) => ({ url: `/v1/numbers/update?${q(await fx.withOwnAgent())}`, body: { inbound_agent: { prompt: { content: 'rewritten' } } }, ok: 200 }),
  'vocodeUpdateNumber inbound agent webhook': async (fx) => ({ url: `/v1/numbers/update?${q(await fx.withOwnAgent())}`, body: { inbound_agent: { webhook: { url: DEAD_URL, subscriptions: ['event_phone_call_ended'] } } }, ok: 200 }),
};

/** Whether an answer shows a part ('shown'), leaves it out as the table says ('hidden'), or neither. */
export type Seen = 'shown' | 'hidden' | 'neither';
const seen = (shown: boolean, hidden: boolean): Seen => (shown && !hidden ? 'shown' : hidden && !shown ? 'hidden' : 'neither');

const agentWebhook = (agents: Json[]): Seen => seen(agents.length > 0 && agents.every((a) => 'webhook' in a), agents.length > 0 && agents.every((a) => !('webhook' in a)));
/** The routed numbers of a Freya answer: the one it is about, or (a list) the routed fixture. */
async function freyaRouted(body: Json, fx: MatrixFixtures): Promise<Json[]> {
  const result = body.data.result;
  if (result.phoneNumber) return [result.phoneNumber];
  if (result.updated) return result.updated;
  const routed = (await fx.routed()).id;
  return result.phoneNumbers.filter((n: Json) => n.id === routed);
}
/** A routed number's Freya names: the matrix agent's and workflow's, or null beside their ids. */
const freyaNames = (kind: 'Agent' | 'Workflow', name: string) => async (body: Json, fx: MatrixFixtures): Promise<Seen> => {
  const numbers = await freyaRouted(body, fx);
  const [field, idField] = kind === 'Agent' ? ['inboundAgentName', 'inboundAgentId'] : ['outboundWorkflowName', 'outboundWorkflowId'];
  const some = numbers.length > 0 && numbers.every((n) => n.config[idField]);
  return seen(some && numbers.every((n) => n[field] === name), some && numbers.every((n) => n[field] === null));
};
const voiceosWebhooks = async (body: Json, fx: MatrixFixtures): Promise<Seen> => {
  const routed = (await fx.routed()).id;
  const n = body.data ? body.data.find((x: Json) => x.id === routed) : body;
  return seen(n.webhooks.length > 0, n.webhooks.length === 0);
};
const vocodeAgent = async (body: Json, fx: MatrixFixtures): Promise<Seen> => {
  const a = body.inbound_agent;
  const { agentId } = await fx.routedTargets();
  return seen(
    a.id === agentId && a.name === AGENT_NAME && a.prompt.content === AGENT_PROMPT && a.actions.length === 1,
    a.id === agentId && a.name === '' && a.prompt.content === '' && a.actions.length === 0 && a.webhook === undefined,
  );
};
const vocodeAgentWebhook = async (body: Json): Promise<Seen> => seen(body.inbound_agent.webhook?.url === DEAD_URL, body.inbound_agent.webhook === undefined);

/** For each part of an answer the table names ("operationId part"): is it in this answer? */
export const PART_SHOWN: Record<string, (body: Json, fx: MatrixFixtures) => Promise<Seen>> = {
  'createAgent webhook': async (body) => agentWebhook([body]),
  'listAgents webhook': async (body) => agentWebhook(body.data),
  'getAgent webhook': async (body) => agentWebhook([body]),
  'updateAgent webhook': async (body) => agentWebhook([body]),
  ...Object.fromEntries(['freyaCreatePhoneNumber', 'freyaListPhoneNumbers', 'freyaUpdatePhoneNumbers', 'freyaGetPhoneNumber', 'freyaDeletePhoneNumber'].flatMap((op) => [
    [`${op} agent names`, freyaNames('Agent', AGENT_NAME)],
    [`${op} workflow names`, freyaNames('Workflow', WORKFLOW_NAME)],
  ])),
  ...Object.fromEntries(['voiceosListPhoneNumbers', 'voiceosGetPhoneNumber', 'voiceosUpdatePhoneNumber'].map((op) => [`${op} webhooks`, voiceosWebhooks])),
  ...Object.fromEntries(['vocodeGetNumber', 'vocodeUpdateNumber', 'vocodeCancelNumber'].flatMap((op) => [
    [`${op} inbound agent`, vocodeAgent],
    [`${op} inbound agent webhook`, vocodeAgentWebhook],
  ])),
};
