// Vocode → core. Issues are reported with their Vocode location ("body.inbound_agent.voice.voice_id"),
// which errors.ts turns into FastAPI's loc arrays.
import type { Static } from '@sinclair/typebox';
import { AgentPatchSchema, type AgentPatch, type AgentView } from '../../../core/agents/schema.ts';
import type { FieldIssue } from '../../../core/errors.ts';
import { PhoneNumberPatchSchema, type PhoneNumber, type PhoneNumberPatch } from '../../../core/phone-numbers/schema.ts';
import { checkSchema } from '../../../core/shared/check-schema.ts';
import { PROMPT_SETTINGS, SETTINGS_FIELDS, VOICE_FIELDS } from './constants.ts';
import type { AgentUpdateParams, LinkPhoneNumberRequest, NotSet, UpdateNumberRequest } from './schemas.ts';
import { actionConfig, triggerToWire } from './to-wire.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** pydantic's Undefined (`{}`) and absence both mean "not set". */
export const given = <T>(value: T | undefined): Exclude<T, NotSet> | undefined =>
  value === undefined || (isObject(value) && Object.keys(value).length === 0) ? undefined : (value as Exclude<T, NotSet>);

const AGENT = 'body.inbound_agent';
const unsupported = (field: string, what: string): FieldIssue => ({ field: `${AGENT}.${field}`, message: `${what} is not supported by Switchboard` });
const byReference = (field: string, noun: string): FieldIssue => ({
  field: `${AGENT}.${field}`,
  message: `Switchboard keeps no saved ${noun}s: send the ${noun}'s fields inline instead of an id`,
});

type AgentParams = Static<typeof AgentUpdateParams>;

/** Does the object set any agent field at all? `{}` and objects of unknown fields do not. */
export function setsAnything(params: AgentParams): boolean {
  return Object.entries(params).some(([key, value]) => key in AgentFieldsProbe && value !== undefined);
}
const AgentFieldsProbe: Record<string, true> = Object.fromEntries(
  ['name', 'prompt', 'language', 'actions', 'voice', 'initial_message', 'webhook', 'vector_database', 'openai_account_connection', ...Object.keys(SETTINGS_FIELDS)].map((k) => [k, true]),
);

/**
 * AgentUpdateParams → a core agent patch, merged onto `current` the way Vocode updates an agent:
 * absent fields stay, a voice of the same type is updated field by field (another type replaces it),
 * the actions list is replaced, the webhook is updated field by field.
 */
export function agentPatchFromWire(params: AgentParams, current: AgentView | null): { patch: AgentPatch; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const patch: AgentPatch = {};
  const settings: Json = {};

  const name = given(params.name);
  if (name !== undefined) patch.name = name;
  const language = given(params.language);
  if (language !== undefined) patch.language = language;
  const initial = given(params.initial_message);
  if (initial !== undefined) patch.initial_message = initial;

  const prompt = given(params.prompt);
  if (typeof prompt === 'string') issues.push(byReference('prompt', 'prompt'));
  else if (prompt) {
    const content = given(prompt.content);
    if (content !== undefined) patch.prompt = content;
    const fields = given(prompt.collect_fields);
    if (fields !== undefined) settings[PROMPT_SETTINGS.collect_fields] = fields.map((f) => ({ field_type: f.field_type, label: f.label, name: f.name, ...(f.description !== undefined ? { description: f.description } : {}) }));
    const endpoint = given(prompt.context_endpoint);
    if (endpoint !== undefined) settings[PROMPT_SETTINGS.context_endpoint] = endpoint;
    if (given(prompt.prompt_template) !== undefined) issues.push(unsupported('prompt.prompt_template', 'a prompt template'));
  }

  const actions = given(params.actions);
  if (actions !== undefined) {
    patch.actions = [];
    actions.forEach((action, i) => {
      if (typeof action === 'string') return issues.push(byReference(`actions[${i}]`, 'action'));
      const config = actionConfig(action.type, given(action.config) ?? {});
      if (!config) issues.push({ field: `${AGENT}.actions[${i}].config`, message: `is missing or incomplete for ${action.type}` });
      const rawTrigger = given(action.action_trigger);
      const trigger = rawTrigger === undefined ? undefined : triggerToWire(rawTrigger);
      if (rawTrigger !== undefined && !trigger) issues.push({ field: `${AGENT}.actions[${i}].action_trigger.config`, message: 'phrase-based triggers need config.phrase_triggers: [{"phrase", "conditions": ["phrase_condition_type_contains"]}]' });
      patch.actions!.push({ type: action.type, config: config ?? {}, ...(trigger ? { trigger } : {}) });
    });
  }

  const voice = given(params.voice);
  if (typeof voice === 'string') issues.push(byReference('voice', 'voice'));
  else if (voice) {
    if (given(voice.api_key as Json | undefined) !== undefined) issues.push(unsupported('voice.api_key', 'a provider API key'));
    const fields = VOICE_FIELDS[voice.type];
    const base: Json = current?.voice?.type === voice.type ? { ...current.voice } : { type: voice.type };
    for (const field of [fields.required, ...fields.optional]) {
      const value = given((voice as Json)[field]);
      if (value !== undefined) base[field] = value;
    }
    if (voice.type === 'voice_rime' && base.model_id !== undefined && base.model_id !== 'mist' && base.model_id !== 'v1') {
      issues.push({ field: `${AGENT}.voice.model_id`, message: "must be one of mist, v1 for voice_rime" });
    }
    if (typeof base[fields.required] !== 'string') issues.push({ field: `${AGENT}.voice.${fields.required}`, message: `is required for ${voice.type}` });
    patch.voice = base as AgentPatch['voice'];
  }

  const webhook = given(params.webhook);
  if (typeof webhook === 'string') issues.push(byReference('webhook', 'webhook'));
  else if (webhook) {
    const next: Json = {};
    for (const field of ['url', 'method', 'subscriptions'] as const) {
      const value = given(webhook[field] as unknown);
      if (value !== undefined) next[field] = value;
    }
    if (!current?.webhook && next.url === undefined) issues.push({ field: `${AGENT}.webhook.url`, message: 'is required for a new webhook' });
    patch.webhook = { ...current?.webhook, ...next } as AgentPatch['webhook'];
  }

  if (given(params.vector_database as Json | undefined) !== undefined) issues.push(unsupported('vector_database', 'a vector database'));
  if (given(params.openai_account_connection as Json | undefined) !== undefined) issues.push(unsupported('openai_account_connection', 'an OpenAI account connection'));

  for (const field of Object.keys(SETTINGS_FIELDS)) {
    const value = given((params as Json)[field]);
    if (value !== undefined) settings[field] = value;
  }
  if (Object.keys(settings).length) patch.settings = settings;

  if (!issues.length) issues.push(...checkSchema(AgentPatchSchema, patch).map(agentIssue));
  return { patch, issues };
}

