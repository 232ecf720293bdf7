// Wire schemas of the Vocode face, after the vendor's OpenAPI. Requests follow pydantic's
// habits: unknown fields are ignored (not refused), and `{}` ("Undefined") means "not set".
// Limits are the core's, so that what passes here is a valid core write.
import { Type, type TSchema } from '@sinclair/typebox';
import { StringEnum } from '../../../core/shared/schema-kit.ts';
import { ACTION_TYPES, EVENT_TYPES, LANGUAGES, TELEPHONY_PROVIDERS, TRIGGER_TYPES, VOICE_TYPES, WEBHOOK_METHODS } from './constants.ts';

const Uuid = (description?: string) => Type.String({ format: 'uuid', description });
const NoControl = '^[^\\u0000-\\u001f\\u007f]*$';

declare const notSet: unique symbol;
/** The static type of pydantic's "not set" marker (a `{}` at run time), so that code can exclude it. */
export interface NotSet {
  readonly [notSet]: true;
}
/** pydantic's "not set" marker: an empty object, the same as leaving the field out. */
export const Undefined = Type.Unsafe<NotSet>({ type: 'object', properties: {}, additionalProperties: false, title: 'Undefined' });
const Settable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Undefined]));
const Loose = (description?: string) => Type.Object({}, { additionalProperties: true, description });

// ---------------------------------------------------------------- requests

const PromptUpdateParams = Type.Object({
  content: Settable(Type.String({ maxLength: 32768 })),
  collect_fields: Settable(Type.Array(Type.Object({ field_type: StringEnum(['field_type_email'] as const), label: Type.String({ maxLength: 256 }), name: Type.String({ maxLength: 128 }), description: Type.Optional(Type.String({ maxLength: 1024 })) }), { maxItems: 32 })),
  context_endpoint: Settable(Type.String({ maxLength: 2048 })),
  prompt_template: Type.Optional(Type.Unknown({ description: 'Not supported: Switchboard keeps no prompt templates.' })),
});

const Str = Type.String({ maxLength: 256 });
const VoiceUpdateParams = Type.Object({
  type: StringEnum(VOICE_TYPES),
  voice_name: Settable(Str),
  pitch: Settable(Type.Integer({ minimum: -100, maximum: 100 })),
  rate: Settable(Type.Integer({ minimum: 0, maximum: 1000 })),
  speaker: Settable(Str),
  speed_alpha: Settable(Type.Number()),
  model_id: Settable(Str),
  voice_id: Settable(Str),
  stability: Settable(Type.Number()),
  similarity_boost: Settable(Type.Number()),
  optimize_streaming_latency: Settable(Type.Integer()),
  experimental_input_streaming: Settable(Type.Boolean()),
  api_user_id: Settable(Str),
  api_key: Type.Optional(Type.Unknown({ description: 'Not supported: Switchboard does not keep provider API keys.' })),
  version: Settable(StringEnum(['1', '2'] as const)),
  speed: Settable(Type.Number()),
  quality: Settable(StringEnum(['faster', 'draft', 'low', 'medium', 'high', 'premium'] as const)),
  temperature: Settable(Type.Number()),
  top_p: Settable(Type.Number()),
  text_guidance: Settable(Type.Number()),
  voice_guidance: Settable(Type.Number()),
  experimental_remove_silence: Settable(Type.Boolean()),
});

export const TriggerParams = Type.Object({ type: StringEnum(TRIGGER_TYPES), config: Type.Optional(Type.Record(Type.String({ maxLength: 128 }), Type.Unknown())) });

const ActionUpdateParams = Type.Object({
  type: StringEnum(ACTION_TYPES),
  config: Settable(Type.Record(Type.String({ maxLength: 128 }), Type.Unknown(), { maxProperties: 32 })),
  action_trigger: Settable(TriggerParams),
});

const WebhookUpdateParams = Type.Object({
  subscriptions: Settable(Type.Array(StringEnum(EVENT_TYPES), { maxItems: 64 })),
  url: Settable(Type.String({ minLength: 1, maxLength: 2048 })),
  method: Settable(StringEnum(WEBHOOK_METHODS)),
});

