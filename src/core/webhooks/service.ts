// Webhook subscriptions: native CRUD, signing secrets (shown once, rotatable with an overlap),
// custom header values (write-only, see headers.ts), and the per-number lists the VoiceOS face
// replaces. Delivery lives elsewhere; it reads the endpoints and signingSecrets() from here.
import { recordChange, type Context } from '../audit/record.ts';
import { authorize } from '../authorization/authorize.ts';
import { NotFoundError, PreconditionFailedError, ValidationError, type FieldIssue } from '../errors.ts';
import { newId } from '../ids.ts';
import type { DestinationPolicy, Page, Repos, SecretBox, Store, StoredWebhookEndpoint, WebhookEndpointFilter } from '../ports.ts';
import { isPlainObject } from '../shared/merge-patch.ts';
import { toPage } from '../shared/pagination.ts';
import { assertVersion, type VersionCondition } from '../shared/versions.ts';
import { sameJson } from '../shared/same-json.ts';
import { assertAgentEndpointDelete, assertAgentEndpointPatch } from './agent-webhook.ts';
import { maskHeaders, mergeHeaders, openHeaders, sealHeaders, unmaskHeaders, type Headers } from './headers.ts';
import { checkWebhookFields } from './rules.ts';
import { webhookDefaults, type WebhookEndpoint, type WebhookEndpointCreate, type WebhookEndpointInput, type WebhookEndpointPatch } from './schema.ts';
import { DEFAULT_OVERLAP_SECONDS, rotated, sealNew, validSecrets } from './signing-secret.ts';

/** An endpoint with a secret shown this once (create, rotate). */
export interface WithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

export interface Rotation extends WithSecret {
  /** When the previous secret stops signing; null when it already has. */
  previousSecretExpiresAt: string | null;
}

type Writable = ReturnType<typeof webhookDefaults> & { url: string };

const OBJECT = 'webhook_endpoint';

export class WebhookService {
  constructor(
    private readonly store: Store,
    private readonly secrets: SecretBox,
    private readonly now: () => string,
    private readonly destinations: DestinationPolicy,
  ) {}

  async create(ctx: Context, input: WebhookEndpointCreate): Promise<WithSecret> {
    authorize(ctx, 'webhooks:write');
    const ws = ctx.actor.workspaceId;
    const { headers, issues } = unmaskHeaders(input.headers ?? {}, {}, 'headers');
    const writable: Writable = { ...webhookDefaults(), ...definedOnly(input), url: input.url, headers, phone_number_id: input.phone_number_id?.toLowerCase() ?? null };
    assertValid([...issues, ...checkWebhookFields(writable)]);
    assertValid(await this.destinations.check(writable.url, 'url'));
    const now = this.now();
    const endpoint: WebhookEndpoint = { id: newId(), workspace_id: ws, ...writable, headers: maskHeaders(headers), agent_id: null, version: 1, created_at: now, updated_at: now };
    const { secret, sealed } = sealNew(this.secrets);
    await this.store.transaction(async (tx) => {
      await assertNumberOf(tx, ws, endpoint.phone_number_id);
      await tx.webhooks.insert(endpoint, sealed, sealHeaders(this.secrets, headers));
      await recordChange(tx, ctx, { type: `${OBJECT}.created`, objectType: OBJECT, objectId: endpoint.id, before: null, after: endpoint }, now);
    });
    return { endpoint, secret };
  }

  async get(ctx: Context, id: string): Promise<WebhookEndpoint> {
    authorize(ctx, 'webhooks:read');
    const found = await this.store.webhooks.get(ctx.actor.workspaceId, id);
    if (!found) throw new NotFoundError('webhook endpoint', id);
    return found;
  }

  async list(ctx: Context, filter: WebhookEndpointFilter, after: string | null, limit: number): Promise<Page<WebhookEndpoint>> {
    authorize(ctx, 'webhooks:read');
    return toPage(await this.store.webhooks.list(ctx.actor.workspaceId, filter, after, limit + 1), limit);
  }

  async listForNumbers(ctx: Context, phoneNumberIds: string[]): Promise<WebhookEndpoint[]> {
    authorize(ctx, 'webhooks:read');
    return this.store.webhooks.listForNumbers(ctx.actor.workspaceId, phoneNumberIds);
  }

