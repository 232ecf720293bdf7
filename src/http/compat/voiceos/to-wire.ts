// Core phone number + its webhook subscriptions → the VoiceOS phone number.
import type { Static } from '@sinclair/typebox';
import type { PhoneNumber } from '../../../core/phone-numbers/schema.ts';
import type { WebhookEndpoint } from '../../../core/webhooks/schema.ts';
import { AUTH_TOKEN_MASK, VOICEOS_PREFIX } from './constants.ts';
import type { PhoneNumberOut } from './schemas.ts';

export type VoiceosPhoneNumber = Static<typeof PhoneNumberOut>;

/** ISO 8601 UTC in whole seconds, as the seed shows (2023-11-07T05:31:56Z). */
export const toSeconds = (iso: string): string => new Date(iso).toISOString().replace(/\.\d+Z$/, 'Z');

export function toWire(number: PhoneNumber, webhooks: WebhookEndpoint[]): VoiceosPhoneNumber {
  return {
    uri: `${VOICEOS_PREFIX}/${number.number}`,
    // VoiceOS names only an agent target: when a workflow or a handler answers, no agent does.
    inbound_agent_id: number.inbound_target === 'agent' ? number.inbound_agent_id : null,
    phone_number: number.number,
    account_id: number.workspace_id,
    created_at: toSeconds(number.created_at),
    updated_at: toSeconds(number.updated_at),
    telephony: {
      provider: number.telephony.provider,
      phone_number_sid: number.telephony.phone_number_sid,
      account_sid: number.telephony.account_sid,
      auth_token: number.telephony.auth_token_set ? AUTH_TOKEN_MASK : null,
    },
    webhooks: webhooks
      .filter((w) => w.phone_number_id === number.id)
      .map((w) => ({ events: w.event_types, url: w.url, method: w.method, headers: w.headers, filter: w.filter })),
    id: number.id,
  };
}
