// Workflows: CRUD, with the same in-use rule as agents.
import { recordChange, type Context } from '../audit/record.ts';
import { authorize } from '../authorization/authorize.ts';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Page, Store } from '../ports.ts';
import { toPage } from '../shared/pagination.ts';
import { assertVersion, type VersionCondition } from '../shared/versions.ts';
import { checkEndpoint, deleteTarget } from '../shared/targets.ts';
import type { Workflow, WorkflowPatch } from './schema.ts';

export class WorkflowService {
  constructor(
    private readonly store: Store,
    private readonly now: () => string,
  ) {}

  async create(ctx: Context, input: WorkflowPatch & { name: string }): Promise<Workflow> {
    authorize(ctx, 'workflows:write');
    const now = this.now();
    const workflow: Workflow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      user_id: ctx.actor.userId,
      name: input.name,
      description: input.description ?? null,
      endpoint: input.endpoint ?? null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    validate(workflow);
    return this.store.transaction(async (tx) => {
      await tx.workflows.insert(workflow);
      await recordChange(tx, ctx, { type: 'workflow.created', objectType: 'workflow', objectId: workflow.id, before: null, after: workflow }, now);
      return workflow;
    });
  }

  async get(ctx: Context, id: string): Promise<Workflow> {
    authorize(ctx, 'workflows:read');
    const workflow = await this.store.workflows.get(ctx.actor.workspaceId, id);
    if (!workflow) throw new NotFoundError('workflow', id);
    return workflow;
  }

  /** Names by id, for faces that show a number's targets by name (workflows:read). Unknown ids are left out. */
  async names(ctx: Context, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
    authorize(ctx, 'workflows:read');
    return this.store.workflows.names(ctx.actor.workspaceId, [...new Set(ids.filter((id): id is string => !!id))]);
  }

  async list(ctx: Context, after: string | null, limit: number): Promise<Page<Workflow>> {
    authorize(ctx, 'workflows:read');
    return toPage(await this.store.workflows.list(ctx.actor.workspaceId, after, limit + 1), limit);
  }

  async update(ctx: Context, id: string, patch: WorkflowPatch, ifVersion?: VersionCondition): Promise<Workflow> {
    authorize(ctx, 'workflows:write');
    return this.store.transaction(async (tx) => {
      const current = await tx.workflows.get(ctx.actor.workspaceId, id);
      if (!current) throw new NotFoundError('workflow', id);
      assertVersion(ifVersion, current.version);
      const next: Workflow = {
        ...current,
        name: patch.name ?? current.name,
        description: patch.description === undefined ? current.description : patch.description,
        endpoint: patch.endpoint === undefined ? current.endpoint : patch.endpoint,
        version: current.version + 1,
        updated_at: this.now(),
      };
      validate(next);
      if (!(await tx.workflows.update(next, current.version))) throw new PreconditionFailedError(current.version + 1);
      await recordChange(tx, ctx, { type: 'workflow.updated', objectType: 'workflow', objectId: id, before: current, after: next }, next.updated_at);
      return next;
    });
  }

  /** 409 while numbers route to it, unless `detach`: then those references are cleared. Returns the workflow as it was. */
  async delete(ctx: Context, id: string, detach: boolean, ifVersion?: VersionCondition): Promise<Workflow> {
    authorize(ctx, 'workflows:write');
    return deleteTarget(this.store, ctx, 'workflow', id, { detach, ifVersion }, this.now);
  }

}

function validate(workflow: Workflow): void {
  const issues = workflow.endpoint ? checkEndpoint(workflow.endpoint, 'endpoint') : [];
  if (issues.length) throw new ValidationError(issues);
}