  async update(ctx: Context, id: string, patch: WebhookEndpointPatch, ifVersion?: VersionCondition): Promise<WebhookEndpoint> {
    authorize(ctx, 'webhooks:write');
    const ws = ctx.actor.workspaceId;
    // Checked before the transaction: it may wait on DNS.
    if (patch.url) assertValid(await this.destinations.check(patch.url, 'url'));
    return this.store.transaction(async (tx) => {
      const stored = await this.stored(tx, ws, id, ifVersion);
      const current = stored.endpoint;
      const headers = openHeaders(this.secrets, stored.sealedHeaders);
      const patched = applyPatch(current, headers, patch);
      const next: WebhookEndpoint = { ...current, ...patched.fields, headers: maskHeaders(patched.fields.headers), version: current.version + 1, updated_at: this.now() };
      assertAgentEndpointPatch(current, next, patch);
      assertValid([...patched.issues, ...checkWebhookFields(patched.fields)]);
      if (next.phone_number_id !== current.phone_number_id) await assertNumberOf(tx, ws, next.phone_number_id);
      const headersChanged = !sameJson(headers, patched.fields.headers);
      const sealed = headersChanged ? { sealedHeaders: sealHeaders(this.secrets, patched.fields.headers) } : {};
      if (!(await tx.webhooks.update(next, current.version, sealed))) throw new PreconditionFailedError(current.version + 1);
      // A header whose value alone changed looks the same masked: the event still says it changed.
      await recordChange(tx, ctx, { type: `${OBJECT}.updated`, objectType: OBJECT, objectId: id, before: current, after: next, hiddenChanges: headersChanged ? ['headers'] : [] }, next.updated_at);
      return next;
    });
  }

  /** Returns the endpoint as it was. */
  async delete(ctx: Context, id: string, ifVersion?: VersionCondition): Promise<WebhookEndpoint> {
    authorize(ctx, 'webhooks:write');
    const ws = ctx.actor.workspaceId;
    return this.store.transaction(async (tx) => {
      const current = (await this.stored(tx, ws, id, ifVersion)).endpoint;
      assertAgentEndpointDelete(current);
      await tx.webhooks.delete(ws, id);
      await recordChange(tx, ctx, { type: `${OBJECT}.deleted`, objectType: OBJECT, objectId: id, before: current, after: null }, this.now());
      return current;
    });
  }

  /** A new secret, shown once; the old one keeps signing for `overlapSeconds`. */
  async rotateSecret(ctx: Context, id: string, overlapSeconds = DEFAULT_OVERLAP_SECONDS, ifVersion?: VersionCondition): Promise<Rotation> {
    authorize(ctx, 'webhooks:write');
    const ws = ctx.actor.workspaceId;
    return this.store.transaction(async (tx) => {
      const stored = await this.stored(tx, ws, id, ifVersion);
      const current = stored.endpoint;
      const now = this.now();
      const { secret, sealed } = rotated(this.secrets, stored.secrets, now, overlapSeconds);
      const next: WebhookEndpoint = { ...current, version: current.version + 1, updated_at: now };
      if (!(await tx.webhooks.update(next, current.version, { secrets: sealed }))) throw new PreconditionFailedError(current.version + 1);
      // The audit event says that the secret changed, never what it is.
      await recordChange(tx, ctx, { type: `${OBJECT}.updated`, objectType: OBJECT, objectId: id, before: current, after: next, changes: ['secret'] }, now);
      return { endpoint: next, secret, previousSecretExpiresAt: sealed.previousExpiresAt };
    });
  }

  /** For the delivery worker: the endpoint with its sealed secrets. */
  getStored(workspaceId: string, id: string): Promise<StoredWebhookEndpoint | undefined> {
    return this.store.webhooks.getStored(workspaceId, id);
  }

  /** The secrets that sign a delivery made at `now`: the current one, then the previous one during its overlap. */
  signingSecrets(endpoint: StoredWebhookEndpoint, now: Date | string = this.now()): string[] {
    return validSecrets(this.secrets, endpoint.secrets, now);
  }

  /** Replaces every subscription scoped to one number with these, in one transaction. */
  async replaceForNumber(ctx: Context, phoneNumberId: string, inputs: WebhookEndpointInput[]): Promise<WebhookEndpoint[]> {
    authorize(ctx, 'webhooks:write');
    await assertValidWebhooks(inputs, this.destinations);
    return this.store.transaction(async (tx) => {
      if (!(await tx.phoneNumbers.get(ctx.actor.workspaceId, phoneNumberId))) throw new NotFoundError('phone number', phoneNumberId);
      return replaceNumberWebhooks(tx, ctx, phoneNumberId, inputs, this.now(), this.secrets);
    });
  }

  private async stored(tx: Repos, ws: string, id: string, ifVersion: VersionCondition | undefined): Promise<StoredWebhookEndpoint> {
    const stored = await tx.webhooks.getStored(ws, id);
    if (!stored) throw new NotFoundError('webhook endpoint', id);
    assertVersion(ifVersion, stored.endpoint.version);
    return stored;
  }
}

export async function assertValidWebhooks(inputs: WebhookEndpointInput[], destinations: DestinationPolicy): Promise<void> {
  assertValid(inputs.flatMap((input, i) => checkWebhookFields(input, `webhooks[${i}].`)));
  const found = await Promise.all(inputs.map((input, i) => destinations.check(input.url, `webhooks[${i}].url`)));
  assertValid(found.flat());
}

/**
 * Inside a transaction: the number's subscriptions become exactly `inputs`, each change audited.
 * Subscriptions that a client sends again unchanged are kept (same id, same secret), so a VoiceOS
 * client re-sending its list does not churn them; only those kept in the order given can stay,
 * because a number's subscriptions are listed in creation order. A header value sent as the mask
 * (as reads show it) keeps the subscription's stored value, so what a client read and sends back
 * counts as unchanged; for a subscription made anew it is the value of that header of the
 * number's subscription to the same URL (the first one that has it).
 */
