// Workspaces (tenants) and their users. Creating a workspace also creates its first user
// and an admin key, so the new tenant can be used at once.
import { issueKey, type IssuedKey } from '../api-keys/service.ts';
import type { Scope } from '../api-keys/model.ts';
import { recordChange, type Context } from '../audit/record.ts';
import { authorize, can, operatorContext } from '../authorization/authorize.ts';
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

/**
 * Who asks for a deployment-wide operation: an API context (which needs the operator scope), or
 * null for the operator at the machine (the CLI) and the server's own bootstrap.
 */
export type DeploymentCaller = Context | null;

export class WorkspaceService {
  constructor(
    private readonly store: Store,
    private readonly now: () => string,
  ) {}

  async create(by: DeploymentCaller, input: { name: string; userName?: string; scopes?: Scope[] }): Promise<NewWorkspace> {
    if (by) authorize(by, 'operator', 'create workspaces');
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

  /** The caller's own workspace; another one only for the operator (404 otherwise: its existence is not revealed). */
  async get(by: DeploymentCaller, id: string): Promise<Workspace> {
    const workspace = by && by.actor.workspaceId !== id && !can(by, 'operator') ? undefined : await this.store.workspaces.get(id);
    if (!workspace) throw new NotFoundError('workspace', id);
    return workspace;
  }

  async list(by: DeploymentCaller, after: string | null, limit: number): Promise<Page<Workspace>> {
    if (by) authorize(by, 'operator', 'list workspaces');
    return toPage(await this.store.workspaces.list(after, limit + 1), limit);
  }

  /** A user of the caller's workspace. */
  async getUser(ctx: Context, id: string): Promise<User | undefined> {
    return this.store.users.get(ctx.actor.workspaceId, id);
  }

  /** The first user of the caller's workspace (every workspace is created with one); null if it has none. */
  async firstUserId(ctx: Context): Promise<string | null> {
    return (await this.store.users.list(ctx.actor.workspaceId))[0]?.id ?? null;
  }

  private async createIn(tx: Repos, input: { name: string; userName?: string; scopes?: Scope[] }, by: DeploymentCaller): Promise<NewWorkspace> {
    const now = this.now();
    const workspace: Workspace = { id: newId(), name: input.name, created_at: now };
    await tx.workspaces.insert(workspace);
    const user: User = { id: newId(), workspace_id: workspace.id, name: input.userName ?? 'admin', created_at: now };
    await tx.users.insert(user);
    const apiKey = await issueKey(tx, { workspaceId: workspace.id, userId: user.id, name: 'first admin key', scopes: input.scopes ?? ['admin'] }, now);
    // Recorded in the new workspace, as done by whoever asked (the operator when no key did).
    const ctx: Context = by
      ? { actor: { ...by.actor, workspaceId: workspace.id }, scopes: by.scopes, requestId: by.requestId ?? null }
      : operatorContext(workspace.id);
    await recordChange(tx, ctx, { type: 'workspace.created', objectType: 'workspace', objectId: workspace.id, before: null, after: workspace }, now);
    await recordChange(tx, ctx, { type: 'api_key.created', objectType: 'api_key', objectId: apiKey.key.id, before: null, after: apiKey.key }, now);
    return { workspace, user, apiKey };
  }
}
