// Applies a merge patch to a number's writable state and checks the rules that the
// schema alone cannot express. Pure: references to agents/workflows are checked by the service.
import { sameJson } from '../shared/same-json.ts';
import type { FieldIssue } from '../errors.ts';
import { mergePatch } from '../shared/merge-patch.ts';
import type { SecretBox } from '../ports.ts';
import type { PhoneNumberPatch } from './schema.ts';
import { pickWritable, withDefaults, WRITABLE_FIELDS, type WritableState } from './state.ts';

/** Per handler type, the field it cannot work without (SignalWire's rules). */
export const CALL_HANDLER_REQUIRES: Record<string, keyof WritableState['call_handler']> = {
  laml_webhooks: 'request_url',
  laml_application: 'laml_application_id',
  dialogflow: 'dialogflow_agent_id',
  relay_topic: 'relay_topic',
  relay_script: 'relay_script_url',
  relay_context: 'relay_context',
  relay_application: 'relay_application',
  relay_connector: 'relay_connector_id',
  relay_sip_endpoint: 'sip_endpoint_id',
  relay_verto_endpoint: 'verto_resource',
  video_room: 'video_room_id',
};
export const MESSAGE_HANDLER_REQUIRES: Record<string, keyof WritableState['message_handler']> = {
  laml_webhooks: 'request_url',
  laml_application: 'laml_application_id',
  relay_topic: 'relay_topic',
  relay_context: 'relay_context',
  relay_application: 'relay_application',
};

const HTTP_URL_FIELDS = {
  call_handler: ['request_url', 'fallback_url', 'status_callback_url', 'relay_topic_status_callback_url', 'relay_script_url', 'relay_context_status_callback_url'],
  message_handler: ['request_url', 'fallback_url'],
} as const;

// RFC 7230 token: the characters a header name may use.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const LABEL_KEY = /^[A-Za-z0-9]([A-Za-z0-9._/-]{0,62})$/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const HOST = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?)$/;
const MAX_METADATA_BYTES = 16 * 1024;

export interface AppliedPatch {
  state: WritableState;
  changed: string[];
  issues: FieldIssue[];
}

export function applyPatch(current: WritableState | undefined, patch: PhoneNumberPatch, secrets: SecretBox): AppliedPatch {
  const before = current ?? withDefaults({});
  const { sip_outbound, telephony } = patch;
  const password = sip_outbound && 'password' in sip_outbound ? sip_outbound.password : undefined;
  const authToken = telephony && 'auth_token' in telephony ? telephony.auth_token : undefined;
  const plain = stripSecrets(patch);

  const state = withDefaults(mergePatch(before, plain) as Record<string, unknown>);
  // Fields the patch does not name stay the very values read (already complete, as every stored
  // number went through withDefaults): comparing and storing an unchanged field is then `===`.
  for (const key of WRITABLE_FIELDS) if (!(key in plain) && before[key] !== undefined) (state as Record<string, unknown>)[key] = before[key];
  // Secrets: absent keeps the stored one, null or "" clears it, a string replaces it.
  if (password !== undefined) state.sip_outbound.password_sealed = password ? secrets.encrypt(password) : null;
  if (authToken !== undefined) state.telephony.auth_token_sealed = authToken ? secrets.encrypt(authToken) : null;

  state.inbound_target = resolveInboundTarget(before, state, patch);
  const issues = checkRules(state);
  return { state, changed: changedFields(before, state), issues };
}

function stripSecrets(patch: PhoneNumberPatch): PhoneNumberPatch {
  const out: Record<string, unknown> = { ...patch };
  if (patch.sip_outbound) {
    const { password: _p, ...rest } = patch.sip_outbound;
    out.sip_outbound = rest;
  }
  if (patch.telephony) {
    const { auth_token: _t, ...rest } = patch.telephony;
    out.telephony = rest;
  }
  return out as PhoneNumberPatch;
}

/**
 * One inbound target is in force at a time. An explicit inbound_target wins; otherwise the kind
 * this patch sets becomes the target, and clearing the kind in force leaves no target. What is
 * stored for the other kinds stays stored, so switching back loses nothing.
 */
