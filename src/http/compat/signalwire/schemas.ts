// The SignalWire Relay REST wire shapes, as TypeBox, following the vendor's OpenAPI
// (../../../../../shared/vendor-specs/signalwire-rest-openapi.yaml): UpdatePhoneNumberRequest,
// PhoneNumberResponse / PhoneNumber, PhoneNumberListResponse and Types.StatusCodes.*.
import { Type, type TSchema } from '@sinclair/typebox';
import { CALL_HANDLER_TYPES, CAPABILITIES, HANDLER_METHODS, MESSAGE_HANDLER_TYPES, RECEIVE_MODES } from '../../../core/phone-numbers/schema.ts';
import { Nullable, StringEnum } from '../../../core/shared/schema-kit.ts';

/** Handler kinds a response can show: the request's plus the targets the core keeps apart. */
export const WIRE_CALL_HANDLERS = [...CALL_HANDLER_TYPES, 'call_flow', 'ai_agent'] as const;

const Text = (description: string) => Type.Optional(Type.String({ description }));
const Method = (description: string) => Type.Optional(StringEnum(HANDLER_METHODS, description));

/**
 * PUT body. Every field is optional and a PUT changes only the fields it names (SignalWire
 * updates in place): absent = unchanged. An empty string clears a text field. Unknown fields
 * are refused (the spec closes the object with unevaluatedProperties: false).
 */
export const UpdatePhoneNumberBody = Type.Object(
  {
    name: Text('The friendly name (at most 64 characters); "" clears it.'),
    call_handler: Type.Optional(StringEnum(CALL_HANDLER_TYPES, 'Makes this handler answer inbound calls.')),
    call_receive_mode: Type.Optional(StringEnum(RECEIVE_MODES, 'voice or fax.')),
    call_request_url: Text('laml_webhooks: the URL requested when a call arrives.'),
    call_request_method: Method('Method for call_request_url.'),
    call_fallback_url: Text('laml_webhooks: requested when call_request_url fails.'),
    call_fallback_method: Method('Method for call_fallback_url.'),
    call_status_callback_url: Text('Receives call status changes.'),
    call_status_callback_method: Method('Method for call_status_callback_url.'),
    call_laml_application_id: Text('laml_application: the LaML application id.'),
    call_dialogflow_agent_id: Text('dialogflow: the Dialogflow agent id.'),
    call_relay_topic: Text('relay_topic: the Relay topic incoming calls go to.'),
    call_relay_topic_status_callback_url: Text('relay_topic: receives status changes.'),
    call_relay_script_url: Text('relay_script: the URL of the SWML script.'),
    call_relay_context: Text('Deprecated: relay_context handler\'s context.'),
    call_relay_context_status_callback_url: Text('Deprecated: relay_context status callback URL.'),
    call_relay_application: Text('relay_application: the Relay application.'),
    call_relay_connector_id: Text('relay_connector: the connector id.'),
    call_sip_endpoint_id: Text('relay_sip_endpoint: the SIP endpoint id (a UUID).'),
    call_verto_resource: Text('relay_verto_endpoint: the Verto resource.'),
    call_video_room_id: Text('video_room: the video room id (a UUID).'),
    message_handler: Type.Optional(StringEnum(MESSAGE_HANDLER_TYPES, 'Which handler receives inbound messages.')),
    message_request_url: Text('laml_webhooks: the URL requested when a message arrives.'),
    message_request_method: Method('Method for message_request_url.'),
    message_fallback_url: Text('laml_webhooks: requested when message_request_url fails.'),
    message_fallback_method: Method('Method for message_fallback_url.'),
    message_laml_application_id: Text('laml_application: the LaML application id.'),
    message_relay_topic: Text('relay_topic: the Relay topic messages go to.'),
    message_relay_context: Text('Deprecated: relay_context handler\'s context.'),
    message_relay_application: Text('relay_application: the Relay application (write-only: the vendor\'s answer has no such field).'),
  },
  { additionalProperties: false, description: 'Fields to change; absent = unchanged.' },
);
export type WireUpdate = typeof UpdatePhoneNumberBody.static;

const NullableText = () => Nullable(Type.String());
const NullableMethod = () => Nullable(StringEnum(HANDLER_METHODS));
const NullableUuid = () => Nullable(Type.String({ format: 'uuid' }));

