// Webhook endpoints: the public object as `doc`, beside it the columns to select by, the sealed
// signing secrets and the sealed custom header values (never in `doc`, whose headers show only
// their names: so never in an answer or an audit event).
import type { Kysely } from 'kysely';
import type { StoredWebhookEndpoint, WebhookEndpointFilter, WebhookRepo } from '../../core/ports.ts';
import type { WebhookEndpoint } from '../../core/webhooks/schema.ts';
import type { SealedSigningSecrets } from '../../core/webhooks/signing-secret.ts';
import type { Database, WebhookEndpointsTable } from '../schema.ts';

const parse = (doc: string) => JSON.parse(doc) as WebhookEndpoint;

const STORED = ['doc', 'secret_sealed', 'previous_secret_sealed', 'previous_secret_expires_at', 'headers_sealed'] as const;

function toStored(row: Pick<WebhookEndpointsTable, (typeof STORED)[number]>): StoredWebhookEndpoint {
  return {
    endpoint: parse(row.doc),
    secrets: { current: row.secret_sealed, previous: row.previous_secret_sealed, previousExpiresAt: row.previous_secret_expires_at },
    sealedHeaders: row.headers_sealed,
  };
}

export class KyselyWebhookRepo implements WebhookRepo {
  constructor(private readonly db: Kysely<Database>) {}

  private scoped(workspaceId: string) {
    return this.db.selectFrom('webhook_endpoints').where('workspace_id', '=', workspaceId);
  }

  async get(workspaceId: string, id: string) {
    const row = await this.scoped(workspaceId).select('doc').where('id', '=', id).executeTakeFirst();
    return row && parse(row.doc);
  }

  async getStored(workspaceId: string, id: string): Promise<StoredWebhookEndpoint | undefined> {
    const row = await this.scoped(workspaceId).select(STORED).where('id', '=', id).executeTakeFirst();
    return row && toStored(row);
  }

  async list(workspaceId: string, filter: WebhookEndpointFilter, after: string | null, limit: number) {
    let q = this.scoped(workspaceId).select('doc');
    if (filter.phoneNumberId) q = q.where('phone_number_id', '=', filter.phoneNumberId);
    if (filter.agentId) q = q.where('agent_id', '=', filter.agentId);
    if (after) q = q.where('id', '>', after);
    const rows = await q.orderBy('id').limit(limit).execute();
    return rows.map((r) => parse(r.doc));
  }

  async listForNumbers(workspaceId: string, phoneNumberIds: string[]) {
    if (!phoneNumberIds.length) return [];
    const rows = await this.scoped(workspaceId).select('doc').where('phone_number_id', 'in', phoneNumberIds).orderBy('id').execute();
    return rows.map((r) => parse(r.doc));
  }

  async listStoredForNumber(workspaceId: string, phoneNumberId: string) {
    const rows = await this.scoped(workspaceId).select(STORED).where('phone_number_id', '=', phoneNumberId).orderBy('id').execute();
    return rows.map(toStored);
  }

  async listEnabled(workspaceIds: string[]) {
    if (!workspaceIds.length) return [];
    const rows = await this.db.selectFrom('webhook_endpoints').select('doc').where('workspace_id', 'in', workspaceIds).where('enabled', '=', 1).orderBy('id').execute();
    return rows.map((r) => parse(r.doc));
  }

  async markHealth(workspaceId: string, id: string, failing: boolean, now: string) {
    const scoped = this.db.updateTable('webhook_endpoints').where('workspace_id', '=', workspaceId).where('id', '=', id);
    if (!failing) {
      await scoped.where('failing_since', 'is not', null).set({ failing_since: null }).execute();
      return null;
    }
    await scoped.where('failing_since', 'is', null).set({ failing_since: now }).execute();
    const row = await this.db.selectFrom('webhook_endpoints').select('failing_since').where('id', '=', id).executeTakeFirst();
    return row?.failing_since ?? null;
  }

  async insert(endpoint: WebhookEndpoint, secrets: SealedSigningSecrets, sealedHeaders: string | null) {
    await this.db
      .insertInto('webhook_endpoints')
      .values({ id: endpoint.id, workspace_id: endpoint.workspace_id, created_at: endpoint.created_at, ...this.columns(endpoint), ...secretColumns(secrets), headers_sealed: sealedHeaders })
      .execute();
  }

  async update(endpoint: WebhookEndpoint, expectedVersion: number, sealed: { secrets?: SealedSigningSecrets; sealedHeaders?: string | null } = {}) {
    const result = await this.db
      .updateTable('webhook_endpoints')
      .set({
        ...this.columns(endpoint),
        ...(sealed.secrets ? secretColumns(sealed.secrets) : {}),
        ...(sealed.sealedHeaders !== undefined ? { headers_sealed: sealed.sealedHeaders } : {}),
        // Saving an enabled endpoint (re-enabling it, fixing its URL) starts its failure clock afresh.
        ...(endpoint.enabled ? { failing_since: null } : {}),
      })
      .where('workspace_id', '=', endpoint.workspace_id)
      .where('id', '=', endpoint.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async delete(workspaceId: string, id: string) {
    const result = await this.db.deleteFrom('webhook_endpoints').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  private columns(endpoint: WebhookEndpoint) {
    return {
      phone_number_id: endpoint.phone_number_id,
      agent_id: endpoint.agent_id,
      enabled: endpoint.enabled ? 1 : 0,
      doc: JSON.stringify(endpoint),
      version: endpoint.version,
      updated_at: endpoint.updated_at,
    };
  }
}

function secretColumns(secrets: SealedSigningSecrets) {
  return { secret_sealed: secrets.current, previous_secret_sealed: secrets.previous, previous_secret_expires_at: secrets.previousExpiresAt };
}
