// The VoiceOS request → core calls: the path's number, the merge patch, the webhook list.
import type { Static } from '@sinclair/typebox';
import { NotFoundError } from '../../../core/errors.ts';
import { parseNumberRef } from '../../../core/phone-numbers/e164.ts';
import type { PhoneNumberPatch } from '../../../core/phone-numbers/schema.ts';
import type { WebhookEndpointInput } from '../../../core/webhooks/schema.ts';
import { AUTH_TOKEN_MASK } from './constants.ts';
import type { UpdateBody } from './schemas.ts';

/**
 * The path's phone number as E.164. "+14155551234" arrives as sent (a raw "+" in a path is a
 * plus) and "%2B14155551234" decoded to the same; "14155551234" (no plus) is read as if it had
 * one. Anything that is not a phone number is simply not found: the path key is the number.
 */
export function pathNumber(raw: string): string {
  const parsed = parseNumberRef(raw);
  if (!parsed) throw new NotFoundError('phone number', raw);
  return parsed.e164;
}

export interface CoreUpdate {
  patch: PhoneNumberPatch;
  /** undefined: the subscriptions are unchanged. */
  webhooks: WebhookEndpointInput[] | undefined;
}

export function fromWire(body: Static<typeof UpdateBody>): CoreUpdate {
  const patch: PhoneNumberPatch = {};
  if (body.inbound_agent_id !== undefined) patch.inbound_agent_id = body.inbound_agent_id;
  if (body.telephony === null) patch.telephony = null;
  else if (body.telephony) {
    const { auth_token, ...rest } = body.telephony;
    patch.telephony = auth_token === AUTH_TOKEN_MASK ? rest : body.telephony;
  }
  const webhooks = body.webhooks === undefined
    ? undefined
    : (body.webhooks ?? []).map((w): WebhookEndpointInput => ({
        url: w.url,
        method: w.method ?? 'POST',
        headers: w.headers ?? {},
        event_types: w.events ?? [],
        filter: w.filter ?? null,
      }));
  return { patch, webhooks };
}
