// Deliveries: one per (event, endpoint), holding the retry state, and the attempts made for it.
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, StringEnum, Timestamp } from '../../shared/schema-kit.ts';

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'filtered', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DeliveryAttemptSchema = Type.Object({
  id: Id(),
  started_at: Timestamp(),
  status_code: Nullable(Type.Integer({ description: 'The receiver\'s HTTP status; null when there was no answer.' })),
  latency_ms: Type.Integer(),
  error: Nullable(Type.String({ description: 'Why the attempt failed: a refusal, a timeout, a network error, the status, or a filter that failed.' })),
  response_body: Type.String({ description: 'The response body, at most 4 KiB.' }),
  response_truncated: Type.Boolean(),
});
export type DeliveryAttempt = Static<typeof DeliveryAttemptSchema>;

const deliveryFields = {
  id: Id(),
  webhook_id: Type.String({ description: 'The webhook-id header: the same on every attempt of this delivery, for receivers to de-duplicate.' }),
  endpoint_id: Id(),
  event_id: Id(),
  event_type: Type.String(),
  status: StringEnum(DELIVERY_STATUSES, 'pending: will be (re)tried; succeeded: a 2xx answer; failed: no attempts left, 410 Gone, a destination the address policy refuses, or a filter error; filtered: the filter said no; skipped: the endpoint was disabled.'),
  attempt_count: Type.Integer(),
  next_attempt_at: Nullable(Timestamp('When a pending delivery is tried next.')),
  last_attempt_at: Nullable(Timestamp()),
  last_status_code: Nullable(Type.Integer()),
  last_error: Nullable(Type.String()),
  created_at: Timestamp(),
  updated_at: Timestamp(),
};

export const DeliverySummarySchema = Type.Object(deliveryFields);
export type DeliverySummary = Static<typeof DeliverySummarySchema>;

export const DeliverySchema = Type.Object({ ...deliveryFields, attempts: Type.Array(DeliveryAttemptSchema, { description: 'Oldest first.' }) });
export type Delivery = Static<typeof DeliverySchema>;

/** The stored row, as the core sees it: the public fields plus the worker's lease. */
export interface DeliveryRecord extends Omit<DeliverySummary, 'webhook_id'> {
  workspace_id: string;
  schedule_step: number;
}

/** A delivery a worker holds the lease of: until `leaseExpiresAt`, no other worker sends it. */
export interface DeliveryClaim {
  delivery: DeliveryRecord;
  leaseToken: string;
}

/** The row a fan-out writes. */
export interface NewDelivery {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  created_at: string;
}

export interface NewAttempt extends DeliveryAttempt {
  delivery_id: string;
  worker: string;
}

/** What an attempt leaves behind on the delivery. */
export interface DeliveryUpdate {
  status: DeliveryStatus;
  attempt_count: number;
  schedule_step: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  updated_at: string;
}

export const webhookIdOf = (deliveryId: string) => `msg_${deliveryId.replace(/-/g, '')}`;

export function toSummary(record: DeliveryRecord): DeliverySummary {
  const { workspace_id: _w, schedule_step: _s, ...rest } = record;
  return { ...rest, webhook_id: webhookIdOf(record.id) };
}
