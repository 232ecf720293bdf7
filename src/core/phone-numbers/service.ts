// Phone numbers: create, read, list, update (single and bulk), release.
import type { Context } from '../audit/record.ts';
import { recordChange } from '../audit/record.ts';
import { authorize, can } from '../authorization/authorize.ts';
import { ConflictError, NotFoundError, NumberHeldError, PreconditionFailedError, ValidationError, type FieldIssue } from '../errors.ts';
import { isUuid, newId } from '../ids.ts';
import type { DestinationPolicy, Page, PhoneNumberFilter, PhoneNumberOffsetPage, Repos, SecretBox, Store } from '../ports.ts';
import { toPage } from '../shared/pagination.ts';
import { assertVersion, type VersionCondition } from '../shared/versions.ts';
import { applyPatch } from './apply-patch.ts';
import { E164_HINT, parseE164, parseNumberRef } from './e164.ts';
import { type PhoneNumber, type PhoneNumberCreate, type PhoneNumberPatch, type StoredPhoneNumber } from './schema.ts';
import { pickWritable, toPublic } from './state.ts';
import { checkReferences } from './references.ts';
import { assertValidWebhooks, replaceNumberWebhooks } from '../webhooks/service.ts';
import type { WebhookEndpoint, WebhookEndpointInput } from '../webhooks/schema.ts';
import { bulkUpdate, type BulkItem, type BulkOptions, type BulkResult } from './bulk-update.ts';

const MAX_WRITE_ATTEMPTS = 8;

export interface WriteOptions {
  /** If-Match: the version(s) the caller last saw. */
  ifVersion?: VersionCondition;
  /** With update: the number's webhook subscriptions become exactly these, in the same transaction. */
  webhooks?: WebhookEndpointInput[];
}

export class PhoneNumberService {
  constructor(
    private readonly store: Store,
    private readonly secrets: SecretBox,
    private readonly now: () => string,
    private readonly destinations: DestinationPolicy,
  ) {}

  async create(ctx: Context, input: PhoneNumberCreate): Promise<PhoneNumber> {
    authorize(ctx, 'numbers:write');
    const ws = ctx.actor.workspaceId;
    const parsed = parseE164(input.number);
    const issues: FieldIssue[] = parsed ? [] : [{ field: 'number', message: E164_HINT }];
    const { number: _n, created_by_user_id, ...patch } = input;
    const applied = applyPatch(undefined, patch, this.secrets);
    issues.push(...applied.issues);
    const userId = created_by_user_id ?? ctx.actor.userId;
    if (created_by_user_id && !(await this.store.users.get(ws, created_by_user_id))) {
      issues.push({ field: 'created_by_user_id', message: 'is not a user of this workspace' });
    }
    issues.push(...(await checkReferences(this.store, ws, [applied.state])).get(0) ?? []);
    if (issues.length > 0 || !parsed) throw new ValidationError(issues);

    const now = this.now();
    const stored: StoredPhoneNumber = {
      id: newId(),
      workspace_id: ws,
      number: parsed.e164,
      country_code: parsed.countryCode,
      number_type: parsed.numberType,
      created_by_user_id: userId,
      ...applied.state,
      version: 1,
      created_at: now,
      updated_at: now,
      released_at: null,
    };
    try {
      return await this.store.transaction(async (tx) => {
        await tx.phoneNumbers.insert(stored);
        const view = toPublic(stored);
        await recordChange(tx, ctx, { type: 'phone_number.created', objectType: 'phone_number', objectId: stored.id, before: null, after: view }, now);
        return view;
      });
    } catch (err) {
      if (err instanceof NumberHeldError) throw await this.heldConflict(ws, stored.number);
      throw err;
    }
  }

  /**
   * Who holds a number that could not be added: this workspace (then say so, with its id, so a
   * retried create finds what it made) or another one (nothing about it: tenancy). Read after the
   * failed transaction, which Postgres has aborted.
   */
  private async heldConflict(workspaceId: string, e164: string): Promise<ConflictError> {
    const own = await this.store.phoneNumbers.getByNumber(workspaceId, e164);
    if (own) return new ConflictError(`${e164} is already in this workspace: phone number ${own.id}`, [{ field: 'number', message: `is already in this workspace (phone number ${own.id})` }]);
    return new ConflictError(`${e164} is held by another workspace`, [{ field: 'number', message: 'is held by another workspace; it must be released there before it can be added here' }]);
  }

  /** By id, or by number in any format parseNumberRef accepts (digits alone too). */
  async get(ctx: Context, idOrNumber: string): Promise<PhoneNumber> {
    authorize(ctx, 'numbers:read');
    return toPublic(await this.find(this.store, ctx.actor.workspaceId, idOrNumber));
  }

  /**
   * By number, with the number's webhook subscriptions, in one read. `webhooks` is null when the
   * caller may not read subscriptions (webhooks:read).
   */
  async getWithWebhooks(ctx: Context, number: string): Promise<{ number: PhoneNumber; webhooks: WebhookEndpoint[] | null }> {
    if (!can(ctx, 'webhooks:read')) return { number: await this.get(ctx, number), webhooks: null };
    authorize(ctx, 'numbers:read');
    const parsed = parseNumberRef(number);
    const found = parsed && (await this.store.phoneNumbers.getByNumberWithWebhooks(ctx.actor.workspaceId, parsed.e164));
    if (!found) throw new NotFoundError('phone number', number);
    return { number: toPublic(found.number), webhooks: found.webhooks };
  }

