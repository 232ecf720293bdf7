// Workspaces, users and API keys.
import type { Kysely } from 'kysely';
import type { ApiKeyRecord, Scope } from '../../core/api-keys/model.ts';
import type { ApiKeyRepo, UserRepo, WorkspaceRepo } from '../../core/ports.ts';
import type { User, Workspace } from '../../core/workspaces/model.ts';
import { isUniqueViolation } from '../errors.ts';
import type { ApiKeysTable, Database } from '../schema.ts';
import { PrecompiledQuery } from './precompiled.ts';

export class KyselyWorkspaceRepo implements WorkspaceRepo {
  constructor(private readonly db: Kysely<Database>) {}

  get(id: string) {
    return this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst() as Promise<Workspace | undefined>;
  }

  async insert(workspace: Workspace) {
    await this.db.insertInto('workspaces').values(workspace).execute();
  }

  async list(after: string | null, limit: number) {
    let q = this.db.selectFrom('workspaces').selectAll();
    if (after) q = q.where('id', '>', after);
    return q.orderBy('id').limit(limit).execute();
  }

  async count() {
    const row = await this.db.selectFrom('workspaces').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async claimBootstrap(at: string) {
    try {
      await this.db.insertInto('deployment_state').values({ key: 'bootstrapped', value: 'true', created_at: at }).execute();
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}

export class KyselyUserRepo implements UserRepo {
  constructor(private readonly db: Kysely<Database>) {}

  get(workspaceId: string, id: string) {
    return this.db.selectFrom('users').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst() as Promise<User | undefined>;
  }

  async insert(user: User) {
    await this.db.insertInto('users').values(user).execute();
  }

  list(workspaceId: string) {
    return this.db.selectFrom('users').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute() as Promise<User[]>;
  }
}

const BY_PREFIX = new PrecompiledQuery((db: Kysely<Database>, prefix: string) => db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix));

const keyFromRow = (row: ApiKeysTable): ApiKeyRecord => ({ ...row, scopes: JSON.parse(row.scopes) as Scope[] });

export class KyselyApiKeyRepo implements ApiKeyRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  /** Every request without a cached key runs this one. */
  async findByPrefix(prefix: string) {
    return (await BY_PREFIX.execute(this.db, this.dialect, prefix)).map(keyFromRow);
  }

  async get(workspaceId: string, id: string) {
    const row = await this.db.selectFrom('api_keys').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && keyFromRow(row);
  }

  async getAnyWorkspace(id: string) {
    const row = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row && keyFromRow(row);
  }

  async insert(key: ApiKeyRecord) {
    await this.db.insertInto('api_keys').values({ ...key, scopes: JSON.stringify(key.scopes) }).execute();
  }

  async revoke(workspaceId: string, id: string, at: string) {
    const result = await this.db.updateTable('api_keys').set({ revoked_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async touch(id: string, at: string) {
    await this.db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async list(workspaceId: string, after: string | null, limit: number) {
    let q = this.db.selectFrom('api_keys').selectAll().where('workspace_id', '=', workspaceId);
    if (after) q = q.where('id', '>', after);
    return (await q.orderBy('id').limit(limit).execute()).map(keyFromRow);
  }
}
