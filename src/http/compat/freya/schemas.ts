// The Freya Voice wire shapes (seed pages: shared/seeds/freya-v2-*.txt), as TypeBox schemas.
// Requests reject unknown fields; every config field is optional, and null puts it back to its
// default (so a bulk update can unassign an agent). Responses list exactly the public fields.
import { Type, type TSchema } from '@sinclair/typebox';
import { MAX_BULK_ITEMS } from '../../../core/phone-numbers/bulk-update.ts';
import { SIP_TRANSPORTS } from '../../../core/phone-numbers/schema.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../core/shared/pagination.ts';
import { Id, Nullable, StringEnum } from '../../../core/shared/schema-kit.ts';

export const CONFIG_TYPES = ['agents', 'workflows'] as const;
export const ENTITY_TYPES = ['agent', 'workflow'] as const;

const Opt = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));
const Text = (max: number, description?: string) => Type.String({ maxLength: max, description });
const Strict = <T extends Parameters<typeof Type.Object>[0]>(properties: T, description?: string) =>
  Type.Object(properties, { additionalProperties: false, description });

const SipHeaderIn = Strict({
  key: Type.String({ minLength: 1, maxLength: 255, description: 'Header name: an RFC 7230 token.' }),
  value: Type.String({ maxLength: 1024, description: 'No CR or LF.' }),
});

/** `config` of a create or of a bulk-update item. */
export const ConfigIn = Strict({
  capabilities: Opt(Strict({
    voice: Opt(Text(64, 'Kept as sent; a non-empty value turns voice on, "" turns it off.')),
    sms: Opt(Type.Boolean()),
  })),
  voiceConfig: Opt(Text(8192, 'Opaque, kept as sent.')),
  messagingConfig: Opt(Text(8192, 'Opaque, kept as sent.')),
  emergencyCalls: Opt(Type.Boolean()),
  configType: Opt(StringEnum(CONFIG_TYPES, 'Which inbound target is in force: the agent or the workflow.')),
  inboundAgentId: Opt(Id()),
  outboundAgentId: Opt(Id()),
  inboundWorkflowId: Opt(Id()),
  outboundWorkflowId: Opt(Id()),
  originationUri: Opt(Type.String({ minLength: 1, maxLength: 2048, description: 'A SIP URI such as sip:trunk.example.com.' })),
  sipInbound: Opt(Strict({ enabled: Opt(Type.Boolean()) })),
  sipOutbound: Opt(Strict({
    enabled: Opt(Type.Boolean()),
    endpoint: Opt(Text(255, 'Host name or IP address of the SIP trunk.')),
    port: Opt(Type.Integer({ minimum: 1, maximum: 65535 })),
    username: Opt(Text(255)),
    password: Opt(Text(255, 'Write-only: never returned.')),
    fromDomain: Opt(Text(255)),
    transportProtocol: Opt(StringEnum(SIP_TRANSPORTS)),
    secureMedia: Opt(Type.Boolean()),
    headers: Opt(Type.Array(SipHeaderIn, { maxItems: 32, description: 'Replaces the whole list.' })),
  })),
}, 'Absent = unchanged, null = back to the default.');

export const CreateBody = Strict({
  number: Type.String({ minLength: 3, maxLength: 20, description: 'E.164, or any format with a leading + and country code.' }),
  workspaceId: Type.String({ format: 'uuid', description: 'Must be the API key\'s workspace.' }),
  userId: Type.String({ format: 'uuid', description: 'A user of that workspace: recorded as the creator.' }),
  friendlyName: Opt(Text(64)),
  config: Type.Optional(ConfigIn),
});

/** One item of a bulk update; checked item by item so one bad item does not fail the others. */
export const BulkItemIn = Strict({
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The number\'s id (preferred).' })),
  number: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'The number, when no id is given; with an id it must be that id\'s number.' })),
  friendlyName: Opt(Text(64)),
  config: Type.Optional(ConfigIn),
});

export const BulkBody = Strict({
  workspaceId: Type.String({ format: 'uuid', description: 'Must be the API key\'s workspace.' }),
  phoneNumbers: Type.Array(Type.Unknown({ description: 'An object as BulkItemIn: id and/or number, friendlyName, config.' }), {
    minItems: 1,
    maxItems: MAX_BULK_ITEMS,
    description: `At most ${MAX_BULK_ITEMS} items.`,
  }),
});

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'The number\'s id, or the number in E.164 (URL-encode the +).' }) });

