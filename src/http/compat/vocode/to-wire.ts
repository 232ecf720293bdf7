// Core → Vocode. A Vocode number always shows a full inbound agent, and a Vocode agent always
// a prompt and a voice with ids of their own; where the core has no such thing the face shows
// a stand-in with the Nil UUID as its id (see README of this face in index.ts).
// Values the Vocode vocabulary cannot express (a language it lacks, an action type it does not
// know, a PUT webhook) are left out of the Vocode view; they stay stored and show natively.
import type { Static } from '@sinclair/typebox';
import type { Agent, AgentView } from '../../../core/agents/schema.ts';
import type { PhoneNumber } from '../../../core/phone-numbers/schema.ts';
import { isUuid } from '../../../core/ids.ts';
import { vocodeSubscriptions } from '../../../core/webhooks/agent-webhook.ts';
import {
  ACTION_TYPES,
  LANGUAGES,
  NIL_UUID,
  PROMPT_SETTINGS,
  SETTINGS_ENUMS,
  SETTINGS_FIELDS,
  TELEPHONY_PROVIDERS,
  TRIGGER_TYPES,
  VOICE_FIELDS,
  VOICE_TYPES,
  WEBHOOK_METHODS,
  partId,
} from './constants.ts';
import type { NormalizedPhoneNumber, PhoneNumber as WirePhoneNumber } from './schemas.ts';