function resolveInboundTarget(before: WritableState, after: WritableState, patch: PhoneNumberPatch): WritableState['inbound_target'] {
  if ('inbound_target' in patch && patch.inbound_target !== undefined) return patch.inbound_target ?? null;
  const setNow: NonNullable<WritableState['inbound_target']>[] = [];
  if (patch.inbound_agent_id) setNow.push('agent');
  if (patch.inbound_workflow_id) setNow.push('workflow');
  if (patch.call_handler?.type) setNow.push('handler');
  let target = before.inbound_target;
  if (setNow.length > 0 && !(target && setNow.includes(target))) target = setNow[0]!;
  if (target === 'agent' && !after.inbound_agent_id) return null;
  if (target === 'workflow' && !after.inbound_workflow_id) return null;
  if (target === 'handler' && !after.call_handler.type) return null;
  return target;
}

function checkRules(s: WritableState): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });

  if (s.inbound_target === 'agent' && !s.inbound_agent_id) add('inbound_agent_id', 'is required when inbound_target is "agent"');
  if (s.inbound_target === 'workflow' && !s.inbound_workflow_id) add('inbound_workflow_id', 'is required when inbound_target is "workflow"');
  if (s.inbound_target === 'handler' && !s.call_handler.type) add('call_handler.type', 'is required when inbound_target is "handler"');

  const callNeeds = s.call_handler.type ? CALL_HANDLER_REQUIRES[s.call_handler.type] : undefined;
  if (callNeeds && !s.call_handler[callNeeds]) add(`call_handler.${callNeeds}`, `is required when call_handler.type is "${s.call_handler.type}"`);
  const messageNeeds = s.message_handler.type ? MESSAGE_HANDLER_REQUIRES[s.message_handler.type] : undefined;
  if (messageNeeds && !s.message_handler[messageNeeds]) add(`message_handler.${messageNeeds}`, `is required when message_handler.type is "${s.message_handler.type}"`);

  for (const [group, fields] of Object.entries(HTTP_URL_FIELDS)) {
    const handler = s[group as keyof typeof HTTP_URL_FIELDS] as Record<string, unknown>;
    for (const field of fields) {
      const value = handler[field];
      if (typeof value === 'string' && !isHttpUrl(value)) add(`${group}.${field}`, 'must be an absolute http or https URL');
    }
  }

  const origination = s.sip_inbound.origination_uri;
  if (origination !== null && (CONTROL.test(origination) || /\s/.test(origination) || !/^sips?:/i.test(origination))) {
    add('sip_inbound.origination_uri', 'must be a SIP URI such as sip:trunk.example.com');
  }

  const out = s.sip_outbound;
  if (out.endpoint !== null && !HOST.test(out.endpoint.replace(/:\d+$/, ''))) add('sip_outbound.endpoint', 'must be a host name or IP address');
  if (out.enabled && !out.endpoint) add('sip_outbound.endpoint', 'is required when sip_outbound.enabled is true');
  for (const [key, value] of [['username', out.username], ['from_domain', out.from_domain]] as const) {
    if (value !== null && CONTROL.test(value)) add(`sip_outbound.${key}`, 'must not contain control characters');
  }
  const names = new Set<string>();
  out.headers.forEach((header, i) => {
    if (!TOKEN.test(header.name)) add(`sip_outbound.headers[${i}].name`, 'must be an RFC 7230 token (letters, digits and !#$%&\'*+-.^_`|~)');
    if (CONTROL.test(header.value.replace(/\t/g, ''))) add(`sip_outbound.headers[${i}].value`, 'must not contain CR, LF or other control characters');
    const lower = header.name.toLowerCase();
    if (names.has(lower)) add(`sip_outbound.headers[${i}].name`, 'is given twice');
    names.add(lower);
  });

  for (const key of Object.keys(s.labels)) if (!LABEL_KEY.test(key)) add(`labels.${key}`, 'label keys are 1-63 letters, digits, ".", "_", "/" or "-", starting with a letter or digit');
  if (Buffer.byteLength(JSON.stringify(s.metadata)) > MAX_METADATA_BYTES) add('metadata', `must be at most ${MAX_METADATA_BYTES} bytes of JSON`);
  if (s.friendly_name !== null && CONTROL.test(s.friendly_name)) add('friendly_name', 'must not contain control characters');
  return issues;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}

function changedFields(before: WritableState, after: WritableState): string[] {
  return (Object.keys(after) as (keyof WritableState)[]).filter((key) => !sameJson(before[key], after[key]));
}

export { pickWritable };