/** A core agent issue ("voice.pitch", "settings.x", "prompt") at its Vocode place. */
export function agentIssue(issue: FieldIssue): FieldIssue {
  let field = issue.field;
  if (field === 'prompt') field = 'prompt.content';
  else if (field.startsWith(`settings.${PROMPT_SETTINGS.collect_fields}`)) field = field.replace(`settings.${PROMPT_SETTINGS.collect_fields}`, 'prompt.collect_fields');
  else if (field.startsWith(`settings.${PROMPT_SETTINGS.context_endpoint}`)) field = 'prompt.context_endpoint';
  else if (field.startsWith('settings.')) field = field.slice('settings.'.length);
  field = field.replace(/^(actions\[\d+\])\.trigger/, '$1.action_trigger');
  return { field: `${AGENT}.${field}`, message: issue.message };
}

const NUMBER_FIELDS: Record<string, string> = {
  friendly_name: 'body.label',
  outbound_only: 'body.outbound_only',
  example_context: 'body.example_context',
  inbound_agent_id: 'body.inbound_agent',
  inbound_target: 'body.inbound_agent',
  number: 'body.phone_number',
  telephony: 'body.telephony_account_connection',
};

/** A core number issue at its Vocode place. */
export function numberIssue(issue: FieldIssue): FieldIssue {
  const [head, ...rest] = issue.field.split('.');
  const place = NUMBER_FIELDS[head!.replace(/\[\d+\]$/, '')];
  if (!place) return { field: `body.${issue.field}`, message: issue.message };
  const tail = head === 'example_context' && rest.length ? `.${rest.join('.')}` : '';
  return { field: place + tail, message: issue.message };
}

/**
 * The number's own fields of an update. example_context replaces the whole map in Vocode, so the
 * merge patch removes (null) the keys the current map has and the new one lacks.
 */
export function numberPatchFromWire(body: Static<typeof UpdateNumberRequest>, current: PhoneNumber): { patch: PhoneNumberPatch; issues: FieldIssue[] } {
  const patch: PhoneNumberPatch = {};
  const label = given(body.label);
  if (label !== undefined) patch.friendly_name = label === '' ? null : label;
  const outboundOnly = given(body.outbound_only);
  if (outboundOnly !== undefined) patch.outbound_only = outboundOnly;
  // `{}` here is an empty map (pydantic tries the dict before Undefined): it clears the context.
  if (body.example_context !== undefined) {
    const next = body.example_context as Record<string, string>;
    const diff: Record<string, string | null> = { ...next };
    for (const key of Object.keys(current.example_context)) if (!(key in next)) diff[key] = null;
    if (Object.keys(diff).length) patch.example_context = diff;
  }
  return { patch, issues: checkSchema(PhoneNumberPatchSchema, patch).map(numberIssue) };
}

/** The telephony link of /v1/numbers/link: a Vocode account connection id, or (extension) Twilio credentials. */
export function linkTelephony(connection: Static<typeof LinkPhoneNumberRequest>['telephony_account_connection']): NonNullable<PhoneNumberPatch['telephony']> {
  if (typeof connection === 'string') return { provider: 'twilio', account_sid: connection.toLowerCase() };
  return { provider: 'twilio', account_sid: connection.credentials.twilio_account_sid, auth_token: connection.credentials.twilio_auth_token };
}
