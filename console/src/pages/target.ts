import type { PhoneNumber } from '@switchboard/sdk';

/** What answers the number's inbound calls, in words. */
export function targetInForce(n: PhoneNumber, agentName: Map<string, string>, workflowName: Map<string, string>): string {
  switch (n.inbound_target) {
    case 'agent':
      return `Agent: ${(n.inbound_agent_id && agentName.get(n.inbound_agent_id)) ?? n.inbound_agent_id ?? '—'}`;
    case 'workflow':
      return `Workflow: ${(n.inbound_workflow_id && workflowName.get(n.inbound_workflow_id)) ?? n.inbound_workflow_id ?? '—'}`;
    case 'handler':
      return `Handler: ${n.call_handler.type ?? '—'}${n.call_handler.request_url ? ` (${n.call_handler.request_url})` : ''}`;
    default:
      return 'Nothing (not routed)';
  }
}
