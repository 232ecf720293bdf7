// What every route of every face needs, by operationId: the one table of access. The HTTP layer
// takes each route's scope from here when the route is registered (src/http/plugins/route-access.ts:
// a route without a row stops the server from starting), the authorization matrix test checks
// every route against it with a key of each scope, and the README's scope table says the same.
//
// Adding a route: add its row here. `needs` is checked before the route runs; `shows` and
// `writes` name the parts of the answer or the request that belong to another kind of object,
// which the core services check themselves (see the rules in README.md, "Scopes"):
// - reading anything of an agent or workflow beyond the id a number holds needs agents:read or
//   workflows:read; reading a webhook subscription (a number's, or an agent's webhook) needs
//   webhooks:read. Without it the answer leaves the part out (or shows the vendor's stand-in).
// - writing them needs agents:write, workflows:write, webhooks:write: without it the request is
//   403 and nothing is written. Detaching an agent or workflow from numbers writes the numbers.
// - deleting an object removes what belongs to it (a number's subscriptions, an agent's webhook)
//   without further scopes; events:read is the whole audit log, every kind of object included.
import type { Scope } from './scopes.ts';

/** A part of an answer or a request that needs scopes beyond the route's own. */
export interface Part {
  /** A short stable name (the matrix test keys its checks by it). */
  part: string;
  /** Every one of these is needed, with the route's own scope. */
  needs: readonly Scope[];
  /** What it is, in the words of the face. */
  what: string;
}

export interface OperationAccess {
  /** The scope the route needs; 'authenticated': any valid key; 'public': no key at all. */
  needs: Scope | 'authenticated' | 'public';
  /** Parts of the answer shown only with more scopes (without them: left out, or the vendor's stand-in). */
  shows?: readonly Part[];
  /** Parts of the request that need more scopes: without them 403, and nothing is written. */
  writes?: readonly Part[];
}

const agentWebhookShown: Part = { part: 'webhook', needs: ['webhooks:read'], what: 'webhook (the agent\'s subscription); left out without it' };
const agentWebhookWritten: Part = { part: 'webhook', needs: ['webhooks:write'], what: 'webhook (a non-null webhook on create; any webhook, null too, on update)' };
const detach = (kind: string): Part => ({ part: 'detach', needs: ['numbers:write'], what: `detach=true (clears the ${kind} from the phone numbers that route to it)` });
const freyaNames: Part[] = [
  { part: 'agent names', needs: ['agents:read'], what: 'inboundAgentName, outboundAgentName (null without it)' },
  { part: 'workflow names', needs: ['workflows:read'], what: 'inboundWorkflowName, outboundWorkflowName (null without it)' },
];
const voiceosWebhooks: Part = { part: 'webhooks', needs: ['webhooks:read'], what: 'webhooks (the number\'s subscriptions; [] without it)' };
const vocodeAgent: Part[] = [
  { part: 'inbound agent', needs: ['agents:read'], what: 'inbound_agent\'s name, prompt, voice, actions and settings (without it: the agent\'s id with empty stand-ins)' },
  { part: 'inbound agent webhook', needs: ['agents:read', 'webhooks:read'], what: 'inbound_agent.webhook' },
];

