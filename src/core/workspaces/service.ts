// Workspaces (tenants) and their users. Creating a workspace also creates its first user
// and an admin key, so the new tenant can be used at once.
import { issueKey, type IssuedKey } from '../api-keys/service.ts';
import type { Scope } from '../api-keys/model.ts';
import { recordChange, type Context } from '../audit/record.ts';
import { NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Page, Repos, Store } from '../ports.ts';
import { toPage } from '../shared/pagination.ts';
import type { User, Workspace } from './model.ts';

export interface NewWorkspace {
  workspace: Workspace;
  user: User;
  apiKey: IssuedKey;
}

export class WorkspaceService {
  constructor(
    private readonly store: Store,
    private readonly now: () => string,
  ) {}

  async create(input: { name: string; userName?: string; scopes?: Scope[] }, by: Context | null = null): Promise<NewWorkspace> {
    return this.store.transaction((tx) => this.createIn(tx, input, by));
  }

  /**
   * First start of a deployment: one workspace, one user, one admin+operator key.
   * Several servers may start at once on one Postgres: only one of them bootstraps.
   */
  async bootstrapIfEmpty(): Promise<NewWorkspace | undefined> {
    return this.store.transaction(async (tx) => {
      if ((await tx.workspaces.count()) > 0) return undefined;
      if (!(await tx.workspaces.claimBootstrap(this.now()))) return undefined;
      return this.createIn(tx, { name: 'Default workspace', userName: 'admin', scopes: ['admin', 'operator'] }, null);
    });
  }

  async get(id: string): Promise<Workspace> {
    const workspace = await this.store.workspaces.get(id);
    if (!workspace) throw new NotFoundError('workspace', id);
    return workspace;
  }

  async list(after: string | null, limit: number): Promise<Page<Workspace>> {
    return toPage(await this.store.workspaces.list(after, limit + 1), limit);
  }

  async getUser(workspaceId: string, id: string): Promise<User | undefined> {
    return this.store.users.get(workspaceId, id);
  }

  /** The workspace's first user (every workspace is created with one); null if it has none. */
  async firstUserId(workspaceId: string): Promise<string | null> {
    return (await this.store.users.list(workspaceId))[0]?.id ?? null;
  }

  private async createIn(tx: Repos, input: { name: string; userName?: string; scopes?: Scope[] }, by: Context | null): Promise<NewWorkspace> {
    const now = this.now();
    const workspace: Workspace = { id: newId(), name: input.name, created_at: now };
    await tx.workspaces.insert(workspace);
    const user: User = { id: newId(), workspace_id: workspace.id, name: input.userName ?? 'admin', created_at: now };
    await tx.users.insert(user);
    const apiKey = await issueKey(tx, { workspaceId: workspace.id, userId: user.id, name: 'first admin key', scopes: input.scopes ?? ['admin'] }, now);
    const ctx: Context = { actor: { workspaceId: workspace.id, userId: by?.actor.userId ?? null, apiKeyId: by?.actor.apiKeyId ?? null, type: by?.actor.type ?? 'operator' }, requestId: by?.requestId ?? null };
    await recordChange(tx, ctx, { type: 'workspace.created', objectType: 'workspace', objectId: workspace.id, before: null, after: workspace }, now);
    await recordChange(tx, ctx, { type: 'api_key.created', objectType: 'api_key', objectId: apiKey.key.id, before: null, after: apiKey.key }, now);
    return { workspace, user, apiKey };
  }
}
