// Builders for routing-engine tests: plain rows for a snapshot, with readable defaults.
import { randomUUID } from 'node:crypto';
import { RoutingSnapshot, type SnapshotInput } from '../../src/core/routing/snapshot.ts';
import type { AgentRow, BlockRow, NumberRow, RoutingConfig, WorkflowRow, WorkspaceRoutingRow } from '../../src/core/routing/rows.ts';

export const WS = '00000000-0000-4000-8000-00000000000a';
export const OTHER_WS = '00000000-0000-4000-8000-00000000000b';

/** A stable UUID per name, so traces and assertions read well. */
const ids = new Map<string, string>();
export function id(name: string): string {
  let value = ids.get(name);
  if (!value) ids.set(name, (value = randomUUID()));
  return value;
}

export function agent(name: string, url = `wss://agents.example.com/${name}`, workspace_id = WS): AgentRow {
  return { id: id(`agent:${name}`), workspace_id, name, endpoint: url ? { type: url.startsWith('sip') ? 'sip' : 'websocket', url } : null };
}

export function workflow(name: string, url: string | null = `wss://flows.example.com/${name}`, workspace_id = WS): WorkflowRow {
  return { id: id(`workflow:${name}`), workspace_id, name, endpoint: url ? { type: url.startsWith('sip') ? 'sip' : 'websocket', url } : null };
}

export function number(e164: string, config: RoutingConfig = {}, extra: Partial<NumberRow> = {}): NumberRow {
  return { id: id(`number:${extra.workspace_id ?? WS}:${e164}`), workspace_id: WS, number: e164, country_code: 'US', config, ...extra };
}

export function block(name: string, extent: { prefix: string } | { start: string; end: string }, config: RoutingConfig = {}, workspace_id = WS): BlockRow {
  return { id: id(`block:${workspace_id}:${name}`), workspace_id, name, ...extent, config };
}

export const toAgent = (name: string): RoutingConfig => ({ inbound_target: 'agent', inbound_agent_id: id(`agent:${name}`) });

export function snapshot(input: Partial<Omit<SnapshotInput, 'workspace'>> & { workspace?: Partial<WorkspaceRoutingRow> } = {}): RoutingSnapshot {
  const { workspace, ...rest } = input;
  return RoutingSnapshot.build({ ...rest, workspace: { workspace_id: WS, ...workspace } });
}

export const at = (iso: string) => new Date(iso);
/** A weekday noon in New York (Wednesday 2026-01-14 12:00 EST). */
export const WEEKDAY_NOON = at('2026-01-14T17:00:00Z');
