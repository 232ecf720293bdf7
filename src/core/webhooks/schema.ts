// Webhook subscriptions ("endpoints"): where events about a workspace, or about one number,
// are sent. The VoiceOS per-number `webhooks[]` and the Vocode agent webhook are views of these.
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, Strict, StringEnum, Timestamp, Url } from '../shared/schema-kit.ts';
import { MAX_FILTER_LENGTH } from './filter.ts';
import { HEADER_VALUE_MASK } from './headers.ts';
import { MAX_OVERLAP_SECONDS, DEFAULT_OVERLAP_SECONDS } from './signing-secret.ts';

export const WEBHOOK_METHODS = ['GET', 'POST', 'PUT', 'PATCH'] as const;
export const MAX_HEADERS = 32;

const HeaderName = Type.String({ minLength: 1, maxLength: 255 });

const fields = {
  url: Url('http or https URL the events are sent to.'),
  method: StringEnum(WEBHOOK_METHODS, 'HTTP method of the delivery.'),
  headers: Type.Record(HeaderName, Type.String({ maxLength: 1024 }), {
    maxProperties: MAX_HEADERS,
    description: `Extra request headers sent with each delivery: RFC 7230 token names, values without CR/LF. The signature headers, content-type, content-length and host cannot be set. Values are write-only (they hold receivers' credentials): stored encrypted, sent only to this endpoint, and every answer and event shows each header's name with the value "${HEADER_VALUE_MASK}". Sending "${HEADER_VALUE_MASK}" back keeps the stored value.`,
  }),
  event_types: Type.Array(Type.String({ minLength: 1, maxLength: 128 }), {
    maxItems: 64,
    description: 'Event types from the catalogue, such as phone_number.updated or phone_call:connection_requested; wildcards phone_number.* or *. Empty: every event.',
  }),
  phone_number_id: Nullable(Id('Only events about this number of the workspace; null: every event of the workspace.')),
  agent_id: Nullable(Id('Only events about calls this agent handles (set by agent webhooks; null otherwise).')),
  filter: Nullable(Type.String({ maxLength: MAX_FILTER_LENGTH, description: 'A CEL expression over the event: payload fields by name, the whole event as `event`. Only events for which it is true are sent.' })),
  enabled: Type.Boolean({ description: 'false: no deliveries.' }),
  description: Nullable(Type.String({ maxLength: 1024 })),
};

/** What the vendor faces (VoiceOS) give for a subscription of one number. */
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

export const WebhookEndpointCreateSchema = Strict(
  {
    url: fields.url,
    method: Type.Optional(StringEnum(WEBHOOK_METHODS, 'HTTP method of the delivery; POST when absent.')),
    headers: Type.Optional(fields.headers),
    event_types: Type.Optional(fields.event_types),
    phone_number_id: Type.Optional(fields.phone_number_id),
    filter: Type.Optional(fields.filter),
    enabled: Type.Optional(fields.enabled),
    description: Type.Optional(fields.description),
  },
  'A new webhook endpoint. Its signing secret is generated and shown once, in the answer.',
);
export type WebhookEndpointCreate = Static<typeof WebhookEndpointCreateSchema>;

export const WebhookEndpointPatchSchema = Strict(
  {
    url: Type.Optional(fields.url),
    method: Type.Optional(Nullable(fields.method)),
    // Merge patch: a header set to null is removed, to the mask keeps its value, the others are kept.
    headers: Type.Optional(Nullable(Type.Record(HeaderName, Nullable(Type.String({ maxLength: 1024 })), {
      maxProperties: 64,
      description: `Merged by name (any case): a header set to a value gets it, set to "${HEADER_VALUE_MASK}" keeps its stored value, set to null is removed; headers not named are kept. null: no headers.`,
    }))),
    event_types: Type.Optional(Nullable(fields.event_types)),
    phone_number_id: Type.Optional(fields.phone_number_id),
    filter: Type.Optional(fields.filter),
    enabled: Type.Optional(Nullable(fields.enabled)),
    description: Type.Optional(fields.description),
  },
  'Fields to change. Absent = unchanged, null = back to the default (headers merge: a header set to null is removed).',
);
export type WebhookEndpointPatch = Static<typeof WebhookEndpointPatchSchema>;

export const RotateSecretSchema = Strict({
  overlap_seconds: Type.Optional(Type.Integer({
    minimum: 0,
    maximum: MAX_OVERLAP_SECONDS,
    description: `How long the old secret keeps signing beside the new one (default ${DEFAULT_OVERLAP_SECONDS}: a day; 0: it stops now).`,
  })),
});

export const WebhookEndpointSchema = Type.Object({
  id: Id(),
  workspace_id: Id(),
  ...fields,
  version: Type.Integer(),
  created_at: Timestamp(),
  updated_at: Timestamp(),
});
export type WebhookEndpoint = Static<typeof WebhookEndpointSchema>;

/** The writable fields, with their defaults. */
export const webhookDefaults = () => ({
  method: 'POST' as WebhookEndpoint['method'],
  headers: {} as Record<string, string>,
  event_types: [] as string[],
  phone_number_id: null as string | null,
  filter: null as string | null,
  enabled: true,
  description: null as string | null,
});
