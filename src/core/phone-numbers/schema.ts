// The phone number's native shape: what can be written (input) and what is read (public).
// Every field a vendor face can set has a home here (see ../../../../shared/field-map.md);
// field names are the native API's, snake_case.
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, Strict, StringEnum, Timestamp, Url } from '../shared/schema-kit.ts';

export const CALL_HANDLER_TYPES = [
  'laml_webhooks',
  'laml_application',
  'dialogflow',
  'relay_topic',
  'relay_script',
  'relay_context',
  'relay_application',
  'relay_connector',
  'relay_sip_endpoint',
  'relay_verto_endpoint',
  'video_room',
] as const;
export const MESSAGE_HANDLER_TYPES = ['laml_webhooks', 'laml_application', 'relay_topic', 'relay_context', 'relay_application'] as const;
export const INBOUND_TARGETS = ['agent', 'workflow', 'handler'] as const;
export const RECEIVE_MODES = ['voice', 'fax'] as const;
export const HANDLER_METHODS = ['GET', 'POST'] as const;
export const SIP_TRANSPORTS = ['UDP', 'TCP', 'TLS'] as const;
export const CAPABILITIES = ['voice', 'sms', 'mms', 'fax'] as const;

const Enum = StringEnum;

const Method = (description: string) => Nullable(Enum(HANDLER_METHODS, description));
const Text = (max: number, description?: string) => Type.String({ maxLength: max, description });
const OptionalNullable = <T extends import('@sinclair/typebox').TSchema>(schema: T) => Type.Optional(Nullable(schema));
/** A string map in a merge patch: a null value removes that key (RFC 7396). */
const PatchStringMap = (maxKeys: number, maxValue: number, description: string) =>
  Type.Record(Type.String({ maxLength: 128 }), Nullable(Type.String({ maxLength: maxValue })), { maxProperties: maxKeys, description });

const callHandlerFields = {
  type: Nullable(Enum(CALL_HANDLER_TYPES, 'Which handler answers inbound calls when inbound_target is "handler".')),
  receive_mode: Enum(RECEIVE_MODES, 'Receive inbound calls as voice or fax.'),
  request_url: Nullable(Url('laml_webhooks: the URL requested when a call arrives.')),
  request_method: Method('Method for request_url.'),
  fallback_url: Nullable(Url('laml_webhooks: requested when request_url fails.')),
  fallback_method: Method('Method for fallback_url.'),
  status_callback_url: Nullable(Url('Receives call status changes.')),
  status_callback_method: Method('Method for status_callback_url.'),
  laml_application_id: Nullable(Text(128, 'laml_application: the application id.')),
  dialogflow_agent_id: Nullable(Text(128, 'dialogflow: the Dialogflow agent id.')),
  relay_topic: Nullable(Text(256, 'relay_topic: the topic incoming calls go to.')),
  relay_topic_status_callback_url: Nullable(Url('relay_topic: receives status changes.')),
  relay_script_url: Nullable(Url('relay_script: the URL of the script.')),
  relay_context: Nullable(Text(256, 'relay_context (deprecated by the vendor): the context.')),
  relay_context_status_callback_url: Nullable(Url('relay_context (deprecated): receives status changes.')),
  relay_application: Nullable(Text(256, 'relay_application: the application name.')),
  relay_connector_id: Nullable(Text(128, 'relay_connector: the connector id.')),
  sip_endpoint_id: Nullable(Text(128, 'relay_sip_endpoint: the SIP endpoint id.')),
  verto_resource: Nullable(Text(256, 'relay_verto_endpoint: the Verto resource.')),
  video_room_id: Nullable(Text(128, 'video_room: the video room id.')),
};

const messageHandlerFields = {
  type: Nullable(Enum(MESSAGE_HANDLER_TYPES, 'Which handler receives inbound messages.')),
  request_url: Nullable(Url('laml_webhooks: the URL requested when a message arrives.')),
  request_method: Method('Method for request_url.'),
  fallback_url: Nullable(Url('laml_webhooks: requested when request_url fails.')),
  fallback_method: Method('Method for fallback_url.'),
  laml_application_id: Nullable(Text(128, 'laml_application: the application id.')),
  relay_topic: Nullable(Text(256, 'relay_topic: the topic messages go to.')),
  relay_context: Nullable(Text(256, 'relay_context (deprecated by the vendor).')),
  relay_application: Nullable(Text(256, 'relay_application: the application name.')),
};

const SipHeader = Strict({
  name: Type.String({ minLength: 1, maxLength: 255, description: 'An RFC 7230 token.' }),
  value: Type.String({ maxLength: 1024, description: 'No CR or LF.' }),
});

const sipOutboundFields = {
  enabled: Type.Boolean(),
  endpoint: Nullable(Text(255, 'Host name or IP address of the SIP trunk.')),
  port: Nullable(Type.Integer({ minimum: 1, maximum: 65535 })),
  username: Nullable(Text(255)),
  from_domain: Nullable(Text(255)),
  transport: Enum(SIP_TRANSPORTS),
  secure_media: Type.Boolean({ description: 'SRTP.' }),
  headers: Type.Array(SipHeader, { maxItems: 32, description: 'Custom SIP headers added to outbound calls.' }),
};

const telephonyFields = {
  provider: Nullable(Text(32, 'The carrier the number lives at, such as twilio or vonage.')),
  phone_number_sid: Nullable(Text(128)),
  account_sid: Nullable(Text(128)),
};

const capabilityFields = {
  voice: Type.Boolean(),
  sms: Type.Boolean(),
  mms: Type.Boolean(),
  fax: Type.Boolean(),
};

