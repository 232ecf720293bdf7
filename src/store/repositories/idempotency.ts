import type { Kysely } from 'kysely';
import type { IdempotencyRecord, IdempotencyRepo, IdempotencyScope } from '../../core/ports.ts';
import { isUniqueViolation } from '../errors.ts';
import type { Database, IdempotencyKeysTable } from '../schema.ts';

const fromRow = (r: IdempotencyKeysTable): IdempotencyRecord => ({
  workspaceId: r.workspace_id,
  apiKeyId: r.api_key_id,
  method: r.method,
  route: r.route,
  key: r.key,
  fingerprint: r.fingerprint,
  status: r.status === null ? null : Number(r.status),
  body: r.body,
  headers: r.headers,
  createdAt: r.created_at,
});

const scopeColumns = (s: IdempotencyScope) => ({ workspace_id: s.workspaceId, api_key_id: s.apiKeyId, method: s.method, route: s.route, key: s.key });

export class KyselyIdempotencyRepo implements IdempotencyRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(record: IdempotencyRecord) {
    try {
      await this.db
        .insertInto('idempotency_keys')
        .values({ ...scopeColumns(record), fingerprint: record.fingerprint, status: null, body: null, headers: null, created_at: record.createdAt })
        .execute();
      return undefined;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const row = await this.db.selectFrom('idempotency_keys').selectAll().where((eb) => eb.and(scopeColumns(record))).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async complete(scope: IdempotencyScope, status: number, body: string, headers: string) {
    await this.db.updateTable('idempotency_keys').set({ status, body, headers }).where((eb) => eb.and(scopeColumns(scope))).execute();
  }

  async release(scope: IdempotencyScope) {
    await this.db.deleteFrom('idempotency_keys').where((eb) => eb.and(scopeColumns(scope))).execute();
  }

  async purgeBefore(createdAt: string) {
    await this.db.deleteFrom('idempotency_keys').where('created_at', '<', createdAt).execute();
  }
}
