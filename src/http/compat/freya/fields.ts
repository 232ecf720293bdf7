// Core field paths (the native API's snake_case, e.g. "sip_outbound.headers[0].name") to the
// Freya field paths a Freya client sent ("config.sipOutbound.headers[0].key"), for error details.
// Paths that already are Freya paths (request-schema errors) come out unchanged.

const EXACT: Record<string, string> = {
  number: 'number',
  id: 'id',
  friendly_name: 'friendlyName',
  created_by_user_id: 'userId',
  workspace_id: 'workspaceId',
  capabilities: 'config.capabilities',
  'capabilities.voice': 'config.capabilities.voice',
  'capabilities.sms': 'config.capabilities.sms',
  voice_capability_label: 'config.capabilities.voice',
  voice_config: 'config.voiceConfig',
  messaging_config: 'config.messagingConfig',
  emergency_calling: 'config.emergencyCalls',
  'emergency_calling.enabled': 'config.emergencyCalls',
  inbound_target: 'config.configType',
  inbound_agent_id: 'config.inboundAgentId',
  outbound_agent_id: 'config.outboundAgentId',
  inbound_workflow_id: 'config.inboundWorkflowId',
  outbound_workflow_id: 'config.outboundWorkflowId',
  sip_inbound: 'config.sipInbound',
  'sip_inbound.enabled': 'config.sipInbound.enabled',
  'sip_inbound.origination_uri': 'config.originationUri',
  sip_outbound: 'config.sipOutbound',
};

const SIP_OUTBOUND: Record<string, string> = {
  transport: 'transportProtocol',
  from_domain: 'fromDomain',
  secure_media: 'secureMedia',
};

const camel = (segment: string) => segment.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function toFreyaField(field: string): string {
  const exact = EXACT[field];
  if (exact) return exact;
  const sip = /^sip_outbound\.([a-z_]+)(.*)$/.exec(field);
  if (sip) {
    const [, key, rest] = sip as unknown as [string, string, string];
    const tail = key === 'headers' ? rest.replace(/\.name$/, '.key') : rest;
    return `config.sipOutbound.${SIP_OUTBOUND[key] ?? camel(key)}${tail}`;
  }
  // Anything else (not settable through this face): the same path in camelCase.
  return field.split('.').map(camel).join('.');
}
