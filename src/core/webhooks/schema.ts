// Webhook subscriptions ("endpoints"): where events about a workspace, or about one number,
// are sent. The VoiceOS per-number `webhooks[]` and the Vocode agent webhook are views of these.
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, Strict, StringEnum, Timestamp, Url } from '../shared/schema-kit.ts';

export const WEBHOOK_METHODS = ['GET', 'POST', 'PUT', 'PATCH'] as const;

const fields = {
  url: Url('http or https URL the events are sent to.'),
  method: StringEnum(WEBHOOK_METHODS, 'HTTP method of the delivery.'),
  headers: Type.Record(Type.String({ minLength: 1, maxLength: 255 }), Type.String({ maxLength: 1024 }), { maxProperties: 32, description: 'Extra request headers (no CR/LF).' }),
  event_types: Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 64, description: 'Event types, such as phone_call:connection_requested or phone_number.*.' }),
  phone_number_id: Nullable(Id('Only events about this number.')),
  agent_id: Nullable(Id('Only events about calls this agent handles.')),
  filter: Nullable(Type.String({ maxLength: 4096, description: 'An expression over the event payload; kept as sent.' })),
  enabled: Type.Boolean(),
  description: Nullable(Type.String({ maxLength: 1024 })),
};

export const WebhookEndpointInputSchema = Strict({
  url: fields.url,
  method: Type.Optional(fields.method),
  headers: Type.Optional(fields.headers),
  event_types: Type.Optional(fields.event_types),
  filter: Type.Optional(fields.filter),
  enabled: Type.Optional(fields.enabled),
  description: Type.Optional(fields.description),
});
export type WebhookEndpointInput = Static<typeof WebhookEndpointInputSchema>;

export const WebhookEndpointSchema = Type.Object({
  id: Id(),
  workspace_id: Id(),
  ...fields,
  version: Type.Integer(),
  created_at: Timestamp(),
  updated_at: Timestamp(),
});
export type WebhookEndpoint = Static<typeof WebhookEndpointSchema>;