export async function replaceNumberWebhooks(repos: Repos, ctx: Context, phoneNumberId: string, inputs: WebhookEndpointInput[], now: string, secrets: SecretBox): Promise<WebhookEndpoint[]> {
  const ws = ctx.actor.workspaceId;
  const existing = (await repos.webhooks.listStoredForNumber(ws, phoneNumberId)).map((s) => ({ endpoint: s.endpoint, headers: openHeaders(secrets, s.sealedHeaders) }));
  const wanted = inputs.map((input, i) => {
    const sameUrl = existing.filter((e) => e.endpoint.url === input.url).map((e) => e.headers);
    const { headers, issues } = unmaskHeaders(input.headers ?? {}, firstOfEach(sameUrl), `webhooks[${i}].headers`);
    return { sent: input, input: { ...input, headers }, issues };
  });
  assertValid(wanted.flatMap((w) => w.issues));
  const kept: WebhookEndpoint[] = [];
  let lastId = '';
  for (const { sent } of wanted) {
    const same = existing.find((e) => e.endpoint.id > lastId && sameSubscription(e.endpoint, e.headers, sent));
    if (!same) break;
    kept.push(same.endpoint);
    lastId = same.endpoint.id;
  }
  for (const { endpoint } of existing.filter((e) => !kept.includes(e.endpoint))) {
    await repos.webhooks.delete(ws, endpoint.id);
    await recordChange(repos, ctx, { type: `${OBJECT}.deleted`, objectType: OBJECT, objectId: endpoint.id, before: endpoint, after: null }, now);
  }
  const result = [...kept];
  for (const { input } of wanted.slice(kept.length)) {
    const headers = input.headers;
    const endpoint: WebhookEndpoint = {
      id: newId(),
      workspace_id: ws,
      ...webhookDefaults(),
      ...definedOnly(input),
      url: input.url,
      headers: maskHeaders(headers),
      phone_number_id: phoneNumberId,
      agent_id: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repos.webhooks.insert(endpoint, sealNew(secrets).sealed, sealHeaders(secrets, headers));
    await recordChange(repos, ctx, { type: `${OBJECT}.created`, objectType: OBJECT, objectId: endpoint.id, before: null, after: endpoint }, now);
    result.push(endpoint);
  }
  return result;
}

/** Header maps merged so that the first to have a header (its name in any case) gives its value. */
function firstOfEach(maps: Headers[]): Headers {
  const out: Headers = {};
  const seen = new Set<string>();
  for (const map of maps) {
    for (const [name, value] of Object.entries(map)) {
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      out[name] = value;
    }
  }
  return out;
}

/**
 * The fields a face sent are what the subscription has (fields it cannot send are not compared);
 * the headers sent, masked values taken from this subscription's, are its stored `headers`.
 */
function sameSubscription(endpoint: WebhookEndpoint, headers: Headers, input: WebhookEndpointInput): boolean {
  const wanted = { ...webhookDefaults(), ...definedOnly(input), url: input.url };
  const compared = ['url', 'method', 'event_types', 'filter', ...(['enabled', 'description'] as const).filter((k) => input[k] !== undefined)] as const;
  const sent = unmaskHeaders(input.headers ?? {}, headers, 'headers');
  return !sent.issues.length && JSON.stringify(headers) === JSON.stringify(sent.headers) && compared.every((k) => JSON.stringify(endpoint[k]) === JSON.stringify(wanted[k]));
}

/** Merge patch onto the writable fields (`headers` with their values): null = the default, headers merge key by key. */
function applyPatch(current: WebhookEndpoint, headers: Headers, patch: WebhookEndpointPatch): { fields: Writable; issues: FieldIssue[] } {
  const defaults = webhookDefaults();
  const next: Writable = {
    url: current.url,
    method: current.method,
    headers,
    event_types: current.event_types,
    phone_number_id: current.phone_number_id,
    filter: current.filter,
    enabled: current.enabled,
    description: current.description,
  };
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(patch) as [keyof Writable, unknown][]) {
    if (value === undefined) continue;
    if (key === 'headers' && isPlainObject(value)) {
      const merged = mergeHeaders(headers, value as Record<string, string | null>, 'headers');
      next.headers = merged.headers;
      issues.push(...merged.issues);
    } else (next as Record<string, unknown>)[key] = value === null ? (defaults as Record<string, unknown>)[key] ?? null : value;
  }
  next.phone_number_id = next.phone_number_id?.toLowerCase() ?? null;
  return { fields: next, issues };
}

/** A number of this workspace (held, not released), or 422 naming phone_number_id. */
async function assertNumberOf(repos: Repos, workspaceId: string, phoneNumberId: string | null): Promise<void> {
  if (phoneNumberId === null) return;
  if (!(await repos.phoneNumbers.get(workspaceId, phoneNumberId.toLowerCase()))) {
    throw new ValidationError([{ field: 'phone_number_id', message: 'is not a phone number of this workspace' }]);
  }
}

function assertValid(issues: FieldIssue[]): void {
  if (issues.length) throw new ValidationError(issues);
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
