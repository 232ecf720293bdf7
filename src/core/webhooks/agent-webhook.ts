// An agent's webhook (the Vocode agent's {url, method, subscriptions}) IS one webhook endpoint,
// scoped to the agent (agent_id). The agent's `webhook` is the stored view and owns the
// endpoint's url, method, event_types and enabled: the agent service keeps the endpoint in step
// in the same transaction as every agent write, and the native API refuses (409) changes to
// those fields of the endpoint (headers, filter, description and the secret stay its own).
//
// Subscriptions are Vocode event names (event_message …), mapped to catalogue types, or catalogue
// types and patterns as they are. Empty subscriptions subscribe to nothing: the endpoint exists
// (same id, same secret) but is disabled, since an endpoint's empty event_types means every event.
import { recordChange, type Context } from '../audit/record.ts';
import { ConflictError, PreconditionFailedError, type FieldIssue } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Repos, SecretBox } from '../ports.ts';
import type { Agent } from '../agents/schema.ts';
import { eventTypeProblem } from './event-types.ts';
import { webhookDefaults, type WebhookEndpoint, type WebhookEndpointPatch } from './schema.ts';
import { sealNew } from './signing-secret.ts';

const OBJECT = 'webhook_endpoint';

/** Vocode's agent webhook events and the catalogue event each one is. */
export const VOCODE_AGENT_EVENTS = {
  event_message: 'phone_call.message',
  event_action: 'phone_call.action',
  event_phone_call_connected: 'phone_call.started',
  event_phone_call_ended: 'phone_call.ended',
  event_phone_call_did_not_connect: 'phone_call.did_not_connect',
  event_transcript: 'phone_call.transcript',
  event_recording: 'phone_call.recording',
  event_human_detection: 'phone_call.human_detection',
} as const satisfies Record<string, string>;
export type VocodeAgentEvent = keyof typeof VOCODE_AGENT_EVENTS;

const canonical = (name: string) => name.replace(':', '.');
const VOCODE_OF = new Map(Object.entries(VOCODE_AGENT_EVENTS).map(([vocode, type]) => [canonical(type), vocode as VocodeAgentEvent]));
const isVocodeEvent = (s: string): s is VocodeAgentEvent => Object.hasOwn(VOCODE_AGENT_EVENTS, s);

/** Why a subscription is neither a Vocode event name nor a catalogue event type or pattern; null if fine. */
export function subscriptionProblem(subscription: string): string | null {
  if (isVocodeEvent(subscription)) return null;
  const problem = eventTypeProblem(subscription);
  return problem && `${JSON.stringify(subscription)} is not a Vocode event name (${Object.keys(VOCODE_AGENT_EVENTS).join(', ')}) or a catalogue event type: it ${problem}`;
}

export function checkSubscriptions(subscriptions: readonly string[], field: string): FieldIssue[] {
  return subscriptions.flatMap((s, i) => {
    const problem = subscriptionProblem(s);
    return problem ? [{ field: `${field}[${i}]`, message: problem }] : [];
  });
}

/** The endpoint's event_types for these subscriptions, in order, without repeats (entries that are neither are skipped). */
export function eventTypesOf(subscriptions: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of subscriptions) {
    const type = isVocodeEvent(s) ? VOCODE_AGENT_EVENTS[s] : eventTypeProblem(s) === null ? s : null;
    if (type !== null && !out.includes(type)) out.push(type);
  }
  return out;
}

