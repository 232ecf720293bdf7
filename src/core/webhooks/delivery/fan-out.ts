// Which endpoints an event goes to. Decided when the event is fanned out (by type, number and
// agent scope); the endpoint's filter is evaluated later, at each delivery, on the payload.
import type { AuditEvent } from '../../audit/model.ts';
import { matchesEventType } from '../event-types.ts';
import type { WebhookEndpoint } from '../schema.ts';
import { phoneNumberOf } from './payload.ts';

export function subscribes(endpoint: WebhookEndpoint, event: Pick<AuditEvent, 'workspace_id' | 'type' | 'object_type' | 'object_id' | 'before' | 'after'>): boolean {
  if (endpoint.workspace_id !== event.workspace_id || !matchesEventType(endpoint.event_types, event.type)) return false;
  if (endpoint.phone_number_id !== null && endpoint.phone_number_id !== phoneNumberOf(event)) return false;
  if (endpoint.agent_id !== null && !concernsAgent(event, endpoint.agent_id)) return false;
  return true;
}

function concernsAgent(event: Pick<AuditEvent, 'object_type' | 'object_id' | 'before' | 'after'>, agentId: string): boolean {
  if (event.object_type === 'agent') return event.object_id === agentId;
  const fields = ['agent_id', 'inbound_agent_id', 'outbound_agent_id'];
  return [event.before, event.after].some((o) => o !== null && fields.some((f) => o[f] === agentId));
}
