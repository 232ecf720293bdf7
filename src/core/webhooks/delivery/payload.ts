// What a receiver gets: the Standard Webhooks payload shape {type, timestamp, data}, plus the
// event's id. Configuration events are built from the audit event that the change wrote.
import type { AuditEvent } from '../../audit/model.ts';
import type { WebhookEvent } from '../filter.ts';

/**
 * `data` of a configuration event:
 * - object_type, object_id: what changed (phone_number, agent, workflow, webhook_endpoint, api_key);
 * - object: its public view after the change (before it, for a deletion);
 * - changes: the top-level fields that changed (empty on creation and deletion);
 * - previous_attributes: on updates, those fields' values before the change;
 * - actor: who made the change ({type, api_key_id, user_id}); request_id when it came over the API;
 * - reason: why, when the system made the change (webhook_endpoint.disabled).
 */
export function toWebhookEvent(event: AuditEvent): WebhookEvent {
  const object = event.after ?? event.before ?? {};
  const previous = event.before && event.after ? Object.fromEntries(event.changes.filter((k) => k in event.before!).map((k) => [k, event.before![k]])) : undefined;
  return {
    id: event.id,
    type: event.type,
    timestamp: event.created_at,
    data: {
      object_type: event.object_type,
      object_id: event.object_id,
      object,
      changes: event.changes,
      ...(previous ? { previous_attributes: previous } : {}),
      // Not the client's address: that stays in the audit log, receivers have no use for it.
      actor: { type: event.actor.type, api_key_id: event.actor.api_key_id, user_id: event.actor.user_id },
      request_id: event.request_id,
      ...(event.reason ? { reason: event.reason } : {}),
    },
  };
}

/** The phone number an event is about, for endpoints scoped to one number; null if none. */
export function phoneNumberOf(event: Pick<AuditEvent, 'object_type' | 'object_id' | 'before' | 'after'>): string | null {
  if (event.object_type === 'phone_number') return event.object_id;
  const id = event.after?.phone_number_id ?? event.before?.phone_number_id;
  return typeof id === 'string' ? id : null;
}

/** The payload of POST /v1/webhook-endpoints/{id}/test. */
export function testEvent(id: string, endpointId: string, now: string): WebhookEvent {
  return { id, type: 'webhook_endpoint.test', timestamp: now, data: { endpoint_id: endpointId, message: 'A test event from Switchboard: if its signature verifies, the endpoint is set up.' } };
}
