// One example for every request body and parameter of every operation, by operationId: what
// "Try it out" in /docs sends. They are real requests: test/openapi-examples.test.ts sends each
// operation's examples (with the placeholder ids below replaced by objects it creates) and
// expects a 2xx.
import { encodeCursor } from '../../core/shared/pagination.ts';

/** Placeholders for the objects an example names; replace them with yours. */
export const EXAMPLE_IDS = {
  workspace: '0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d01',
  user: '0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d02',
  phoneNumber: '0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d03',
  agent: '0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d04',
  workflow: '0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d05',
  apiKey: '0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d06',
  event: '0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d07',
  webhookEndpoint: '0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d08',
  delivery: '0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d09',
} as const;

/** A number the workspace holds (get, update, release), and one it does not yet (create, link). */
export const EXAMPLE_NUMBER = '+14155550123';
export const EXAMPLE_NEW_NUMBER = '+14155550199';
export const EXAMPLE_IDEMPOTENCY_KEY = 'a3f1c9e2-create-number-0001';

const ids = EXAMPLE_IDS;
/** A cursor as a list returns it (the page after that object). */
const cursor = encodeCursor(ids.phoneNumber);
/** The same for lists read newest first (the audit log, deliveries). */
const newestFirstCursor = encodeCursor(ids.phoneNumber, 'desc');
/** A time window [since, until) for lists that take one. */
const window = { since: '2024-06-01T00:00:00Z', until: '2030-01-01T00:00:00Z' };

export interface OperationExample {
  body?: unknown;
  /** By parameter name, wherever it is (path, query, header). */
  params?: Record<string, unknown>;
}

/** Parameters that mean the same on every operation that has them. */
export const COMMON_PARAMS: Record<string, unknown> = {
  limit: 20,
  cursor,
  'if-match': '"1"',
  // An ETag no object has (versions start at 1): the example reads the object. Send the ETag you hold for a 304.
  'if-none-match': '"0"',
  'idempotency-key': EXAMPLE_IDEMPOTENCY_KEY,
};

const byId = (id: string) => ({ params: { id } });
const listOf = (params: Record<string, unknown> = {}) => ({ params });

