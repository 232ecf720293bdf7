// Freya request fields → a core merge patch (absent = unchanged, null = back to the default).
import type { Static } from '@sinclair/typebox';
import type { PhoneNumberPatch } from '../../../core/phone-numbers/schema.ts';
import type { ConfigIn } from './schemas.ts';

type FreyaConfig = Static<typeof ConfigIn>;

const INBOUND_TARGET = { agents: 'agent', workflows: 'workflow' } as const;

/** Sets `to[as]` when the value was sent (null included). */
function copy(to: Record<string, unknown>, as: string, value: unknown): void {
  if (value !== undefined) to[as] = value;
}

export function toCorePatch(input: { friendlyName?: string | null; config?: FreyaConfig }): PhoneNumberPatch {
  const patch: Record<string, unknown> = {};
  copy(patch, 'friendly_name', input.friendlyName);
  const c = input.config;
  if (!c) return patch as PhoneNumberPatch;

  if (c.capabilities === null) {
    // Only the capabilities Freya shows go back to their defaults (mms and fax are kept).
    patch.capabilities = { voice: null, sms: null };
    patch.voice_capability_label = null;
  } else if (c.capabilities) {
    // `voice` is a free-form string: kept as sent, and the voice flag derived from it.
    const caps: Record<string, unknown> = {};
    const voice = c.capabilities.voice;
    if (voice !== undefined) {
      patch.voice_capability_label = voice;
      caps.voice = voice === null ? null : voice.length > 0;
    }
    copy(caps, 'sms', c.capabilities.sms);
    if (Object.keys(caps).length) patch.capabilities = caps;
  }
  copy(patch, 'voice_config', c.voiceConfig);
  copy(patch, 'messaging_config', c.messagingConfig);
  if (c.emergencyCalls !== undefined) patch.emergency_calling = { enabled: c.emergencyCalls };
  if (c.configType !== undefined) patch.inbound_target = c.configType === null ? null : INBOUND_TARGET[c.configType];
  copy(patch, 'inbound_agent_id', c.inboundAgentId);
  copy(patch, 'outbound_agent_id', c.outboundAgentId);
  copy(patch, 'inbound_workflow_id', c.inboundWorkflowId);
  copy(patch, 'outbound_workflow_id', c.outboundWorkflowId);

  // originationUri lives beside sipInbound in Freya, inside sip_inbound in the core.
  if (c.sipInbound !== undefined || c.originationUri !== undefined) {
    const sipIn: Record<string, unknown> = {};
    copy(sipIn, 'enabled', c.sipInbound === null ? null : c.sipInbound?.enabled);
    copy(sipIn, 'origination_uri', c.originationUri);
    patch.sip_inbound = sipIn;
  }

  const out = c.sipOutbound;
  if (out === null) patch.sip_outbound = null;
  else if (out) {
    const sipOut: Record<string, unknown> = {};
    copy(sipOut, 'enabled', out.enabled);
    copy(sipOut, 'endpoint', out.endpoint);
    copy(sipOut, 'port', out.port);
    copy(sipOut, 'username', out.username);
    copy(sipOut, 'password', out.password);
    copy(sipOut, 'from_domain', out.fromDomain);
    copy(sipOut, 'transport', out.transportProtocol);
    copy(sipOut, 'secure_media', out.secureMedia);
    if (out.headers !== undefined) sipOut.headers = out.headers === null ? null : out.headers.map((h) => ({ name: h.key, value: h.value }));
    patch.sip_outbound = sipOut;
  }
  return patch as PhoneNumberPatch;
}
