// The VoiceOS wire shapes (seed: shared/seeds/voiceos-patch-phone-number.txt), as TypeBox
// schemas for validation, serialization and the OpenAPI document. Errors are FastAPI's.
import { Type } from '@sinclair/typebox';
import { HEADER_VALUE_MASK } from '../../../core/webhooks/headers.ts';
import { WEBHOOK_METHODS } from '../../../core/webhooks/schema.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../core/shared/pagination.ts';
import { Id, Nullable, Strict, StringEnum, Timestamp, Url } from '../../../core/shared/schema-kit.ts';
import { AUTH_TOKEN_MASK } from './constants.ts';

const Events = Type.Array(Type.String({ minLength: 1, maxLength: 128 }), {
  maxItems: 64,
  description: 'Event types this subscription receives, such as phone_call:connection_requested.',
});
const Headers = Type.Record(Type.String({ minLength: 1, maxLength: 255 }), Type.String({ maxLength: 1024 }), {
  maxProperties: 32,
  description: `Extra request headers sent with each delivery (RFC 7230 names, values without CR/LF). Values are write-only: reads show "${HEADER_VALUE_MASK}" for each; sending "${HEADER_VALUE_MASK}" back keeps the value stored for that header of this number's subscription to the same URL.`,
});

export const WebhookIn = Strict({
  events: Type.Optional(Events),
  url: Url('http or https URL the events are sent to.'),
  method: Type.Optional(StringEnum(WEBHOOK_METHODS, 'HTTP method of the delivery; POST when absent.')),
  headers: Type.Optional(Headers),
  filter: Type.Optional(Nullable(Type.String({ maxLength: 4096, description: 'An expression over the event payload; kept as sent.' }))),
});

export const TelephonyIn = Strict(
  {
    provider: Type.Optional(Nullable(Type.String({ maxLength: 32, description: 'The carrier, such as twilio.' }))),
    phone_number_sid: Type.Optional(Nullable(Type.String({ maxLength: 128 }))),
    account_sid: Type.Optional(Nullable(Type.String({ maxLength: 128 }))),
    auth_token: Type.Optional(Nullable(Type.String({ maxLength: 255, description: `Write-only. null clears it; "${AUTH_TOKEN_MASK}" (what reads show) leaves it unchanged.` }))),
  },
  'The carrier link. Absent fields are unchanged, null clears one.',
);

export const UpdateBody = Strict(
  {
    inbound_agent_id: Type.Optional(Nullable(Id('An agent of your workspace: it answers inbound calls. null: no agent.'))),
    webhooks: Type.Optional(
      Nullable(Type.Array(WebhookIn, { maxItems: 32, description: 'Replaces the number\'s webhook subscriptions. Absent: unchanged; [] or null: none.' })),
    ),
    telephony: Type.Optional(Nullable(TelephonyIn)),
  },
  'Fields to change; absent fields are unchanged.',
);

export const PhoneNumberParams = Type.Object({
  phone_number: Type.String({ minLength: 1, maxLength: 64, description: 'The number with its country code, E.164: +14155551234 (or %2B14155551234, or 14155551234).' }),
});

export const ListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: `Page size, at most ${MAX_PAGE_SIZE}.` })),
  cursor: Type.Optional(Type.String({ maxLength: 128, description: 'The previous page\'s next_cursor.' })),
});

export const WebhookOut = Type.Object({
  events: Type.Array(Type.String()),
  url: Type.String(),
  method: StringEnum(WEBHOOK_METHODS),
  headers: Type.Record(Type.String(), Type.String(), { description: `Each header's name with the value "${HEADER_VALUE_MASK}": values are never shown.` }),
  filter: Nullable(Type.String()),
});

export const PhoneNumberOut = Type.Object(
  {
    uri: Type.String({ description: 'The resource path: /phone_numbers/{phone_number}.' }),
    inbound_agent_id: Nullable(Type.String({ description: 'The agent answering inbound calls; null when none (or when another kind of target answers).' })),
    phone_number: Type.String({ description: 'E.164.' }),
    account_id: Type.String({ description: 'Your workspace id.' }),
    created_at: Timestamp('ISO 8601 UTC, whole seconds.'),
    updated_at: Timestamp('ISO 8601 UTC, whole seconds.'),
    telephony: Type.Object({
      provider: Nullable(Type.String()),
      phone_number_sid: Nullable(Type.String()),
      account_sid: Nullable(Type.String()),
      auth_token: Nullable(Type.String({ description: `"${AUTH_TOKEN_MASK}" when a token is stored, null when not; never the token.` })),
    }),
    webhooks: Type.Array(WebhookOut),
    id: Type.String(),
  },
  { title: 'VoiceOSPhoneNumber' },
);

export const PhoneNumberPage = Type.Object({
  data: Type.Array(PhoneNumberOut),
  next_cursor: Nullable(Type.String({ description: 'Pass as cursor for the next page; null on the last page.' })),
  has_more: Type.Boolean(),
});

/** FastAPI's HTTPException body. */
export const HttpErrorOut = Type.Object({ detail: Type.String() }, { title: 'VoiceOSHTTPError' });

/** FastAPI's request-validation body (422). */
export const ValidationErrorOut = Type.Object(
  {
    detail: Type.Array(
      Type.Object({
        loc: Type.Array(Type.Union([Type.String(), Type.Integer()])),
        msg: Type.String(),
        type: Type.String(),
      }),
    ),
  },
  { title: 'VoiceOSHTTPValidationError' },
);

export const errorResponses = (...statuses: number[]) => ({
  ...Object.fromEntries([401, 403, ...statuses].map((s) => [s, HttpErrorOut])),
  422: ValidationErrorOut,
});