/** PhoneNumberResponse (GET, PUT) and PhoneNumber (list items) have the same fields. */
export const WirePhoneNumber = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    number: Type.String({ description: 'E.164.' }),
    name: NullableText(),
    capabilities: Type.Array(StringEnum(CAPABILITIES)),
    number_type: StringEnum(['toll-free', 'longcode'] as const),
    e911_address_id: NullableUuid(),
    e911_status: Nullable(StringEnum(['pending', 'active', 'failed', 'pending_removal', 'unregistered'] as const)),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
    next_billed_at: Nullable(Type.String({ format: 'date-time' })),
    call_handler: Nullable(StringEnum(WIRE_CALL_HANDLERS)),
    calling_handler_resource_id: NullableUuid(),
    call_receive_mode: StringEnum(RECEIVE_MODES),
    call_request_url: NullableText(),
    call_request_method: NullableMethod(),
    call_fallback_url: NullableText(),
    call_fallback_method: NullableMethod(),
    call_status_callback_url: NullableText(),
    call_status_callback_method: NullableMethod(),
    call_laml_application_id: NullableText(),
    call_dialogflow_agent_id: NullableText(),
    call_relay_topic: NullableText(),
    call_relay_topic_status_callback_url: NullableText(),
    call_relay_script_url: NullableText(),
    call_relay_context: NullableText(),
    call_relay_context_status_callback_url: NullableText(),
    call_relay_application: NullableText(),
    call_relay_connector_id: NullableText(),
    call_sip_endpoint_id: NullableUuid(),
    call_verto_resource: NullableText(),
    call_video_room_id: NullableUuid(),
    message_handler: Nullable(StringEnum(MESSAGE_HANDLER_TYPES)),
    messaging_handler_resource_id: NullableUuid(),
    message_request_url: NullableText(),
    message_request_method: NullableMethod(),
    message_fallback_url: NullableText(),
    message_fallback_method: NullableMethod(),
    message_laml_application_id: NullableText(),
    message_relay_topic: NullableText(),
    message_relay_context: NullableText(),
    country_code: NullableText(),
  },
  { title: 'SignalWirePhoneNumber' },
);
export type WirePhoneNumber = typeof WirePhoneNumber.static;

export const ListQuery = Type.Object({
  filter_name: Type.Optional(Type.String({ maxLength: 128, description: 'Numbers whose name contains this (any case).' })),
  filter_number: Type.Optional(Type.String({ maxLength: 32, description: 'Numbers whose E.164 contains this.' })),
  page_number: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647, default: 0, description: 'The page number (0-indexed). With page_token it labels the links; without one, the page is read by offset (page_number × page_size items in).' })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50, description: 'Items per page (1-1000).' })),
  page_token: Type.Optional(Type.String({ maxLength: 128, description: 'From a next/prev link: the position to read on from (stable while numbers are added or released).' })),
});
export type WireListQuery = typeof ListQuery.static;

export const WirePhoneNumberList = Type.Object({
  links: Type.Object({
    self: Type.String(),
    first: Type.String(),
    next: Type.Optional(Type.String({ description: 'Only when there are more results.' })),
    prev: Type.Optional(Type.String({ description: 'Only when not on the first page.' })),
  }),
  data: Type.Array(WirePhoneNumber),
});

export const IdParams = Type.Object({ id: Type.String({ description: 'The number\'s id (a UUID).' }) });

/** Types.StatusCodes.StatusCode4xx/500: {"error": "<reason phrase>"}. */
export const SimpleError = Type.Object({ error: Type.String() }, { title: 'SignalWireError' });
/** Types.StatusCodes.ValidationError: one SpaceApiErrorItem per problem. */
export const ValidationErrorBody = Type.Object(
  {
    errors: Type.Array(
      Type.Object({
        detail: Type.String({ description: 'Names the field: "call_request_url is required when call_handler is …".' }),
        status: Type.String(),
        title: Type.String(),
        code: Type.String(),
      }),
    ),
  },
  { title: 'SignalWireValidationError' },
);

export const errorResponses = (...statuses: number[]): Record<number, TSchema> =>
  Object.fromEntries([401, 403, 500, ...statuses].map((s) => [s, s === 422 ? ValidationErrorBody : SimpleError]));