export const AgentUpdateParams = Type.Object(
  {
    name: Settable(Type.String({ minLength: 1, maxLength: 128 })),
    prompt: Type.Optional(Type.Union([Uuid(), PromptUpdateParams, Undefined])),
    language: Settable(StringEnum(LANGUAGES)),
    actions: Settable(Type.Array(Type.Union([Uuid(), ActionUpdateParams]), { maxItems: 32 })),
    voice: Type.Optional(Type.Union([Uuid(), VoiceUpdateParams, Undefined])),
    initial_message: Settable(Type.String({ maxLength: 4096 })),
    webhook: Type.Optional(Type.Union([Uuid(), WebhookUpdateParams, Undefined])),
    vector_database: Type.Optional(Type.Unknown({ description: 'Not supported: Switchboard keeps no vector databases.' })),
    openai_account_connection: Type.Optional(Type.Unknown({ description: 'Not supported: Switchboard does not keep OpenAI credentials.' })),
    interrupt_sensitivity: Settable(StringEnum(['low', 'high'] as const)),
    context_endpoint: Settable(Type.String({ maxLength: 2048 })),
    noise_suppression: Settable(Type.Boolean()),
    endpointing_sensitivity: Settable(StringEnum(['auto', 'relaxed', 'sensitive'] as const)),
    ivr_navigation_mode: Settable(StringEnum(['default', 'off'] as const)),
    conversation_speed: Settable(Type.Number()),
    initial_message_delay: Settable(Type.Number()),
    openai_model_name_override: Settable(Type.String({ maxLength: 128 })),
    ask_if_human_present_on_idle: Settable(Type.Boolean()),
    run_do_not_call_detection: Settable(Type.Boolean()),
    llm_temperature: Settable(Type.Number()),
  },
  { title: 'AgentUpdateParams' },
);

export const UpdateNumberRequest = Type.Object(
  {
    outbound_only: Settable(Type.Boolean()),
    example_context: Settable(Type.Record(Type.String({ maxLength: 128 }), Type.String({ maxLength: 4096 }), { maxProperties: 64, description: 'Replaces the whole map.' })),
    label: Settable(Type.String({ maxLength: 64, pattern: NoControl, description: 'The number\'s name (friendly_name); "" clears it.' })),
    inbound_agent: Type.Optional(Type.Union([Uuid('An agent of the workspace.'), AgentUpdateParams, Undefined], {
      description: 'An agent id, or agent fields: these update the number\'s inbound agent, or create one if it has none.',
    })),
  },
  { title: 'UpdateNumberRequest' },
);

const TwilioConnectionParams = Type.Object(
  {
    type: StringEnum(['account_connection_twilio'] as const),
    credentials: Type.Object({
      twilio_account_sid: Type.String({ minLength: 1, maxLength: 128 }),
      twilio_auth_token: Type.String({ minLength: 1, maxLength: 255, description: 'Write-only: kept encrypted, never shown.' }),
    }),
  },
  { description: 'Switchboard extension: the Twilio credentials inline, instead of a Vocode account connection id.' },
);

export const LinkPhoneNumberRequest = Type.Object(
  {
    phone_number: Type.String({ minLength: 3, maxLength: 32 }),
    telephony_account_connection: Type.Union([Uuid('A Vocode account connection id, kept as the provider account reference.'), TwilioConnectionParams]),
    outbound_only: Type.Optional(Type.Boolean()),
  },
  { title: 'LinkPhoneNumberRequest' },
);

export const NumberQuery = Type.Object({ phone_number: Type.String({ minLength: 1, maxLength: 64, description: 'The number in E.164 (URL-encode the +), or its id.' }) });

export const SORT_COLUMNS = ['id', 'created_at', 'number', 'label', 'updated_at'] as const;
export const ListQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  sort_column: Type.Optional(StringEnum(SORT_COLUMNS, 'id and created_at: creation order (the default).')),
  sort_desc: Type.Optional(Type.Boolean({ default: false })),
});

// ---------------------------------------------------------------- responses

const Id = Uuid();
const Prompt = Type.Object({
  id: Id,
  user_id: Id,
  content: Type.String(),
  collect_fields: Type.Optional(Type.Array(Type.Object({ field_type: Type.String(), label: Type.String(), name: Type.String(), description: Type.Optional(Type.String()) }))),
  context_endpoint: Type.Optional(Type.String()),
});

