// Agents: CRUD. An agent that numbers route to cannot be deleted unless the caller asks
// to detach it, which clears those references in the same transaction. An agent's webhook is a
// webhook endpoint (agent_id = the agent), kept in step in the same transaction as every agent
// write (see ../webhooks/agent-webhook.ts).
import { recordChange, type Context } from '../audit/record.ts';
import { authorize, can } from '../authorization/authorize.ts';
import { NotFoundError, PreconditionFailedError, ValidationError, type FieldIssue } from '../errors.ts';
import { newId } from '../ids.ts';
import type { DestinationPolicy, Page, SecretBox, Store } from '../ports.ts';
import { mergePatch } from '../shared/merge-patch.ts';
import { toPage } from '../shared/pagination.ts';
import { assertVersion, type VersionCondition } from '../shared/versions.ts';
import { checkEndpoint, deleteTarget } from '../shared/targets.ts';
import { agentWebhookEndpoint, checkSubscriptions, deleteAgentWebhook, syncAgentWebhook } from '../webhooks/agent-webhook.ts';
import { checkWebhookFields } from '../webhooks/rules.ts';
import type { WebhookEndpoint } from '../webhooks/schema.ts';
import { agentDefaults, type Agent, type AgentPatch, type AgentView } from './schema.ts';

/** The agent as this caller may see it: its webhook is a subscription (webhooks:read). */
function viewFor(ctx: Context, agent: Agent): AgentView {
  if (can(ctx, 'webhooks:read')) return agent;
  const { webhook: _hidden, ...rest } = agent;
  return rest;
}

export class AgentService {
  constructor(
    private readonly store: Store,
    private readonly now: () => string,
    private readonly secrets: SecretBox,
    private readonly destinations: DestinationPolicy,
  ) {}

  /**
   * What writing this input needs: agents:write, and webhooks:write when it writes the agent's
   * webhook (a non-null one on create; any, null too, on update). Faces call it to refuse before
   * other work; create and update call it too.
   */
  authorizeWrite(ctx: Context, input: AgentPatch, creating: boolean): void {
    authorize(ctx, 'agents:write');
    if (creating ? input.webhook != null : input.webhook !== undefined) authorize(ctx, 'webhooks:write', 'write the agent\'s webhook');
  }

  async create(ctx: Context, input: AgentPatch & { name: string }): Promise<AgentView> {
    this.authorizeWrite(ctx, input, true);
    const now = this.now();
    const agent: Agent = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      user_id: ctx.actor.userId,
      ...build(agentDefaults(), input),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    validate(agent, true);
    await this.checkDestination(input.webhook?.url);
    return this.store.transaction(async (tx) => {
      await tx.agents.insert(agent);
      await recordChange(tx, ctx, { type: 'agent.created', objectType: 'agent', objectId: agent.id, before: null, after: agent }, now);
      if (agent.webhook) await syncAgentWebhook(tx, ctx, agent, now, this.secrets);
      return viewFor(ctx, agent);
    });
  }

  async get(ctx: Context, id: string): Promise<AgentView> {
    authorize(ctx, 'agents:read');
    const agent = await this.store.agents.get(ctx.actor.workspaceId, id);
    if (!agent) throw new NotFoundError('agent', id);
    return viewFor(ctx, agent);
  }

  /** Names by id, for faces that show a number's targets by name (agents:read). Unknown ids are left out. */
  async names(ctx: Context, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
    authorize(ctx, 'agents:read');
    return this.store.agents.names(ctx.actor.workspaceId, [...new Set(ids.filter((id): id is string => !!id))]);
  }

  async list(ctx: Context, after: string | null, limit: number): Promise<Page<AgentView>> {
    authorize(ctx, 'agents:read');
    return toPage(await this.store.agents.list(ctx.actor.workspaceId, after, limit + 1), limit, (agent) => viewFor(ctx, agent));
  }

  /** The webhook endpoint that is this agent's webhook (webhooks:read); null when it has none. */
  async webhookEndpoint(ctx: Context, agentId: string): Promise<WebhookEndpoint | null> {
    authorize(ctx, 'webhooks:read');
    return (await agentWebhookEndpoint(this.store, ctx.actor.workspaceId, agentId)) ?? null;
  }