export const ListQuery = Strict({
  workspaceId: Type.Optional(Type.String({ format: 'uuid', description: 'If given, must be the API key\'s workspace.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })),
  cursor: Type.Optional(Type.String({ maxLength: 128, description: 'pagination.nextCursor of the previous page.' })),
});

// ---- responses

const SipHeaderOut = Type.Object({ key: Type.String(), value: Type.String() });

const ConfigOut = Type.Object({
  capabilities: Type.Object({ voice: Type.String(), sms: Type.Boolean() }),
  voiceConfig: Nullable(Type.String()),
  messagingConfig: Nullable(Type.String()),
  emergencyCalls: Type.Boolean(),
  configType: Nullable(StringEnum(CONFIG_TYPES)),
  inboundAgentId: Nullable(Type.String()),
  outboundAgentId: Nullable(Type.String()),
  inboundWorkflowId: Nullable(Type.String()),
  outboundWorkflowId: Nullable(Type.String()),
  originationUri: Nullable(Type.String()),
  sipInbound: Type.Object({ enabled: Type.Boolean() }),
  sipOutbound: Type.Object(
    {
      enabled: Type.Boolean(),
      endpoint: Nullable(Type.String()),
      port: Nullable(Type.Integer()),
      username: Nullable(Type.String()),
      fromDomain: Nullable(Type.String()),
      transportProtocol: StringEnum(SIP_TRANSPORTS),
      secureMedia: Type.Boolean(),
      headers: Type.Array(SipHeaderOut),
    },
    { description: 'The password is write-only: it is never returned.' },
  ),
});

/** One shape everywhere: the union of the create page's and the bulk page's phone number. */
export const PhoneNumberOut = Type.Object({
  id: Type.String(),
  number: Type.String(),
  workspaceId: Type.String(),
  userId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  friendlyName: Nullable(Type.String()),
  config: ConfigOut,
  inboundAgentName: Nullable(Type.String()),
  outboundAgentName: Nullable(Type.String()),
  inboundWorkflowName: Nullable(Type.String()),
  outboundWorkflowName: Nullable(Type.String()),
  inboundAgentEntityType: Nullable(StringEnum(ENTITY_TYPES, 'What answers inbound calls: the agent or the workflow; null when neither.')),
  outboundAgentEntityType: Nullable(StringEnum(ENTITY_TYPES, 'What places outbound calls: the agent or the workflow; null when neither.')),
  inboundAgentWorkflowId: Nullable(Type.String()),
  outboundAgentWorkflowId: Nullable(Type.String()),
});

const Envelope = <T extends TSchema>(result: T, success: TSchema = Type.Literal(true)) =>
  Type.Object({ success, data: Type.Object({ message: Type.String(), result }) });

export const OneResponse = Envelope(Type.Object({ phoneNumber: PhoneNumberOut }));
export const ListResponse = Envelope(
  Type.Object({
    phoneNumbers: Type.Array(PhoneNumberOut),
    pagination: Type.Object({
      limit: Type.Integer(),
      nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` for the next page; null on the last page.' })),
      hasMore: Type.Boolean(),
    }),
  }),
);

const Detail = Type.Object({ field: Type.String(), message: Type.String() });

export const BulkResponse = Envelope(
  Type.Object({
    updated: Type.Array(PhoneNumberOut),
    errors: Type.Array(
      Type.Object({
        id: Type.String({ description: 'The id the item named; its number if it named none; "phoneNumbers[i]" if neither.' }),
        error: Type.String(),
        details: Type.Array(Detail),
      }),
    ),
  }),
  Type.Boolean({ description: 'False only when no item was updated.' }),
);

export const ErrorResponse = Type.Object(
  {
    success: Type.Literal(false),
    error: Type.Object({
      code: Type.String({ description: 'invalid_request, unauthorized, forbidden, not_found, conflict, payload_too_large, validation_failed …' }),
      message: Type.String(),
      details: Type.Array(Detail, { description: 'Field-level problems, in Freya field names; may be empty.' }),
    }),
  },
  { title: 'FreyaError' },
);

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries([400, 401, 403, 429, ...statuses].map((s) => [s, ErrorResponse]));
