// Core phone numbers → Freya phone-number objects, with agent and workflow names resolved
// (one query per kind for a whole page or batch).
import type { Static } from '@sinclair/typebox';
import type { Context } from '../../../core/audit/record.ts';
import { can } from '../../../core/authorization/authorize.ts';
import type { Core } from '../../../core/index.ts';
import type { PhoneNumber } from '../../../core/phone-numbers/schema.ts';
import type { PhoneNumberOut } from './schemas.ts';

export type FreyaPhoneNumber = Static<typeof PhoneNumberOut>;

interface Names {
  agents: Map<string, string>;
  workflows: Map<string, string>;
}

/**
 * Freya's `capabilities.voice` is a free-form string. What was sent is shown while it still
 * agrees with the voice flag (non-empty = on); once another face changed the flag, the
 * derived value is shown instead: "enabled" when voice is on, "" when it is off.
 */
function voiceString(n: PhoneNumber): string {
  const label = n.voice_capability_label;
  if (label !== null && label.length > 0 === n.capabilities.voice) return label;
  return n.capabilities.voice ? 'enabled' : '';
}

/**
 * Entity types: inbound follows the inbound target in force (null for none, or for a call
 * handler set through another face). Outbound has no selector in the core: the kind that
 * configType names wins when both are set, otherwise whichever is set (agent first).
 */
function entityTypes(n: PhoneNumber) {
  const inbound = n.inbound_target === 'agent' || n.inbound_target === 'workflow' ? n.inbound_target : null;
  let outbound: 'agent' | 'workflow' | null = null;
  if (n.inbound_target === 'workflow' && n.outbound_workflow_id) outbound = 'workflow';
  else if (n.outbound_agent_id) outbound = 'agent';
  else if (n.outbound_workflow_id) outbound = 'workflow';
  return { inbound, outbound };
}

export function toFreya(n: PhoneNumber, names: Names): FreyaPhoneNumber {
  const name = (map: Map<string, string>, id: string | null) => (id ? map.get(id) ?? null : null);
  const types = entityTypes(n);
  const out = n.sip_outbound;
  return {
    id: n.id,
    number: n.number,
    workspaceId: n.workspace_id,
    userId: n.created_by_user_id,
    createdAt: n.created_at,
    updatedAt: n.updated_at,
    friendlyName: n.friendly_name,
    config: {
      capabilities: { voice: voiceString(n), sms: n.capabilities.sms },
      voiceConfig: n.voice_config,
      messagingConfig: n.messaging_config,
      emergencyCalls: n.emergency_calling.enabled,
      configType: n.inbound_target === 'agent' ? 'agents' : n.inbound_target === 'workflow' ? 'workflows' : null,
      inboundAgentId: n.inbound_agent_id,
      outboundAgentId: n.outbound_agent_id,
      inboundWorkflowId: n.inbound_workflow_id,
      outboundWorkflowId: n.outbound_workflow_id,
      originationUri: n.sip_inbound.origination_uri,
      sipInbound: { enabled: n.sip_inbound.enabled },
      // No password: it is write-only (the core keeps only whether one is set).
      sipOutbound: {
        enabled: out.enabled,
        endpoint: out.endpoint,
        port: out.port,
        username: out.username,
        fromDomain: out.from_domain,
        transportProtocol: out.transport,
        secureMedia: out.secure_media,
        headers: out.headers.map((h) => ({ key: h.name, value: h.value })),
      },
    },
    inboundAgentName: name(names.agents, n.inbound_agent_id),
    outboundAgentName: name(names.agents, n.outbound_agent_id),
    inboundWorkflowName: name(names.workflows, n.inbound_workflow_id),
    outboundWorkflowName: name(names.workflows, n.outbound_workflow_id),
    inboundAgentEntityType: types.inbound,
    outboundAgentEntityType: types.outbound,
    inboundAgentWorkflowId: n.inbound_workflow_id,
    outboundAgentWorkflowId: n.outbound_workflow_id,
  };
}

/**
 * Freya objects for these numbers, resolving every agent and workflow name they refer to. A name
 * is the agent's or workflow's: a key without agents:read (workflows:read) sees null, the ids stay.
 */
export async function toFreyaMany(core: Core, ctx: Context, numbers: PhoneNumber[]): Promise<FreyaPhoneNumber[]> {
  if (numbers.length === 0) return [];
  const none = new Map<string, string>();
  const [agents, workflows] = await Promise.all([
    can(ctx, 'agents:read') ? core.agents.names(ctx, numbers.flatMap((n) => [n.inbound_agent_id, n.outbound_agent_id])) : none,
    can(ctx, 'workflows:read') ? core.workflows.names(ctx, numbers.flatMap((n) => [n.inbound_workflow_id, n.outbound_workflow_id])) : none,
  ]);
  return numbers.map((n) => toFreya(n, { agents, workflows }));
}

export async function toFreyaOne(core: Core, ctx: Context, n: PhoneNumber): Promise<FreyaPhoneNumber> {
  return (await toFreyaMany(core, ctx, [n]))[0]!;
}
