import type { FieldIssue } from '../errors.ts';
import type { Repos } from '../ports.ts';
import type { WritableState } from './state.ts';

/** Agents and workflows a number points at must exist in its workspace. Issues per state index. */
export async function checkReferences(repos: Repos, workspaceId: string, states: WritableState[]): Promise<Map<number, FieldIssue[]>> {
  const agentIds = new Set<string>();
  const workflowIds = new Set<string>();
  for (const s of states) {
    for (const id of [s.inbound_agent_id, s.outbound_agent_id]) if (id) agentIds.add(id);
    for (const id of [s.inbound_workflow_id, s.outbound_workflow_id]) if (id) workflowIds.add(id);
  }
  const [agents, workflows] = await Promise.all([
    agentIds.size ? repos.agents.existing(workspaceId, [...agentIds]) : new Set<string>(),
    workflowIds.size ? repos.workflows.existing(workspaceId, [...workflowIds]) : new Set<string>(),
  ]);
  const out = new Map<number, FieldIssue[]>();
  states.forEach((s, i) => {
    const issues: FieldIssue[] = [];
    for (const field of ['inbound_agent_id', 'outbound_agent_id'] as const) {
      if (s[field] && !agents.has(s[field]!)) issues.push({ field, message: 'is not an agent of this workspace' });
    }
    for (const field of ['inbound_workflow_id', 'outbound_workflow_id'] as const) {
      if (s[field] && !workflows.has(s[field]!)) issues.push({ field, message: 'is not a workflow of this workspace' });
    }
    if (issues.length) out.set(i, issues);
  });
  return out;
}