  async count(ctx: Context, filter: PhoneNumberFilter = {}): Promise<number> {
    authorize(ctx, 'numbers:read');
    return this.store.phoneNumbers.count(ctx.actor.workspaceId, filter);
  }

  /** A page in creation order ('desc': newest first; `after` is then the last, older-side id seen). */
  async list(ctx: Context, filter: PhoneNumberFilter, after: string | null, limit: number, order: 'asc' | 'desc' = 'asc'): Promise<Page<PhoneNumber>> {
    authorize(ctx, 'numbers:read');
    const rows = await this.store.phoneNumbers.list(ctx.actor.workspaceId, filter, after, limit + 1, order);
    return toPage(rows, limit, toPublic);
  }

  /** A page by offset in a chosen order: for faces whose vendor pages by page number and size. */
  async listByOffset(ctx: Context, filter: PhoneNumberFilter, page: PhoneNumberOffsetPage): Promise<PhoneNumber[]> {
    authorize(ctx, 'numbers:read');
    return (await this.store.phoneNumbers.listByOffset(ctx.actor.workspaceId, filter, page)).map(toPublic);
  }

  async update(ctx: Context, idOrNumber: string, patch: PhoneNumberPatch, options: WriteOptions = {}): Promise<PhoneNumber> {
    authorize(ctx, 'numbers:write');
    // Replacing the subscriptions changes webhook endpoints (an empty list deletes them).
    if (options.webhooks) authorize(ctx, 'webhooks:write', 'change the number\'s webhook subscriptions');
    const ws = ctx.actor.workspaceId;
    if (options.webhooks) await assertValidWebhooks(options.webhooks, this.destinations);
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const result = await this.store.transaction(async (tx) => {
        const current = await this.find(tx, ws, idOrNumber, true);
        assertVersion(options.ifVersion, current.version);
        const applied = applyPatch(pickWritable(current), patch, this.secrets);
        const issues = [...applied.issues, ...((await checkReferences(tx, ws, [applied.state])).get(0) ?? [])];
        if (issues.length > 0) throw new ValidationError(issues);
        if (options.webhooks) await replaceNumberWebhooks(tx, ctx, current.id, options.webhooks, this.now(), this.secrets);
        if (applied.changed.length === 0) return toPublic(current);
        const next = { ...current, ...applied.state, version: current.version + 1, updated_at: this.now() };
        if (!(await tx.phoneNumbers.update(next, current.version, current))) return undefined; // lost a race: read again
        const after = toPublic(next);
        await recordChange(tx, ctx, { type: 'phone_number.updated', objectType: 'phone_number', objectId: next.id, before: toPublic(current), after, changes: applied.changed }, next.updated_at);
        return after;
      });
      if (result) return result;
      if (options.ifVersion !== undefined) {
        const current = await this.find(this.store, ws, idOrNumber);
        throw new PreconditionFailedError(current.version);
      }
    }
    throw new ConflictError('the phone number is being changed by others too often; try again');
  }

  /**
   * Release: the number leaves the workspace and may be created again, here or elsewhere. Its
   * webhook subscriptions belong to it and go with it: numbers:write is enough.
   */
  async release(ctx: Context, idOrNumber: string, options: WriteOptions = {}): Promise<PhoneNumber> {
    authorize(ctx, 'numbers:write');
    const ws = ctx.actor.workspaceId;
    return this.store.transaction(async (tx) => {
      const current = await this.find(tx, ws, idOrNumber);
      assertVersion(options.ifVersion, current.version);
      const now = this.now();
      const next = { ...current, released_at: now, version: current.version + 1, updated_at: now };
      if (!(await tx.phoneNumbers.update(next, current.version, current))) throw new PreconditionFailedError(current.version + 1);
      const after = toPublic(next);
      await recordChange(tx, ctx, { type: 'phone_number.released', objectType: 'phone_number', objectId: next.id, before: toPublic(current), after }, now);
      // Its webhook subscriptions go with it: a number created again starts clean.
      for (const endpoint of await tx.webhooks.listForNumbers(ws, [next.id])) {
        await tx.webhooks.delete(ws, endpoint.id);
        await recordChange(tx, ctx, { type: 'webhook_endpoint.deleted', objectType: 'webhook_endpoint', objectId: endpoint.id, before: endpoint, after: null }, now);
      }
      return after;
    });
  }

  async bulkUpdate(ctx: Context, items: BulkItem[], options: BulkOptions): Promise<BulkResult> {
    authorize(ctx, 'numbers:write');
    return bulkUpdate({ store: this.store, secrets: this.secrets, now: this.now }, ctx, items, options);
  }

  /** `lock`: inside a write transaction, hold the row until it ends, so concurrent writers queue instead of racing. */
  private async find(repos: Repos, workspaceId: string, idOrNumber: string, lock = false): Promise<StoredPhoneNumber> {
    let found: StoredPhoneNumber | undefined;
    if (isUuid(idOrNumber)) found = await repos.phoneNumbers.get(workspaceId, idOrNumber.toLowerCase(), { lock });
    else {
      const parsed = parseNumberRef(idOrNumber);
      if (parsed) found = await repos.phoneNumbers.getByNumber(workspaceId, parsed.e164, { lock });
    }
    if (!found) throw new NotFoundError('phone number', idOrNumber);
    return found;
  }
}