export const OPERATIONS = {
  // Probes and the document: no key.
  healthz: { needs: 'public' },
  readyz: { needs: 'public' },
  openapiDocument: { needs: 'public' },
  // The web console (src/http/console): its pages and assets need no key; its API calls do.
  consoleIndex: { needs: 'public' },
  consolePage: { needs: 'public' },
  consoleAsset: { needs: 'public' },

  // Native API (/v1).
  createPhoneNumber: { needs: 'numbers:write' },
  listPhoneNumbers: { needs: 'numbers:read' },
  bulkUpdatePhoneNumbers: { needs: 'numbers:write' },
  getPhoneNumber: { needs: 'numbers:read' },
  updatePhoneNumber: { needs: 'numbers:write' },
  releasePhoneNumber: { needs: 'numbers:write' },
  createAgent: { needs: 'agents:write', shows: [agentWebhookShown], writes: [agentWebhookWritten] },
  listAgents: { needs: 'agents:read', shows: [agentWebhookShown] },
  getAgent: { needs: 'agents:read', shows: [agentWebhookShown] },
  updateAgent: { needs: 'agents:write', shows: [agentWebhookShown], writes: [agentWebhookWritten] },
  deleteAgent: { needs: 'agents:write', writes: [detach('agent')] },
  createWorkflow: { needs: 'workflows:write' },
  listWorkflows: { needs: 'workflows:read' },
  getWorkflow: { needs: 'workflows:read' },
  updateWorkflow: { needs: 'workflows:write' },
  deleteWorkflow: { needs: 'workflows:write', writes: [detach('workflow')] },
  getMe: { needs: 'authenticated' },
  createApiKey: { needs: 'keys:write' },
  listApiKeys: { needs: 'keys:read' },
  getApiKey: { needs: 'keys:read' },
  revokeApiKey: { needs: 'keys:write' },
  listEvents: { needs: 'events:read' },
  getEvent: { needs: 'events:read' },
  createWorkspace: { needs: 'operator' },
  listWorkspaces: { needs: 'operator' },
  createWebhookEndpoint: { needs: 'webhooks:write' },
  listWebhookEndpoints: { needs: 'webhooks:read' },
  getWebhookEndpoint: { needs: 'webhooks:read' },
  updateWebhookEndpoint: { needs: 'webhooks:write' },
  deleteWebhookEndpoint: { needs: 'webhooks:write' },
  rotateWebhookEndpointSecret: { needs: 'webhooks:write' },
  listWebhookDeliveries: { needs: 'webhooks:read' },
  getWebhookDelivery: { needs: 'webhooks:read' },
  retryWebhookDelivery: { needs: 'webhooks:write' },
  testWebhookEndpoint: { needs: 'webhooks:write' },
  replayWebhookEndpoint: { needs: 'webhooks:write' },
  listEventTypes: { needs: 'webhooks:read' },

  // Freya Voice: numbers, with the names of their agents and workflows.
  freyaCreatePhoneNumber: { needs: 'numbers:write', shows: freyaNames },
  freyaListPhoneNumbers: { needs: 'numbers:read', shows: freyaNames },
  freyaUpdatePhoneNumbers: { needs: 'numbers:write', shows: freyaNames },
  freyaGetPhoneNumber: { needs: 'numbers:read', shows: freyaNames },
  freyaDeletePhoneNumber: { needs: 'numbers:write', shows: freyaNames },

  // VoiceOS: numbers, with their webhook subscriptions.
  voiceosListPhoneNumbers: { needs: 'numbers:read', shows: [voiceosWebhooks] },
  voiceosGetPhoneNumber: { needs: 'numbers:read', shows: [voiceosWebhooks] },
  voiceosUpdatePhoneNumber: {
    needs: 'numbers:write',
    shows: [voiceosWebhooks],
    writes: [{ part: 'webhooks', needs: ['webhooks:write'], what: 'webhooks (replaces the number\'s subscriptions; [] and null too)' }],
  },

  // Vocode: numbers, with the whole inbound agent (lists show it by id only).
  vocodeListNumbers: { needs: 'numbers:read' },
  vocodeGetNumber: { needs: 'numbers:read', shows: vocodeAgent },
  vocodeUpdateNumber: {
    needs: 'numbers:write',
    shows: vocodeAgent,
    writes: [
      { part: 'inbound agent', needs: ['agents:write'], what: 'inbound_agent as agent fields (an agent id needs only numbers:write)' },
      { part: 'inbound agent webhook', needs: ['agents:write', 'webhooks:write'], what: 'inbound_agent.webhook' },
    ],
  },
  vocodeCancelNumber: { needs: 'numbers:write', shows: vocodeAgent },
  // A number just linked has no agent yet: the answer shows the stand-in whatever the key.
  vocodeLinkNumber: { needs: 'numbers:write' },
  vocodeBuyNumber: { needs: 'numbers:write' },

  // SignalWire: numbers; their handlers by id only.
  signalwireListPhoneNumbers: { needs: 'numbers:read' },
  signalwireGetPhoneNumber: { needs: 'numbers:read' },
  signalwireUpdatePhoneNumber: { needs: 'numbers:write' },
  signalwireReleasePhoneNumber: { needs: 'numbers:write' },
} as const satisfies Record<string, OperationAccess>;

export type OperationId = keyof typeof OPERATIONS;

/** Routes registered without an operationId that need no key: swagger-ui's pages, under /docs. */
export const PUBLIC_PATH_PREFIXES = ['/docs'] as const;

/** The row of an operation; undefined when it has none. */
export function accessOf(operationId: string): OperationAccess | undefined {
  return Object.hasOwn(OPERATIONS, operationId) ? (OPERATIONS as Record<string, OperationAccess>)[operationId] : undefined;
}
