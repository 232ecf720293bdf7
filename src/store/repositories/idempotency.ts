import type { Kysely } from 'kysely';
import type { IdempotencyRecord, IdempotencyRepo } from '../../core/ports.ts';
import { isUniqueViolation } from '../errors.ts';
import type { Database, IdempotencyKeysTable } from '../schema.ts';

const fromRow = (r: IdempotencyKeysTable): IdempotencyRecord => ({
  workspaceId: r.workspace_id,
  key: r.key,
  fingerprint: r.fingerprint,
  status: r.status === null ? null : Number(r.status),
  body: r.body,
  headers: r.headers,
  createdAt: r.created_at,
});

export class KyselyIdempotencyRepo implements IdempotencyRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(record: IdempotencyRecord) {
    try {
      await this.db
        .insertInto('idempotency_keys')
        .values({ workspace_id: record.workspaceId, key: record.key, fingerprint: record.fingerprint, status: null, body: null, headers: null, created_at: record.createdAt })
        .execute();
      return undefined;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const row = await this.db.selectFrom('idempotency_keys').selectAll().where('workspace_id', '=', record.workspaceId).where('key', '=', record.key).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async complete(workspaceId: string, key: string, status: number, body: string, headers: string) {
    await this.db.updateTable('idempotency_keys').set({ status, body, headers }).where('workspace_id', '=', workspaceId).where('key', '=', key).execute();
  }

  async release(workspaceId: string, key: string) {
    await this.db.deleteFrom('idempotency_keys').where('workspace_id', '=', workspaceId).where('key', '=', key).execute();
  }

  async purgeBefore(createdAt: string) {
    await this.db.deleteFrom('idempotency_keys').where('created_at', '<', createdAt).execute();
  }
}