type Json = Record<string, unknown>;
const has = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What each voice field must be to be shown (Vocode's types). */
const VOICE_FIELD_TYPES: Record<string, (v: unknown) => boolean> = {
  pitch: Number.isInteger,
  rate: Number.isInteger,
  optimize_streaming_latency: Number.isInteger,
  model_id: (v) => typeof v === 'string',
  api_user_id: (v) => typeof v === 'string',
  version: (v) => v === '1' || v === '2',
  quality: (v) => has(['faster', 'draft', 'low', 'medium', 'high', 'premium'], v),
  experimental_input_streaming: (v) => typeof v === 'boolean',
  experimental_remove_silence: (v) => typeof v === 'boolean',
};
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** The voice, or the Nil-id stand-in when the agent has none Vocode can show. */
export function voiceToWire(agentId: string, userId: string, voice: Agent['voice']): Json {
  if (!voice || !has(VOICE_TYPES, voice.type)) return { id: NIL_UUID, user_id: userId, type: 'voice_azure', voice_name: '' };
  const fields = VOICE_FIELDS[voice.type];
  const raw = voice as Json;
  const out: Json = { id: partId(agentId, 'voice'), user_id: userId, type: voice.type, [fields.required]: typeof raw[fields.required] === 'string' ? raw[fields.required] : '' };
  for (const field of fields.optional) {
    const value = raw[field];
    const ok = VOICE_FIELD_TYPES[field] ?? isNumber;
    if (value !== undefined && value !== null && ok(value)) out[field] = value;
  }
  if (voice.type === 'voice_rime' && out.model_id !== undefined && !has(['mist', 'v1'], out.model_id)) delete out.model_id;
  return out;
}

const CONFIG_FIELDS: Record<(typeof ACTION_TYPES)[number], { required: [string, string][]; optional: [string, string][] }> = {
  action_transfer_call: { required: [['phone_number', 'string']], optional: [] },
  action_end_conversation: { required: [], optional: [] },
  action_dtmf: { required: [], optional: [] },
  action_set_hold: { required: [], optional: [] },
  action_add_to_conference: { required: [['phone_number', 'string']], optional: [['place_primary_on_hold', 'boolean']] },
  action_external: {
    required: [['name', 'string'], ['description', 'string'], ['url', 'string'], ['input_schema', 'object'], ['speak_on_send', 'boolean'], ['speak_on_receive', 'boolean']],
    optional: [['processing_mode', 'string']],
  },
};
const ofType = (value: unknown, type: string) => (type === 'object' ? isObject(value) : typeof value === type);

/** An action's config with exactly its type's fields; undefined when a required one is missing. */
export function actionConfig(type: (typeof ACTION_TYPES)[number], config: Json): Json | undefined {
  const spec = CONFIG_FIELDS[type];
  const out: Json = {};
  for (const [field, t] of spec.required) {
    if (!ofType(config[field], t)) return undefined;
    out[field] = config[field];
  }
  for (const [field, t] of spec.optional) if (ofType(config[field], t)) out[field] = config[field];
  if (type === 'action_external' && out.processing_mode !== undefined && out.processing_mode !== 'muted') delete out.processing_mode;
  return out;
}

/** A trigger as Vocode shows it; undefined if it is not one Vocode knows. */
export function triggerToWire(trigger: unknown): Json | undefined {
  if (!isObject(trigger) || !has(TRIGGER_TYPES, trigger.type)) return undefined;
  if (trigger.type === 'action_trigger_function_call') return { type: trigger.type, config: {} };
  const phrases = isObject(trigger.config) && Array.isArray(trigger.config.phrase_triggers) ? trigger.config.phrase_triggers : undefined;
  const valid = phrases?.every((p) => isObject(p) && typeof p.phrase === 'string' && Array.isArray(p.conditions) && p.conditions.every((c) => c === 'phrase_condition_type_contains'));
  return valid ? { type: trigger.type, config: { phrase_triggers: phrases!.map((p) => ({ phrase: (p as Json).phrase, conditions: (p as Json).conditions })) } } : undefined;
}

function actionsToWire(userId: string, actions: Agent['actions']): Json[] {
  const out: Json[] = [];
  for (const action of actions) {
    if (!has(ACTION_TYPES, action.type)) continue;
    const config = actionConfig(action.type, action.config ?? {});
    if (!config) continue;
    const trigger = triggerToWire(action.trigger);
    out.push({ id: action.id, user_id: userId, type: action.type, config, ...(trigger ? { action_trigger: trigger } : {}) });
  }
  return out;
}

function promptToWire(agent: AgentView, userId: string): Json {
  const prompt: Json = { id: partId(agent.id, 'prompt'), user_id: userId, content: agent.prompt ?? '' };
  const fields = agent.settings[PROMPT_SETTINGS.collect_fields];
  if (Array.isArray(fields) && fields.every((f) => isObject(f) && f.field_type === 'field_type_email' && typeof f.label === 'string' && typeof f.name === 'string')) {
    prompt.collect_fields = fields;
  }
  const endpoint = agent.settings[PROMPT_SETTINGS.context_endpoint];
  if (typeof endpoint === 'string') prompt.context_endpoint = endpoint;
  return prompt;
}

/**
 * The agent as Vocode shows it. Its webhook is a webhook endpoint of the core: `webhookId` is
 * that endpoint's id (the same subscription natively); a name-based id only where none exists
 * (an agent saved before agent webhooks were endpoints, until its webhook is next written).
 */
export function agentToWire(agent: AgentView, fallbackUserId: string, webhookId?: string | null): Json {
  const userId = agent.user_id ?? fallbackUserId;
  const out: Json = {
    id: agent.id,
    user_id: userId,
    name: agent.name,
    prompt: promptToWire(agent, userId),
    actions: actionsToWire(userId, agent.actions),
    voice: voiceToWire(agent.id, userId, agent.voice),
  };
  const language = agent.language.split('-')[0]!.toLowerCase();
  if (has(LANGUAGES, language)) out.language = language;
  if (agent.initial_message !== null) out.initial_message = agent.initial_message;
  if (agent.webhook) {
    out.webhook = {
      id: webhookId ?? partId(agent.id, 'webhook'),
      user_id: userId,
      // Vocode names; catalogue types written natively show by their Vocode name where they have one.
      subscriptions: vocodeSubscriptions(agent.webhook.subscriptions ?? []),
      url: agent.webhook.url,
      ...(has(WEBHOOK_METHODS, agent.webhook.method) ? { method: agent.webhook.method } : {}),
    };
  }
  for (const [field, type] of Object.entries(SETTINGS_FIELDS)) {
    const value = agent.settings[field];
    const allowed = SETTINGS_ENUMS[field as keyof typeof SETTINGS_FIELDS];
    if (typeof value === type && (type !== 'number' || Number.isFinite(value)) && (!allowed || allowed.includes(value as string))) out[field] = value;
  }
  return out;
}

/** Where no agent answers the number (none set, or a workflow or handler in force). */
export function noAgent(userId: string): Json {
  return {
    id: NIL_UUID,
    user_id: userId,
    name: 'No inbound agent',
    prompt: { id: NIL_UUID, user_id: userId, content: '' },
    actions: [],
    voice: voiceToWire(NIL_UUID, userId, null),
  };
}

/**
 * An agent the key may not read (it lacks agents:read): the id the number holds, with the
 * stand-ins' empty name, prompt, actions and voice.
 */
export function unreadableAgent(agentId: string, userId: string): Json {
  return { ...noAgent(userId), id: agentId, name: '' };
}

/** The agent id that answers the number, if an agent does. */
export const answeringAgentId = (n: PhoneNumber): string | null => (n.inbound_target === 'agent' ? n.inbound_agent_id : null);

function numberFields(n: PhoneNumber, userId: string): Json {
  const provider = n.telephony.provider?.toLowerCase();
  return {
    id: n.id,
    user_id: userId,
    // A cancelled (released) number no longer works.
    active: n.active && n.released_at === null,
    label: n.friendly_name ?? '',
    outbound_only: n.outbound_only,
    example_context: n.example_context,
    number: n.number,
    ...(has(TELEPHONY_PROVIDERS, provider) ? { telephony_provider: provider } : {}),
  };
}

/**
 * PhoneNumber: with the full inbound agent (`agent`: null when no agent answers, or when the key
 * may not read it: then the agent's id with stand-ins). telephony_account_connection is never
 * shown here: Vocode's expanded connection carries the auth token, which Switchboard never answers.
 */
export function numberToWire(n: PhoneNumber, agent: AgentView | null, fallbackUserId: string, webhookId?: string | null): Static<typeof WirePhoneNumber> {
  const userId = n.created_by_user_id ?? fallbackUserId;
  const agentId = answeringAgentId(n);
  const inbound = agent ? agentToWire(agent, fallbackUserId, webhookId) : agentId ? unreadableAgent(agentId, userId) : noAgent(userId);
  return { ...numberFields(n, userId), inbound_agent: inbound } as Static<typeof WirePhoneNumber>;
}

/** NormalizedPhoneNumber (lists): the agent and the account connection by id. */
export function normalizedToWire(n: PhoneNumber, fallbackUserId: string): Static<typeof NormalizedPhoneNumber> {
  const userId = n.created_by_user_id ?? fallbackUserId;
  const connection = n.telephony.account_sid;
  return {
    ...numberFields(n, userId),
    inbound_agent: answeringAgentId(n) ?? NIL_UUID,
    ...(connection && isUuid(connection) ? { telephony_account_connection: connection.toLowerCase() } : {}),
  } as Static<typeof NormalizedPhoneNumber>;
}