const partial = <T extends Record<string, import('@sinclair/typebox').TSchema>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v.anyOf ? v : Nullable(v))])) as {
    [K in keyof T]: import('@sinclair/typebox').TOptional<import('@sinclair/typebox').TUnion<[T[K], import('@sinclair/typebox').TNull]>>;
  };

/**
 * What a client may write. Absent = unchanged, null = back to the default (JSON merge patch).
 * The same schema serves create (with `number`) and update.
 */
export const PhoneNumberPatchSchema = Strict(
  {
    friendly_name: OptionalNullable(Text(64, 'A human name for the number, at most 64 characters.')),
    capabilities: OptionalNullable(Strict(partial(capabilityFields))),
    voice_capability_label: OptionalNullable(Text(64, 'Free-form voice capability label some clients send; kept as sent.')),
    active: OptionalNullable(Type.Boolean()),
    outbound_only: OptionalNullable(Type.Boolean()),
    emergency_calling: OptionalNullable(
      Strict({ enabled: OptionalNullable(Type.Boolean()), address_id: OptionalNullable(Text(128, 'The registered emergency address.')) }),
    ),
    voice_config: OptionalNullable(Text(8192, 'Opaque voice configuration, kept as sent.')),
    messaging_config: OptionalNullable(Text(8192, 'Opaque messaging configuration, kept as sent.')),
    inbound_target: OptionalNullable(Enum(INBOUND_TARGETS, 'Which kind of inbound target is in force.')),
    inbound_agent_id: OptionalNullable(Id()),
    inbound_workflow_id: OptionalNullable(Id()),
    outbound_agent_id: OptionalNullable(Id()),
    outbound_workflow_id: OptionalNullable(Id()),
    call_handler: OptionalNullable(Strict(partial(callHandlerFields))),
    message_handler: OptionalNullable(Strict(partial(messageHandlerFields))),
    sip_inbound: OptionalNullable(Strict({ enabled: OptionalNullable(Type.Boolean()), origination_uri: OptionalNullable(Url()) })),
    sip_outbound: OptionalNullable(
      Strict({ ...partial(sipOutboundFields), password: OptionalNullable(Text(255, 'Write-only.')) }),
    ),
    telephony: OptionalNullable(Strict({ ...partial(telephonyFields), auth_token: OptionalNullable(Text(255, 'Write-only.')) })),
    example_context: OptionalNullable(PatchStringMap(64, 4096, 'Free-form context for the agent (string values).')),
    labels: OptionalNullable(PatchStringMap(64, 256, 'Labels to filter and group numbers by.')),
    metadata: OptionalNullable(Type.Record(Type.String({ maxLength: 128 }), Type.Unknown(), { maxProperties: 64 })),
  },
  'Phone number fields to write. Absent = unchanged, null = cleared.',
);
export type PhoneNumberPatch = Static<typeof PhoneNumberPatchSchema>;

export const PhoneNumberCreateSchema = Type.Composite([
  Type.Object({
    number: Type.String({ minLength: 3, maxLength: 32, description: 'E.164, or any format libphonenumber understands with a leading +.' }),
    created_by_user_id: Type.Optional(Id('Defaults to the API key\'s user.')),
  }),
  PhoneNumberPatchSchema,
], { additionalProperties: false });
export type PhoneNumberCreate = Static<typeof PhoneNumberCreateSchema>;

/** What every read shows. Secrets appear only as "is it set". */
export const PhoneNumberSchema = Type.Object(
  {
    id: Id(),
    workspace_id: Id(),
    number: Type.String({ description: 'Canonical E.164.' }),
    friendly_name: Nullable(Type.String()),
    country_code: Nullable(Type.String({ description: 'ISO 3166-1 alpha-2, derived from the number.' })),
    number_type: Type.String({ description: 'Derived from the number: toll_free, mobile, fixed_line, fixed_line_or_mobile, voip, … or unknown.' }),
    capabilities: Type.Object(capabilityFields),
    voice_capability_label: Nullable(Type.String()),
    active: Type.Boolean(),
    outbound_only: Type.Boolean(),
    emergency_calling: Type.Object({ enabled: Type.Boolean(), address_id: Nullable(Type.String()) }),
    created_by_user_id: Nullable(Id()),
    voice_config: Nullable(Type.String()),
    messaging_config: Nullable(Type.String()),
    inbound_target: Nullable(Enum(INBOUND_TARGETS)),
    inbound_agent_id: Nullable(Id()),
    inbound_workflow_id: Nullable(Id()),
    outbound_agent_id: Nullable(Id()),
    outbound_workflow_id: Nullable(Id()),
    call_handler: Type.Object(callHandlerFields),
    message_handler: Type.Object(messageHandlerFields),
    sip_inbound: Type.Object({ enabled: Type.Boolean(), origination_uri: Nullable(Type.String()) }),
    sip_outbound: Type.Object({ ...sipOutboundFields, password_set: Type.Boolean() }),
    telephony: Type.Object({ ...telephonyFields, auth_token_set: Type.Boolean() }),
    example_context: Type.Record(Type.String(), Type.String()),
    labels: Type.Record(Type.String(), Type.String()),
    metadata: Type.Record(Type.String(), Type.Unknown()),
    version: Type.Integer({ description: 'Increases by one on every change; also the ETag.' }),
    created_at: Timestamp(),
    updated_at: Timestamp(),
    released_at: Nullable(Timestamp()),
  },
);
export type PhoneNumber = Static<typeof PhoneNumberSchema>;

/** Stored form: the public one with sealed secrets instead of "is it set". */
export type StoredPhoneNumber = Omit<PhoneNumber, 'sip_outbound' | 'telephony'> & {
  sip_outbound: Omit<PhoneNumber['sip_outbound'], 'password_set'> & { password_sealed: string | null };
  telephony: Omit<PhoneNumber['telephony'], 'auth_token_set'> & { auth_token_sealed: string | null };
};
