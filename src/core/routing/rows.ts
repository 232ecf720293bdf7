// The plain rows a routing snapshot is built from — what the store reads and the sync step
// sends on every change. Only what routing needs; no secrets (sealed tokens and passwords stay in
// the store).
import type { PhoneNumber } from '../phone-numbers/schema.ts';
import type { BlockExtent, RoutingPolicy, SipHeader, Target } from './schema.ts';

export type InboundTarget = NonNullable<PhoneNumber['inbound_target']>;
export type CallHandler = PhoneNumber['call_handler'];
export interface Telephony {
  provider: string | null;
  account_sid: string | null;
  phone_number_sid?: string | null;
}

/**
 * The routing configuration a number or a block carries. A field that is absent or null (a call
 * handler without a type, an empty header list) is unset: a number takes it from its narrowest
 * block that sets it.
 */
export interface RoutingConfig {
  inbound_target?: InboundTarget | null;
  inbound_agent_id?: string | null;
  inbound_workflow_id?: string | null;
  call_handler?: CallHandler | null;
  telephony?: Telephony | null;
  /** Custom SIP headers for SIP destinations (a number's sip_outbound.headers). */
  sip_headers?: readonly SipHeader[] | null;
  routing?: RoutingPolicy | null;
}

export interface NumberRow {
  id: string;
  workspace_id: string;
  /** Canonical E.164: the lookup key. */
  number: string;
  /** ISO region (PhoneNumber.country_code): which national formats the workspace's callers use. */
  country_code?: string | null;
  /** false: held but not taking calls (answered "unavailable"). */
  active?: boolean;
  config: RoutingConfig;
}

export interface BlockRow extends BlockExtent {
  id: string;
  workspace_id: string;
  name?: string | null;
  config: RoutingConfig;
}

export interface EndpointRow {
  type: 'websocket' | 'sip';
  url: string;
}

/** An agent or a workflow: something a call can be handed to at its endpoint. */
export interface DestinationRow {
  id: string;
  workspace_id: string;
  name?: string | null;
  endpoint: EndpointRow | null;
}
export type AgentRow = DestinationRow;
export type WorkflowRow = DestinationRow;

export interface WorkspaceRoutingRow {
  workspace_id: string;
  /** Where calls to numbers the workspace does not hold go; null or absent: rejected (unknown_number). */
  unknown_number?: Target | null;
  /** Region national formats are read in first (before the regions of held numbers). */
  default_country?: string | null;
}

/** A phone number as the core stores it, in the shape the snapshot takes. */
export function numberRow(
  n: Pick<PhoneNumber, 'id' | 'workspace_id' | 'number' | 'country_code' | 'active' | 'inbound_target' | 'inbound_agent_id' | 'inbound_workflow_id' | 'call_handler'> & {
    telephony: Telephony;
    sip_outbound: { headers: readonly SipHeader[] };
    routing?: RoutingPolicy | null;
  },
): NumberRow {
  return {
    id: n.id,
    workspace_id: n.workspace_id,
    number: n.number,
    country_code: n.country_code,
    active: n.active,
    config: {
      inbound_target: n.inbound_target,
      inbound_agent_id: n.inbound_agent_id,
      inbound_workflow_id: n.inbound_workflow_id,
      call_handler: n.call_handler,
      telephony: { provider: n.telephony.provider, account_sid: n.telephony.account_sid, phone_number_sid: n.telephony.phone_number_sid ?? null },
      sip_headers: n.sip_outbound.headers,
      routing: n.routing ?? null,
    },
  };
}