  async update(ctx: Context, id: string, patch: AgentPatch, ifVersion?: VersionCondition): Promise<AgentView> {
    this.authorizeWrite(ctx, patch, false);
    // A webhook URL the patch gives is checked before the transaction: it may wait on DNS. One
    // it keeps was checked when it was saved.
    if (patch.webhook) await this.checkDestination(patch.webhook.url);
    return this.store.transaction(async (tx) => {
      const current = await tx.agents.get(ctx.actor.workspaceId, id);
      if (!current) throw new NotFoundError('agent', id);
      assertVersion(ifVersion, current.version);
      const { id: _i, workspace_id: _w, user_id: _u, version: _v, created_at: _c, updated_at: _up, ...writable } = current;
      const next: Agent = { ...current, ...build(writable, patch), version: current.version + 1, updated_at: this.now() };
      // Subscriptions are checked when the webhook is written: one saved before they were is kept.
      validate(next, patch.webhook !== undefined);
      if (!(await tx.agents.update(next, current.version))) throw new PreconditionFailedError(current.version + 1);
      await recordChange(tx, ctx, { type: 'agent.updated', objectType: 'agent', objectId: id, before: current, after: next }, next.updated_at);
      if (patch.webhook !== undefined) await syncAgentWebhook(tx, ctx, next, next.updated_at, this.secrets);
      return viewFor(ctx, next);
    });
  }

  /** 409 while numbers route to it, unless `detach`: then those references are cleared. Its webhook endpoint goes with it. Returns the agent as it was. */
  async delete(ctx: Context, id: string, detach: boolean, ifVersion?: VersionCondition): Promise<AgentView> {
    authorize(ctx, 'agents:write');
    const deleted = await deleteTarget<Agent>(this.store, ctx, 'agent', id, { detach, ifVersion }, this.now, (tx, at) => deleteAgentWebhook(tx, ctx, id, at));
    return viewFor(ctx, deleted);
  }

  /** A webhook URL that is well-formed, then one the destination policy allows (SSRF). */
  private async checkDestination(url: string | undefined): Promise<void> {
    if (url === undefined) return;
    const malformed = checkWebhookFields({ url }, 'webhook.');
    const issues = malformed.length ? malformed : await this.destinations.check(url, 'webhook.url');
    if (issues.length) throw new ValidationError(issues);
  }

}

/** Merge patch onto the writable fields; actions get ids so vendor faces can show them. */
function build(base: Omit<Agent, 'id' | 'workspace_id' | 'user_id' | 'version' | 'created_at' | 'updated_at'> | ReturnType<typeof agentDefaults>, patch: AgentPatch) {
  // voice and actions are left out of the merge (not set to undefined, which would drop them).
  const { voice: _voice, actions: _actions, ...plain } = patch;
  const merged = { ...agentDefaults(), ...(mergePatch(base, plain) as object) } as Agent;
  if (patch.voice !== undefined) merged.voice = patch.voice; // replaced whole: a voice is one provider's settings
  if (patch.actions !== undefined) merged.actions = (patch.actions ?? []).map((a) => ({ id: newId(), type: a.type, config: a.config ?? {}, ...(a.trigger ? { trigger: a.trigger } : {}) }));
  for (const [key, fallback] of Object.entries(agentDefaults())) {
    if ((merged as Record<string, unknown>)[key] === undefined) (merged as Record<string, unknown>)[key] = fallback;
  }
  return merged as Omit<Agent, 'id' | 'workspace_id' | 'user_id' | 'version' | 'created_at' | 'updated_at'>;
}

/** `webhookWritten`: the webhook is being written (created, patched), so it is checked. */
function validate(agent: Agent, webhookWritten: boolean): void {
  const issues: FieldIssue[] = [];
  if (agent.endpoint) issues.push(...checkEndpoint(agent.endpoint, 'endpoint'));
  // The webhook is checked when it is written (a stored one was checked then).
  if (agent.webhook && webhookWritten) {
    issues.push(...checkWebhookFields({ url: agent.webhook.url }, 'webhook.'));
    issues.push(...checkSubscriptions(agent.webhook.subscriptions ?? [], 'webhook.subscriptions'));
  }
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(agent.language)) issues.push({ field: 'language', message: 'must be a BCP 47 language tag such as en or en-US' });
  if (issues.length) throw new ValidationError(issues);
}
