// The worker's side of delivery, as domain steps: fan events out of the outbox into
// deliveries, lease due deliveries, make one attempt (filter, sign, send through the
// transport port) and record what it left: the next try, success, failure, or a disabled
// endpoint. The loop that drives these steps lives in src/webhooks/worker.ts.
import { recordChange } from '../../audit/record.ts';
import { systemContext } from '../../authorization/authorize.ts';
import { newId } from '../../ids.ts';
import type { Repos, SecretBox, Store, StoredWebhookEndpoint, TransportResult, WebhookTransport } from '../../ports.ts';
import { compileFilter, FilterEvaluationError, type WebhookEvent } from '../filter.ts';
import { openHeaders } from '../headers.ts';
import type { WebhookEndpoint } from '../schema.ts';
import { validSecrets } from '../signing-secret.ts';
import { subscribes } from './fan-out.ts';
import { webhookIdOf, type DeliveryClaim, type DeliveryStatus, type DeliveryUpdate, type NewDelivery } from './model.ts';
import { toWebhookEvent } from './payload.ts';
import { DEFAULT_RETRY_SCHEDULE_MS, nextDelayMs } from './retry-schedule.ts';
import { signatureHeaders } from './signature.ts';

export interface DeliveryOptions {
  /** When each attempt is due, counted from the first (see retry-schedule.ts); its length is the number of attempts. */
  schedule: readonly number[];
  /** An endpoint whose every delivery has failed for this long is disabled. */
  disableAfterMs: number;
  /** How long a claimed delivery is held; longer than an attempt's timeout. */
  leaseMs: number;
  /** Deliveries of one endpoint in flight at once, across every worker. */
  endpointConcurrency: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  schedule: DEFAULT_RETRY_SCHEDULE_MS,
  disableAfterMs: 5 * 86_400e3,
  leaseMs: 60_000,
  endpointConcurrency: 8,
};

const OBJECT = 'webhook_endpoint';

export class DeliveryEngine {
  private readonly filters = new Map<string, (event: WebhookEvent) => boolean>();

  constructor(
    private readonly store: Store,
    private readonly secrets: SecretBox,
    private readonly now: () => string,
    private readonly transport: WebhookTransport,
    readonly options: DeliveryOptions,
  ) {}

  /** Fans up to `limit` outbox events out into deliveries, in one transaction; returns how many events. */
  dispatch(limit = 500): Promise<number> {
    return this.store.transaction(async (tx) => {
      const taken = await tx.audit.takeUndispatched(limit);
      if (!taken.length) return 0;
      const endpoints = await tx.webhooks.listEnabled([...new Set(taken.map((e) => e.workspace_id))]);
      // Events are read whole only for workspaces with an endpoint; the others are only marked,
      // which keeps a busy server without webhooks from parsing every event it writes.
      const hearing = new Set(endpoints.map((e) => e.workspace_id));
      const wanted = taken.filter((e) => hearing.has(e.workspace_id)).map((e) => e.id);
      const events = (wanted.length ? await tx.audit.getMany(wanted) : []).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const now = this.now();
      const rows: NewDelivery[] = [];
      for (const event of events) {
        for (const endpoint of endpoints) {
          // An endpoint hears of what happens from its creation on, however late the fan-out
          // runs (a replay is how it gets older events).
          if (endpoint.created_at <= event.created_at && subscribes(endpoint, event)) rows.push({ id: newId(), workspace_id: event.workspace_id, endpoint_id: endpoint.id, event_id: event.id, event_type: event.type, created_at: now });
        }
      }
      await tx.deliveries.insertMany(rows, now);
      await tx.audit.markDispatched(taken.map((e) => e.id), now);
      return taken.length;
    });
  }

  /** Leases up to `limit` due deliveries for `owner`. */
  claim(owner: string, limit: number): Promise<DeliveryClaim[]> {
    const now = this.now();
    const leaseExpiresAt = new Date(Date.parse(now) + this.options.leaseMs).toISOString();
    return this.store.transaction((tx) => tx.deliveries.claim({ owner, now, leaseExpiresAt, limit, perEndpoint: this.options.endpointConcurrency }));
  }

  release(owner: string, ids: string[]): Promise<void> {
    return ids.length ? this.store.deliveries.release(owner, ids) : Promise.resolve();
  }

  /** Makes one attempt of a claimed delivery and records it. Returns the delivery's new status. */
  async attempt(claim: DeliveryClaim, worker: string, signal?: AbortSignal): Promise<DeliveryStatus | 'lost'> {
    const d = claim.delivery;
    const [stored, event] = await Promise.all([this.store.webhooks.getStored(d.workspace_id, d.endpoint_id), this.store.audit.get(d.workspace_id, d.event_id)]);
    if (!stored || !event) return 'lost'; // the endpoint was deleted (its deliveries go with it)
    const endpoint = stored.endpoint;
    const startedAt = this.now();
    if (!endpoint.enabled) return this.settle(claim, { status: 'skipped', error: 'the endpoint is disabled' }, startedAt);

    const payload = toWebhookEvent(event);
    if (endpoint.filter) {
      try {
        if (!this.filter(endpoint.filter)(payload)) return this.settle(claim, { status: 'filtered', error: null }, startedAt);
      } catch (err) {
        if (!(err instanceof FilterEvaluationError)) throw err;
        // The same filter on the same event fails the same way again: no retry, the reason on the attempt.
        const result: TransportResult = { ok: false, status: null, latencyMs: 0, error: err.message, responseBody: '', responseTruncated: false, retryAfterSeconds: null, gone: false };
        return this.record(claim, worker, startedAt, result, { final: true });
      }
    }
    if (signal?.aborted) return 'lost';
    const result = await this.send(stored, webhookIdOf(d.id), payload, signal);
    return this.record(claim, worker, startedAt, result);
  }

