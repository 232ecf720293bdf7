// The Vocode face's fixed vocabulary, from the vendor's OpenAPI (shared/vendor-specs/vocode-openapi.json).
import { createHash } from 'node:crypto';

/** The OpenAPI tag of every route of this face (the same text as COMPAT_FACES.vocode.tag). */
export const TAG = 'Vocode compatible';

/** RFC 9562's Nil UUID: what this face shows where Vocode needs an id of something that does not exist. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export const LANGUAGES = ['en', 'es', 'de', 'hi', 'pt', 'fr', 'nl', 'id', 'it', 'ja', 'ko'] as const;
export const EVENT_TYPES = [
  'event_message',
  'event_action',
  'event_phone_call_connected',
  'event_phone_call_ended',
  'event_phone_call_did_not_connect',
  'event_transcript',
  'event_recording',
  'event_human_detection',
] as const;
export const WEBHOOK_METHODS = ['GET', 'POST'] as const;
export const VOICE_TYPES = ['voice_azure', 'voice_rime', 'voice_eleven_labs', 'voice_play_ht'] as const;
export const ACTION_TYPES = [
  'action_transfer_call',
  'action_end_conversation',
  'action_dtmf',
  'action_add_to_conference',
  'action_set_hold',
  'action_external',
] as const;
export const TRIGGER_TYPES = ['action_trigger_function_call', 'action_trigger_phrase_based'] as const;
export const TELEPHONY_PROVIDERS = ['vonage', 'twilio'] as const;

/** Each voice type's own fields (api_key aside: Switchboard does not keep provider keys). */
export const VOICE_FIELDS: Record<(typeof VOICE_TYPES)[number], { required: string; optional: string[] }> = {
  voice_azure: { required: 'voice_name', optional: ['pitch', 'rate'] },
  voice_rime: { required: 'speaker', optional: ['speed_alpha', 'model_id'] },
  voice_eleven_labs: { required: 'voice_id', optional: ['stability', 'similarity_boost', 'optimize_streaming_latency', 'model_id', 'experimental_input_streaming'] },
  voice_play_ht: {
    required: 'voice_id',
    optional: ['api_user_id', 'version', 'speed', 'quality', 'temperature', 'top_p', 'text_guidance', 'voice_guidance', 'experimental_remove_silence'],
  },
};

/**
 * Vocode agent fields that live in the core agent's `settings`, under the same names, with the
 * JSON type each must have to be shown (a value of another type, set natively, is not shown).
 */
export const SETTINGS_FIELDS = {
  interrupt_sensitivity: 'string',
  context_endpoint: 'string',
  noise_suppression: 'boolean',
  endpointing_sensitivity: 'string',
  ivr_navigation_mode: 'string',
  conversation_speed: 'number',
  initial_message_delay: 'number',
  openai_model_name_override: 'string',
  ask_if_human_present_on_idle: 'boolean',
  run_do_not_call_detection: 'boolean',
  llm_temperature: 'number',
} as const;
export const SETTINGS_ENUMS: Partial<Record<keyof typeof SETTINGS_FIELDS, readonly string[]>> = {
  interrupt_sensitivity: ['low', 'high'],
  endpointing_sensitivity: ['auto', 'relaxed', 'sensitive'],
  ivr_navigation_mode: ['default', 'off'],
};
/** The prompt's extra fields, kept in the agent's settings under these keys. */
export const PROMPT_SETTINGS = { collect_fields: 'prompt_collect_fields', context_endpoint: 'prompt_context_endpoint' } as const;

/**
 * A stable id for a part of an agent that Vocode shows as an object of its own (prompt, voice,
 * webhook) but the core keeps inside the agent: a name-based UUID (version 5) of the agent's id.
 */
export function partId(agentId: string, part: string): string {
  const hash = createHash('sha1').update(`${agentId}/${part}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
