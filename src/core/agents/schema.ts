// An AI agent a number can route to. Holds what the Vocode agent object shows
// (prompt, voice, actions, webhook, initial message) plus how a call reaches it.
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, Strict, StringEnum, Timestamp, Url } from '../shared/schema-kit.ts';

export const ENDPOINT_TYPES = ['websocket', 'sip'] as const;
export const AGENT_WEBHOOK_METHODS = ['GET', 'POST', 'PUT', 'PATCH'] as const;

export const EndpointSchema = Strict(
  {
    type: StringEnum(ENDPOINT_TYPES),
    url: Url('A ws:// or wss:// URL for websocket, a sip: or sips: URI for sip.'),
  },
  'How a call reaches it.',
);

const VoiceSchema = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 64, description: 'Voice provider/type, such as voice_eleven_labs or voice_azure.' }),
    voice_name: Type.Optional(Type.String({ maxLength: 256 })),
    voice_id: Type.Optional(Type.String({ maxLength: 256 })),
    pitch: Type.Optional(Type.Number({ minimum: -100, maximum: 100 })),
    rate: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
  },
  {
    // Providers add their own settings (stability, model_id …): scalars only.
    additionalProperties: Type.Union([Type.String({ maxLength: 1024 }), Type.Number(), Type.Boolean(), Type.Null()]),
    maxProperties: 32,
  },
);

/** When the agent takes the action (Vocode's action_trigger: function call, or phrases); kept as sent. */
const ActionTrigger = Type.Record(Type.String({ maxLength: 128 }), Type.Unknown(), { maxProperties: 8, description: 'When the action is taken, such as {"type": "action_trigger_phrase_based", "config": {…}}; kept as sent.' });

const ActionSchema = Strict({
  type: Type.String({ minLength: 1, maxLength: 64, description: 'Such as action_transfer_call or action_end_conversation.' }),
  config: Type.Optional(Type.Record(Type.String({ maxLength: 128 }), Type.Unknown(), { maxProperties: 32 })),
  trigger: Type.Optional(Nullable(ActionTrigger)),
});

// The agent's webhook is a webhook endpoint (agent_id = this agent, in /v1/webhook-endpoints),
// kept in step with this view by the agent service; see ../webhooks/agent-webhook.ts.
const WebhookSchema = Strict(
  {
    url: Url('http or https URL the events are sent to; refused if it leads to a private or metadata address.'),
    method: Type.Optional(StringEnum(AGENT_WEBHOOK_METHODS, 'HTTP method of the delivery; POST when absent.')),
    subscriptions: Type.Optional(Type.Array(Type.String({ maxLength: 128 }), {
      maxItems: 64,
      description: 'Vocode event names (event_message, event_phone_call_connected …) or catalogue event types (phone_call.ended, phone_call.*). Empty or absent: no events (the endpoint is disabled).',
    })),
  },
  'Where events about this agent\'s calls are sent. It is the webhook endpoint whose agent_id is this agent: its url, method and event types are changed here; its signing secret is rotated there.',
);

const fields = {
  name: Type.String({ minLength: 1, maxLength: 128 }),
  prompt: Nullable(Type.String({ maxLength: 32768 })),
  initial_message: Nullable(Type.String({ maxLength: 4096 })),
  language: Type.String({ minLength: 2, maxLength: 35, description: 'BCP 47 tag such as en or en-US.' }),
  voice: Nullable(VoiceSchema),
  actions: Type.Array(ActionSchema, { maxItems: 32 }),
  webhook: Nullable(WebhookSchema),
  endpoint: Nullable(EndpointSchema),
  settings: Type.Record(Type.String({ maxLength: 128 }), Type.Unknown(), {
    maxProperties: 64,
    description: 'Further conversation settings, kept as sent (interrupt sensitivity, speed …).',
  }),
};

const optional = <T extends Record<string, import('@sinclair/typebox').TSchema>>(f: T) =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Type.Optional(Nullable(v))])) as {
    [K in keyof T]: import('@sinclair/typebox').TOptional<import('@sinclair/typebox').TUnion<[T[K], import('@sinclair/typebox').TNull]>>;
  };

export const AgentCreateSchema = Strict({ ...optional(fields), name: fields.name }, 'A new agent.');
// name has no default to clear to: null is refused, as for workflows.
export const AgentPatchSchema = Strict({ ...optional(fields), name: Type.Optional(fields.name) }, 'Agent fields to change. Absent = unchanged, null = cleared.');
export type AgentPatch = Static<typeof AgentPatchSchema>;

const storedAgent = {
  id: Id(),
  workspace_id: Id(),
  user_id: Nullable(Id()),
  ...fields,
  actions: Type.Array(Type.Object({ id: Id(), type: Type.String(), config: Type.Record(Type.String(), Type.Unknown()), trigger: Type.Optional(Type.Record(Type.String(), Type.Unknown())) })),
  version: Type.Integer(),
  created_at: Timestamp(),
  updated_at: Timestamp(),
};
const StoredAgentSchema = Type.Object(storedAgent);
/** An agent as stored, webhook and all. */
export type Agent = Static<typeof StoredAgentSchema>;

/** An agent as an answer shows it: its webhook is a subscription, shown only to a key with webhooks:read. */
export const AgentSchema = Type.Object({
  ...storedAgent,
  webhook: Type.Optional(Type.Union([WebhookSchema, Type.Null()], { description: 'Absent when the API key lacks the webhooks:read scope; null when the agent has no webhook.' })),
});
export type AgentView = Static<typeof AgentSchema>;

export const agentDefaults = () => ({
  prompt: null,
  initial_message: null,
  language: 'en',
  voice: null,
  actions: [] as Agent['actions'],
  webhook: null,
  endpoint: null,
  settings: {} as Record<string, unknown>,
});