  /** One signed request to the endpoint. */
  send(stored: StoredWebhookEndpoint, webhookId: string, event: WebhookEvent, signal?: AbortSignal): Promise<TransportResult> {
    const endpoint = stored.endpoint;
    const secrets = validSecrets(this.secrets, stored.secrets, this.now());
    if (!secrets.length) {
      return Promise.resolve({ ok: false, status: null, latencyMs: 0, error: 'the endpoint has no signing secret: rotate one (POST /v1/webhook-endpoints/{id}/rotate-secret)', responseBody: '', responseTruncated: false, retryAfterSeconds: null, gone: false });
    }
    const body = JSON.stringify(event);
    // The endpoint's own header values, opened for this request only; the signature headers win.
    const headers = { ...openHeaders(this.secrets, stored.sealedHeaders), ...signatureHeaders(webhookId, new Date(this.now()), body, secrets) };
    if (endpoint.method === 'GET') {
      // A GET has no body: the signed payload travels as the `payload` query parameter.
      const url = new URL(endpoint.url);
      url.searchParams.set('payload', body);
      return this.transport.send({ url: url.toString(), method: 'GET', headers, body: null, ...(signal ? { signal } : {}) });
    }
    return this.transport.send({ url: endpoint.url, method: endpoint.method, headers: { ...headers, 'content-type': 'application/json' }, body, ...(signal ? { signal } : {}) });
  }

  private filter(expression: string) {
    let compiled = this.filters.get(expression);
    if (!compiled) {
      if (this.filters.size >= 1000) this.filters.clear();
      this.filters.set(expression, (compiled = compileFilter(expression)));
    }
    return compiled;
  }

  /** A delivery that ends without an HTTP attempt (filtered, or its endpoint disabled). */
  private async settle(claim: DeliveryClaim, outcome: { status: 'filtered' | 'skipped'; error: string | null }, at: string): Promise<DeliveryStatus | 'lost'> {
    const d = claim.delivery;
    const update: DeliveryUpdate = { status: outcome.status, attempt_count: d.attempt_count, schedule_step: d.schedule_step, next_attempt_at: null, last_attempt_at: d.last_attempt_at, last_status_code: d.last_status_code, last_error: outcome.error, updated_at: at };
    return (await this.store.deliveries.finish(d.id, claim.leaseToken, update)) ? outcome.status : 'lost';
  }

  /**
   * Records the attempt and what follows from it, in one transaction. `final`: the failure is the
   * event's (a filter error), not the endpoint's. A refused destination is not retried either: it
   * is refused again until the endpoint's URL changes; it does count against the endpoint's health.
   */
  private record(claim: DeliveryClaim, worker: string, startedAt: string, result: TransportResult, { final = false } = {}): Promise<DeliveryStatus | 'lost'> {
    const d = claim.delivery;
    const now = this.now();
    const step = d.schedule_step + 1;
    const delay = result.ok || result.gone || result.refused || final ? null : nextDelayMs(this.options.schedule, step, result.retryAfterSeconds);
    const status: DeliveryStatus = result.ok ? 'succeeded' : delay === null ? 'failed' : 'pending';
    const update: DeliveryUpdate = {
      status,
      attempt_count: d.attempt_count + 1,
      schedule_step: step,
      next_attempt_at: delay === null ? null : new Date(Date.parse(now) + delay).toISOString(),
      last_attempt_at: startedAt,
      last_status_code: result.status,
      last_error: result.error,
      updated_at: now,
    };
    return this.store.transaction(async (tx) => {
      await tx.deliveries.insertAttempt({
        id: newId(),
        delivery_id: d.id,
        started_at: startedAt,
        status_code: result.status,
        latency_ms: result.latencyMs,
        error: result.error,
        response_body: result.responseBody,
        response_truncated: result.responseTruncated,
        worker,
      });
      const kept = await tx.deliveries.finish(d.id, claim.leaseToken, update);
      if (final) return kept ? status : 'lost';
      const failingSince = await tx.webhooks.markHealth(d.workspace_id, d.endpoint_id, !result.ok, now);
      if (result.gone) await disableEndpoint(tx, d.workspace_id, d.endpoint_id, 'the receiver answered 410 Gone', now);
      else if (failingSince && Date.parse(now) - Date.parse(failingSince) >= this.options.disableAfterMs) {
        await disableEndpoint(tx, d.workspace_id, d.endpoint_id, `every delivery has failed since ${failingSince}`, now);
      }
      return kept ? status : 'lost';
    });
  }
}

/** Inside a transaction: disables the endpoint (if it is enabled) and writes webhook_endpoint.disabled. */
export async function disableEndpoint(tx: Repos, workspaceId: string, id: string, reason: string, now: string): Promise<WebhookEndpoint | null> {
  const current = await tx.webhooks.get(workspaceId, id);
  if (!current?.enabled) return null;
  const next: WebhookEndpoint = { ...current, enabled: false, version: current.version + 1, updated_at: now };
  if (!(await tx.webhooks.update(next, current.version))) return null; // changed meanwhile: the next failure decides again
  await recordChange(tx, systemContext(workspaceId), { type: `${OBJECT}.disabled`, objectType: OBJECT, objectId: id, before: current, after: next, changes: ['enabled'], reason }, now);
  return next;
}
