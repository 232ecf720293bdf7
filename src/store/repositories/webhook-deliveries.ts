// Webhook deliveries and their attempts. The claim is the one subtle query: it leases due
// deliveries to one worker, never more than `perEndpoint` of one endpoint at once across all
// workers, and claims are serialised (a Postgres advisory lock; SQLite's BEGIN IMMEDIATE) so
// two workers never lease the same delivery or overshoot an endpoint's limit.
import { sql, type Kysely, type Selectable } from 'kysely';
import { newId } from '../../core/ids.ts';
import type { ClaimOptions, DeliveryFilter, DeliveryRepo } from '../../core/ports.ts';
import type { DeliveryAttempt, DeliveryRecord, DeliveryStatus, DeliveryUpdate, NewAttempt, NewDelivery } from '../../core/webhooks/delivery/model.ts';
import type { Database, WebhookDeliveriesTable } from '../schema.ts';
import { chunked } from './sql-helpers.ts';

/** How many due deliveries one claim looks at before capping each endpoint. */
const CLAIM_SCAN = 500;
const INSERT_CHUNK = 500;

export class KyselyDeliveryRepo implements DeliveryRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async insertMany(rows: NewDelivery[], now: string) {
    for (const chunk of chunked(rows, INSERT_CHUNK)) {
      await this.db
        .insertInto('webhook_deliveries')
        .values(chunk.map((r) => ({ ...r, status: 'pending', attempt_count: 0, schedule_step: 0, next_attempt_at: now, updated_at: now })))
        .onConflict((oc) => oc.columns(['event_id', 'endpoint_id']).doNothing())
        .execute();
    }
  }

  async claim({ owner, now, leaseExpiresAt, limit, perEndpoint }: ClaimOptions) {
    // Held to the end of the caller's transaction; keyed by schema, so deployments sharing one database do not wait on each other.
    if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.webhook_claim'))`.execute(this.db);
    // Endpoints already at their limit are left out of the scan, so one endpoint's backlog
    // cannot fill the scan window and starve the others; the window function then caps each
    // endpoint at what it has left.
    const { rows } = await sql<{ id: string }>`
      with busy as (
        select endpoint_id, count(*) as n from webhook_deliveries
        where lease_expires_at > ${now} and status = 'pending'
        group by endpoint_id
      ),
      due as (
        select d.id, d.endpoint_id, d.next_attempt_at from webhook_deliveries d
        where d.status = 'pending' and d.next_attempt_at <= ${now}
          and (d.lease_expires_at is null or d.lease_expires_at <= ${now})
          and d.endpoint_id not in (select endpoint_id from busy where n >= ${perEndpoint})
        order by d.next_attempt_at, d.id
        limit ${CLAIM_SCAN}
      ),
      ranked as (
        select due.id, due.next_attempt_at,
          row_number() over (partition by due.endpoint_id order by due.next_attempt_at, due.id) + coalesce(busy.n, 0) as slot
        from due left join busy on busy.endpoint_id = due.endpoint_id
      )
      select id from ranked where slot <= ${perEndpoint} order by next_attempt_at, id limit ${limit}
    `.execute(this.db);
    if (!rows.length) return [];
    const leaseToken = newId();
    const claimed = await this.db
      .updateTable('webhook_deliveries')
      .set({ lease_owner: owner, lease_token: leaseToken, lease_expires_at: leaseExpiresAt })
      .where('id', 'in', rows.map((r) => r.id))
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', now)]))
      .returningAll()
      .execute();
    return claimed.map((row) => ({ delivery: toRecord(row), leaseToken }));
  }

  async finish(id: string, leaseToken: string, update: DeliveryUpdate) {
    const result = await this.db
      .updateTable('webhook_deliveries')
      .set({ ...update, lease_owner: null, lease_token: null, lease_expires_at: null })
      .where('id', '=', id)
      .where('lease_token', '=', leaseToken)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertAttempt(attempt: NewAttempt) {
    await this.db
      .insertInto('webhook_delivery_attempts')
      .values({ ...attempt, response_truncated: attempt.response_truncated ? 1 : 0 })
      .execute();
  }

  async release(owner: string, ids: string[]) {
    for (const chunk of chunked(ids, INSERT_CHUNK)) {
      await this.db
        .updateTable('webhook_deliveries')
        .set({ lease_owner: null, lease_token: null, lease_expires_at: null })
        .where('lease_owner', '=', owner)
        .where('id', 'in', chunk)
        .execute();
    }
  }

  async get(workspaceId: string, id: string) {
    const row = await this.db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async list(workspaceId: string, endpointId: string, filter: DeliveryFilter, after: string | null, limit: number, order: 'asc' | 'desc' = 'asc') {
    let q = this.db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('endpoint_id', '=', endpointId);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.eventType) q = q.where('event_type', '=', filter.eventType);
    if (filter.since) q = q.where('created_at', '>=', filter.since);
    if (filter.until) q = q.where('created_at', '<', filter.until);
    if (after) q = q.where('id', order === 'asc' ? '>' : '<', after);
    return (await q.orderBy('id', order).limit(limit).execute()).map(toRecord);
  }

  async forEvents(workspaceId: string, eventIds: string[]) {
    if (!eventIds.length) return [];
    const rows = await this.db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('event_id', 'in', eventIds).orderBy('id').execute();
    return rows.map(toRecord);
  }

  async attempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    const rows = await this.db
      .selectFrom('webhook_delivery_attempts')
      .select(['id', 'started_at', 'status_code', 'latency_ms', 'error', 'response_body', 'response_truncated'])
      .where('delivery_id', '=', deliveryId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, response_truncated: r.response_truncated === 1 }));
  }

  async requeue(workspaceId: string, endpointId: string, events: { id: string; type: string }[], now: string) {
    for (const chunk of chunked(events, INSERT_CHUNK)) {
      await this.db
        .insertInto('webhook_deliveries')
        .values(chunk.map((e) => ({ id: newId(), workspace_id: workspaceId, endpoint_id: endpointId, event_id: e.id, event_type: e.type, status: 'pending', attempt_count: 0, schedule_step: 0, next_attempt_at: now, created_at: now, updated_at: now })))
        // An attempt in flight keeps its lease time (no other worker sends meanwhile) but loses
        // its token, so its outcome cannot overwrite the fresh schedule asked for here.
        .onConflict((oc) => oc.columns(['event_id', 'endpoint_id']).doUpdateSet({ status: 'pending', schedule_step: 0, next_attempt_at: now, updated_at: now, lease_owner: null, lease_token: null }))
        .execute();
    }
    return events.length;
  }
}

function toRecord(row: Selectable<WebhookDeliveriesTable>): DeliveryRecord {
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    endpoint_id: row.endpoint_id,
    event_id: row.event_id,
    event_type: row.event_type,
    status: row.status as DeliveryStatus,
    attempt_count: row.attempt_count,
    schedule_step: row.schedule_step,
    next_attempt_at: row.next_attempt_at,
    last_attempt_at: row.last_attempt_at,
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
