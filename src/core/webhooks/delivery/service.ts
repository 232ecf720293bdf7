// Deliveries as the API shows them: per endpoint, per event, with their attempts; and what a
// user can ask for: a retry of one, a replay of everything since a time, a test event.
import type { Context } from '../../audit/record.ts';
import { authorize } from '../../authorization/authorize.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import type { DeliveryFilter, Page, Store } from '../../ports.ts';
import { toPage, type ListOrder } from '../../shared/pagination.ts';
import { timeRange } from '../../shared/time-range.ts';
import type { WebhookEndpoint } from '../schema.ts';
import type { DeliveryEngine } from './engine.ts';
import { subscribes } from './fan-out.ts';
import { toSummary, type Delivery, type DeliverySummary } from './model.ts';
import { testEvent } from './payload.ts';

/** A replay looks at most this many events; a longer history is replayed in several calls. */
export const MAX_REPLAY_EVENTS = 100_000;
const REPLAY_BATCH = 1000;

export interface TestResult {
  webhook_id: string;
  succeeded: boolean;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_body: string;
  response_truncated: boolean;
}

export interface ReplayResult {
  /** Deliveries made pending (new or again). */
  queued: number;
  /** Events looked at. */
  events: number;
  /** Set when MAX_REPLAY_EVENTS was reached: replay again from here. */
  next_since: string | null;
}

export class DeliveryService {
  constructor(
    private readonly store: Store,
    private readonly now: () => string,
    private readonly engine: DeliveryEngine,
  ) {}

  /** Newest first unless 'asc'; since/until as any ISO 8601 date-time, [since, until). */
  async list(ctx: Context, endpointId: string, filter: DeliveryFilter, after: string | null, limit: number, order: ListOrder = 'desc'): Promise<Page<DeliverySummary>> {
    authorize(ctx, 'webhooks:read');
    await this.endpoint(ctx, endpointId);
    const query = { ...filter, ...timeRange(filter.since, filter.until) };
    return toPage(await this.store.deliveries.list(ctx.actor.workspaceId, endpointId, query, after, limit + 1, order), limit, toSummary, order);
  }

  async get(ctx: Context, endpointId: string, id: string): Promise<Delivery> {
    authorize(ctx, 'webhooks:read');
    const record = await this.store.deliveries.get(ctx.actor.workspaceId, id);
    if (!record || record.endpoint_id !== endpointId) throw new NotFoundError('delivery', id);
    return { ...toSummary(record), attempts: await this.store.deliveries.attempts(id) };
  }

  /** Deliveries of these events, by event id: to which endpoints each went, and how. Part of the audit log (events:read). */
  async forEvents(ctx: Context, eventIds: string[]): Promise<Map<string, DeliverySummary[]>> {
    authorize(ctx, 'events:read');
    const out = new Map<string, DeliverySummary[]>(eventIds.map((id) => [id, []]));
    for (const record of await this.store.deliveries.forEvents(ctx.actor.workspaceId, eventIds)) out.get(record.event_id)?.push(toSummary(record));
    return out;
  }

  /** Tries the delivery again now, with a fresh retry schedule. */
  async retry(ctx: Context, endpointId: string, id: string): Promise<Delivery> {
    authorize(ctx, 'webhooks:write');
    const current = await this.get(ctx, endpointId, id);
    await this.enabledEndpoint(ctx, endpointId);
    await this.store.deliveries.requeue(ctx.actor.workspaceId, endpointId, [{ id: current.event_id, type: current.event_type }], this.now());
    return this.get(ctx, endpointId, id);
  }

  /**
   * Sends again every event from `since` (and before `until`) that the endpoint subscribes to,
   * whatever became of it before; events it never got (it was created or re-enabled later) too.
   */
  async replay(ctx: Context, endpointId: string, sinceText: string, untilText: string | null): Promise<ReplayResult> {
    authorize(ctx, 'webhooks:write');
    const range = timeRange(sinceText, untilText ?? undefined);
    const since = range.since!;
    const until = range.until ?? null;
    const endpoint = await this.enabledEndpoint(ctx, endpointId);
    const ws = ctx.actor.workspaceId;
    let after: string | null = null;
    let queued = 0;
    let seen = 0;
    for (;;) {
      const events = await this.store.audit.listSince(ws, since, until, after, REPLAY_BATCH);
      if (!events.length) return { queued, events: seen, next_since: null };
      const wanted = events.filter((e) => subscribes(endpoint, e)).map((e) => ({ id: e.id, type: e.type }));
      queued += await this.store.deliveries.requeue(ws, endpointId, wanted, this.now());
      seen += events.length;
      after = events[events.length - 1]!.id;
      if (seen >= MAX_REPLAY_EVENTS) return { queued, events: seen, next_since: events[events.length - 1]!.created_at };
    }
  }

  /** Sends a signed test event at once (filters and event types do not apply) and says how it went. */
  async test(ctx: Context, endpointId: string): Promise<TestResult> {
    authorize(ctx, 'webhooks:write');
    const stored = await this.store.webhooks.getStored(ctx.actor.workspaceId, endpointId);
    if (!stored) throw new NotFoundError('webhook endpoint', endpointId);
    const id = newId();
    const webhookId = `msg_test_${id.replace(/-/g, '')}`;
    const result = await this.engine.send(stored, webhookId, testEvent(id, endpointId, this.now()));
    return {
      webhook_id: webhookId,
      succeeded: result.ok,
      status_code: result.status,
      latency_ms: result.latencyMs,
      error: result.error,
      response_body: result.responseBody,
      response_truncated: result.responseTruncated,
    };
  }

  private async endpoint(ctx: Context, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.store.webhooks.get(ctx.actor.workspaceId, id);
    if (!endpoint) throw new NotFoundError('webhook endpoint', id);
    return endpoint;
  }

  private async enabledEndpoint(ctx: Context, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoint(ctx, id);
    if (!endpoint.enabled) throw new ConflictError('the endpoint is disabled: enable it (PATCH enabled: true) before sending to it again');
    return endpoint;
  }
}
