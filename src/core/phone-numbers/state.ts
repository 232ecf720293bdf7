// Defaults, the writable view of a stored number, and the public view of it.
import type { PhoneNumber, StoredPhoneNumber } from './schema.ts';

/** Every writable field at its default: what "null = cleared" returns a field to. */
export function writableDefaults() {
  return {
    friendly_name: null as string | null,
    capabilities: { voice: true, sms: false, mms: false, fax: false },
    voice_capability_label: null as string | null,
    active: true,
    outbound_only: false,
    emergency_calling: { enabled: false, address_id: null as string | null },
    voice_config: null as string | null,
    messaging_config: null as string | null,
    inbound_target: null as PhoneNumber['inbound_target'],
    inbound_agent_id: null as string | null,
    inbound_workflow_id: null as string | null,
    outbound_agent_id: null as string | null,
    outbound_workflow_id: null as string | null,
    call_handler: {
      type: null,
      receive_mode: 'voice',
      request_url: null,
      request_method: null,
      fallback_url: null,
      fallback_method: null,
      status_callback_url: null,
      status_callback_method: null,
      laml_application_id: null,
      dialogflow_agent_id: null,
      relay_topic: null,
      relay_topic_status_callback_url: null,
      relay_script_url: null,
      relay_context: null,
      relay_context_status_callback_url: null,
      relay_application: null,
      relay_connector_id: null,
      sip_endpoint_id: null,
      verto_resource: null,
      video_room_id: null,
    } as PhoneNumber['call_handler'],
    message_handler: {
      type: null,
      request_url: null,
      request_method: null,
      fallback_url: null,
      fallback_method: null,
      laml_application_id: null,
      relay_topic: null,
      relay_context: null,
      relay_application: null,
    } as PhoneNumber['message_handler'],
    sip_inbound: { enabled: false, origination_uri: null as string | null },
    sip_outbound: {
      enabled: false,
      endpoint: null,
      port: null,
      username: null,
      from_domain: null,
      transport: 'UDP',
      secure_media: false,
      headers: [],
      password_sealed: null,
    } as StoredPhoneNumber['sip_outbound'],
    telephony: { provider: null, phone_number_sid: null, account_sid: null, auth_token_sealed: null } as StoredPhoneNumber['telephony'],
    example_context: {} as Record<string, string>,
    labels: {} as Record<string, string>,
    metadata: {} as Record<string, unknown>,
  };
}
export type WritableState = ReturnType<typeof writableDefaults>;

export const WRITABLE_FIELDS = Object.keys(writableDefaults()) as (keyof WritableState)[];

/** Fills every missing field (or nested field) with its default. */
export function withDefaults(partial: Record<string, unknown>): WritableState {
  const defaults = writableDefaults() as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = partial[key];
    if (value === undefined || value === null) out[key] = fallback;
    else if (isNestedDefault(fallback)) out[key] = { ...(fallback as object), ...stripUndefined(value as object) };
    else out[key] = value;
  }
  return out as WritableState;
}

const isNestedDefault = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0;

function stripUndefined(obj: object): object {
  // A nested null means "back to this field's default", as at the top level.
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== null));
}

export function pickWritable(stored: StoredPhoneNumber): WritableState {
  const out: Record<string, unknown> = {};
  for (const key of WRITABLE_FIELDS) out[key] = stored[key as keyof StoredPhoneNumber];
  return out as WritableState;
}

/** The public view: sealed secrets become "is it set". */
export function toPublic(stored: StoredPhoneNumber): PhoneNumber {
  const { password_sealed, ...sipOutbound } = stored.sip_outbound;
  const { auth_token_sealed, ...telephony } = stored.telephony;
  return {
    ...stored,
    sip_outbound: { ...sipOutbound, password_set: password_sealed !== null },
    telephony: { ...telephony, auth_token_set: auth_token_sealed !== null },
  };
}