/** The subscriptions as Vocode names, for the Vocode face: catalogue types it has a name for are shown by it; others are left out. */
export function vocodeSubscriptions(subscriptions: readonly string[]): VocodeAgentEvent[] {
  const out: VocodeAgentEvent[] = [];
  for (const s of subscriptions) {
    const name = isVocodeEvent(s) ? s : VOCODE_OF.get(canonical(s));
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

type Managed = Pick<WebhookEndpoint, 'url' | 'method' | 'event_types' | 'enabled'>;

/** What the agent's webhook makes of its endpoint's fields. */
export function managedFields(webhook: NonNullable<Agent['webhook']>): Managed {
  const eventTypes = eventTypesOf(webhook.subscriptions ?? []);
  return { url: webhook.url, method: webhook.method ?? 'POST', event_types: eventTypes, enabled: eventTypes.length > 0 };
}

/** The endpoint of an agent's webhook, if it has one. */
export async function agentWebhookEndpoint(repos: Repos, workspaceId: string, agentId: string): Promise<WebhookEndpoint | undefined> {
  const [found] = await repos.webhooks.list(workspaceId, { agentId }, null, 1);
  return found;
}

/**
 * Inside the agent's transaction: its endpoint becomes what `agent.webhook` says. Created (with a
 * new signing secret, never shown here: rotate it natively to get one) when the agent has a
 * webhook and no endpoint, updated when a managed field differs, deleted when the webhook is null.
 * Each change is audited. Saving a webhook with subscriptions enables the endpoint again.
 */
export async function syncAgentWebhook(repos: Repos, ctx: Context, agent: Agent, now: string, secrets: SecretBox): Promise<WebhookEndpoint | null> {
  const ws = ctx.actor.workspaceId;
  const current = await agentWebhookEndpoint(repos, ws, agent.id);
  if (!agent.webhook) {
    if (current) await deleteEndpoint(repos, ctx, current, now);
    return null;
  }
  const wanted = managedFields(agent.webhook);
  if (!current) {
    const endpoint: WebhookEndpoint = {
      id: newId(),
      workspace_id: ws,
      ...webhookDefaults(),
      ...wanted,
      phone_number_id: null,
      agent_id: agent.id,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repos.webhooks.insert(endpoint, sealNew(secrets).sealed, null);
    await recordChange(repos, ctx, { type: `${OBJECT}.created`, objectType: OBJECT, objectId: endpoint.id, before: null, after: endpoint }, now);
    return endpoint;
  }
  const same = (Object.keys(wanted) as (keyof Managed)[]).every((k) => JSON.stringify(current[k]) === JSON.stringify(wanted[k]));
  if (same) return current;
  const next: WebhookEndpoint = { ...current, ...wanted, version: current.version + 1, updated_at: now };
  if (!(await repos.webhooks.update(next, current.version))) throw new PreconditionFailedError(current.version + 1);
  await recordChange(repos, ctx, { type: `${OBJECT}.updated`, objectType: OBJECT, objectId: next.id, before: current, after: next }, now);
  return next;
}

/** Inside the agent's transaction, when the agent is deleted: its endpoint goes with it. */
export async function deleteAgentWebhook(repos: Repos, ctx: Context, agentId: string, now: string): Promise<void> {
  const current = await agentWebhookEndpoint(repos, ctx.actor.workspaceId, agentId);
  if (current) await deleteEndpoint(repos, ctx, current, now);
}

async function deleteEndpoint(repos: Repos, ctx: Context, endpoint: WebhookEndpoint, now: string): Promise<void> {
  await repos.webhooks.delete(ctx.actor.workspaceId, endpoint.id);
  await recordChange(repos, ctx, { type: `${OBJECT}.deleted`, objectType: OBJECT, objectId: endpoint.id, before: endpoint, after: null }, now);
}

const viaAgent = (endpoint: WebhookEndpoint) =>
  `change it through the agent (PATCH /v1/agents/${endpoint.agent_id} {"webhook": …}, or the Vocode agent's webhook)`;

/**
 * A native change to an agent's endpoint: 409 when it would change what the agent's webhook owns
 * (url, method, event_types, the number scope), or enable an endpoint whose agent webhook
 * subscribes to nothing (its empty event_types would select every event). Headers, filter,
 * description, disabling and the secret are the endpoint's own.
 */
export function assertAgentEndpointPatch(current: WebhookEndpoint, next: WebhookEndpoint, patch: WebhookEndpointPatch): void {
  if (current.agent_id === null) return;
  const owned = (['url', 'method', 'event_types', 'phone_number_id'] as const).filter((k) => patch[k] !== undefined && JSON.stringify(next[k]) !== JSON.stringify(current[k]));
  const issues: FieldIssue[] = owned.map((field) => ({ field, message: `is set by the webhook of agent ${current.agent_id}` }));
  if (next.enabled && !current.enabled && next.event_types.length === 0) {
    issues.push({ field: 'enabled', message: `the webhook of agent ${current.agent_id} subscribes to no events: give it subscriptions instead` });
  }
  if (issues.length) throw new ConflictError(`this endpoint is the webhook of agent ${current.agent_id}: ${viaAgent(current)}`, issues);
}

/** A native delete of an agent's endpoint: 409, it goes when the agent's webhook is cleared or the agent deleted. */
export function assertAgentEndpointDelete(current: WebhookEndpoint): void {
  if (current.agent_id === null) return;
  throw new ConflictError(
    `this endpoint is the webhook of agent ${current.agent_id}: clear the agent's webhook (PATCH /v1/agents/${current.agent_id} {"webhook": null}) or delete the agent instead`,
    [{ field: 'agent_id', message: 'is set: the endpoint belongs to the agent' }],
  );
}