export const EXAMPLES: Record<string, OperationExample> = {
  // ---- native API
  createPhoneNumber: { body: { number: EXAMPLE_NEW_NUMBER, friendly_name: 'Support line', inbound_agent_id: ids.agent, outbound_agent_id: ids.agent, labels: { team: 'support' } } },
  listPhoneNumbers: listOf({ number_prefix: '+1415', country: 'US', agent_id: ids.agent, workflow_id: ids.workflow, capability: 'voice', active: true, search: 'support' }),
  bulkUpdatePhoneNumbers: { body: { items: [{ id: ids.phoneNumber, friendly_name: 'Support line (EU)', inbound_agent_id: ids.agent }], atomic: false, dry_run: false } },
  getPhoneNumber: { params: { ref: EXAMPLE_NUMBER } },
  updatePhoneNumber: { params: { ref: ids.phoneNumber }, body: { friendly_name: 'Support line', inbound_agent_id: ids.agent } },
  releasePhoneNumber: { params: { ref: ids.phoneNumber } },

  createAgent: { body: { name: 'Support agent', prompt: 'You answer support calls for Acme. Be brief.', initial_message: 'Hi, this is Acme support.', language: 'en-US' } },
  listAgents: listOf(),
  getAgent: byId(ids.agent),
  updateAgent: { params: { id: ids.agent }, body: { initial_message: 'Hello, Acme support speaking.' } },
  deleteAgent: { params: { id: ids.agent, detach: true } },

  createWorkflow: { body: { name: 'After-hours IVR', description: 'Routes calls outside office hours.' } },
  listWorkflows: listOf(),
  getWorkflow: byId(ids.workflow),
  updateWorkflow: { params: { id: ids.workflow }, body: { description: 'Routes calls outside office hours to voicemail.' } },
  deleteWorkflow: { params: { id: ids.workflow, detach: true } },

  getMe: {},
  createApiKey: { body: { name: 'CI deploy key', scopes: ['numbers:read', 'numbers:write'] } },
  listApiKeys: listOf(),
  getApiKey: byId(ids.apiKey),
  revokeApiKey: byId(ids.apiKey),
  listEvents: listOf({ object_id: ids.phoneNumber, object_type: 'phone_number', type: 'phone_number.created', order: 'desc', cursor: newestFirstCursor, ...window }),
  getEvent: byId(ids.event),
  createWorkspace: { body: { name: 'Acme Support', user_name: 'Ada Lovelace' } },
  listWorkspaces: listOf(),

  createWebhookEndpoint: { body: { url: 'https://hooks.example.com/switchboard', event_types: ['phone_number.updated', 'phone_number.released'], description: 'Number changes to our CRM' } },
  listWebhookEndpoints: listOf({ phone_number_id: ids.phoneNumber }),
  getWebhookEndpoint: byId(ids.webhookEndpoint),
  updateWebhookEndpoint: { params: { id: ids.webhookEndpoint }, body: { description: 'Number changes to our CRM (staging)', enabled: true } },
  deleteWebhookEndpoint: byId(ids.webhookEndpoint),
  rotateWebhookEndpointSecret: { params: { id: ids.webhookEndpoint }, body: { overlap_seconds: 3600 } },
  listWebhookDeliveries: listOf({ id: ids.webhookEndpoint, status: 'pending', event_type: 'phone_number.updated', order: 'desc', cursor: newestFirstCursor, ...window }),
  getWebhookDelivery: { params: { id: ids.webhookEndpoint, delivery_id: ids.delivery } },
  retryWebhookDelivery: { params: { id: ids.webhookEndpoint, delivery_id: ids.delivery } },
  testWebhookEndpoint: byId(ids.webhookEndpoint),
  replayWebhookEndpoint: { params: { id: ids.webhookEndpoint }, body: { since: '2024-06-01T00:00:00Z' } },
  listEventTypes: {},

  // ---- Freya Voice
  freyaCreatePhoneNumber: {
    body: { number: EXAMPLE_NEW_NUMBER, workspaceId: ids.workspace, userId: ids.user, friendlyName: 'Main Support Line', config: { inboundAgentId: ids.agent, outboundAgentId: ids.agent } },
  },
  freyaListPhoneNumbers: listOf({ workspaceId: ids.workspace }),
  freyaUpdatePhoneNumbers: { body: { workspaceId: ids.workspace, phoneNumbers: [{ id: ids.phoneNumber, friendlyName: 'Main Support Line', config: { inboundAgentId: ids.agent } }] } },
  freyaGetPhoneNumber: byId(ids.phoneNumber),
  freyaDeletePhoneNumber: byId(ids.phoneNumber),

  // ---- VoiceOS
  voiceosListPhoneNumbers: listOf(),
  voiceosGetPhoneNumber: { params: { phone_number: EXAMPLE_NUMBER } },
  voiceosUpdatePhoneNumber: {
    params: { phone_number: EXAMPLE_NUMBER },
    body: { inbound_agent_id: ids.agent, webhooks: [{ url: 'https://hooks.example.com/voiceos', events: ['phone_call:connection_requested'] }] },
  },

  // ---- Vocode
  vocodeListNumbers: listOf({ page: 1, size: 10, sort_column: 'created_at', sort_desc: false }),
  vocodeGetNumber: { params: { phone_number: EXAMPLE_NUMBER } },
  vocodeUpdateNumber: { params: { phone_number: EXAMPLE_NUMBER }, body: { label: 'Support line', inbound_agent: ids.agent } },
  vocodeCancelNumber: { params: { phone_number: EXAMPLE_NUMBER } },
  vocodeLinkNumber: { body: { phone_number: EXAMPLE_NEW_NUMBER, telephony_account_connection: '0190f5a2-1c4e-7b3a-9d2f-3e4a5b6c7d10', outbound_only: false } },

  // ---- SignalWire
  signalwireListPhoneNumbers: listOf({ filter_name: 'support', filter_number: '415', page_number: 1, page_size: 20, page_token: cursor }),
  signalwireGetPhoneNumber: byId(ids.phoneNumber),
  signalwireUpdatePhoneNumber: {
    params: { id: ids.phoneNumber },
    body: { name: 'Support line', call_handler: 'laml_webhooks', call_request_url: 'https://example.com/voice', call_request_method: 'POST' },
  },
  signalwireReleasePhoneNumber: byId(ids.phoneNumber),
};