const Voice = Type.Object({
  id: Id,
  user_id: Id,
  type: StringEnum(VOICE_TYPES),
  voice_name: Type.Optional(Type.String()),
  pitch: Type.Optional(Type.Integer()),
  rate: Type.Optional(Type.Integer()),
  speaker: Type.Optional(Type.String()),
  speed_alpha: Type.Optional(Type.Number()),
  model_id: Type.Optional(Type.String()),
  voice_id: Type.Optional(Type.String()),
  stability: Type.Optional(Type.Number()),
  similarity_boost: Type.Optional(Type.Number()),
  optimize_streaming_latency: Type.Optional(Type.Integer()),
  experimental_input_streaming: Type.Optional(Type.Boolean()),
  api_user_id: Type.Optional(Type.String()),
  version: Type.Optional(Type.String()),
  speed: Type.Optional(Type.Number()),
  quality: Type.Optional(Type.String()),
  temperature: Type.Optional(Type.Number()),
  top_p: Type.Optional(Type.Number()),
  text_guidance: Type.Optional(Type.Number()),
  voice_guidance: Type.Optional(Type.Number()),
  experimental_remove_silence: Type.Optional(Type.Boolean()),
}, { description: 'One of AzureVoice, RimeVoice, ElevenLabsVoice, PlayHtVoice (by type).' });

const Action = Type.Object({
  id: Id,
  user_id: Id,
  type: StringEnum(ACTION_TYPES),
  config: Loose('The config of this action type.'),
  action_trigger: Type.Optional(Type.Object({ type: StringEnum(TRIGGER_TYPES), config: Loose() })),
});

const Webhook = Type.Object({ id: Id, user_id: Id, subscriptions: Type.Array(StringEnum(EVENT_TYPES)), url: Type.String(), method: Type.Optional(StringEnum(WEBHOOK_METHODS)) });

export const Agent = Type.Object(
  {
    id: Id,
    user_id: Id,
    name: Type.String(),
    prompt: Prompt,
    language: Type.Optional(StringEnum(LANGUAGES)),
    actions: Type.Array(Action),
    voice: Voice,
    initial_message: Type.Optional(Type.String()),
    webhook: Type.Optional(Webhook),
    interrupt_sensitivity: Type.Optional(Type.String()),
    context_endpoint: Type.Optional(Type.String()),
    noise_suppression: Type.Optional(Type.Boolean()),
    endpointing_sensitivity: Type.Optional(Type.String()),
    ivr_navigation_mode: Type.Optional(Type.String()),
    conversation_speed: Type.Optional(Type.Number()),
    initial_message_delay: Type.Optional(Type.Number()),
    openai_model_name_override: Type.Optional(Type.String()),
    ask_if_human_present_on_idle: Type.Optional(Type.Boolean()),
    run_do_not_call_detection: Type.Optional(Type.Boolean()),
    llm_temperature: Type.Optional(Type.Number()),
  },
  { title: 'VocodeAgent' },
);

const numberFields = {
  id: Id,
  user_id: Id,
  active: Type.Boolean(),
  label: Type.String(),
  outbound_only: Type.Boolean(),
  example_context: Type.Record(Type.String(), Type.String()),
  number: Type.String(),
  telephony_provider: Type.Optional(StringEnum(TELEPHONY_PROVIDERS)),
};

export const PhoneNumber = Type.Object(
  { ...numberFields, inbound_agent: Agent },
  { title: 'VocodePhoneNumber', description: 'inbound_agent is the Nil UUID agent when no agent answers the number.' },
);

export const NormalizedPhoneNumber = Type.Object(
  { ...numberFields, inbound_agent: Uuid('The inbound agent\'s id; the Nil UUID when no agent answers the number.'), telephony_account_connection: Type.Optional(Uuid()) },
  { title: 'VocodeNormalizedPhoneNumber' },
);

export const PhoneNumberPage = Type.Object(
  { items: Type.Array(NormalizedPhoneNumber), page: Type.Integer(), size: Type.Integer(), has_more: Type.Boolean(), total: Type.Integer(), total_is_estimated: Type.Boolean() },
  { title: 'VocodePhoneNumberPage' },
);

export const HTTPValidationError = Type.Object(
  { detail: Type.Array(Type.Object({ loc: Type.Array(Type.Union([Type.String(), Type.Integer()])), msg: Type.String(), type: Type.String() })) },
  { title: 'VocodeHTTPValidationError' },
);
export const ErrorDetail = Type.Object({ detail: Type.String() }, { title: 'VocodeError' });

/** The error answers of an authenticated route. */
export const errorResponses = (...statuses: number[]) => ({
  422: HTTPValidationError,
  ...Object.fromEntries([401, 403, 429, ...statuses].map((s) => [s, ErrorDetail])),
});
