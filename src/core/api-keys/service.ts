// API keys: random, shown once, stored as a SHA-256 hash with a short display prefix,
// compared in constant time, revocable.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { recordChange, type Context } from '../audit/record.ts';
import { authorize, can } from '../authorization/authorize.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Page, Repos, Store } from '../ports.ts';
import { toPage } from '../shared/pagination.ts';
import { ApiKeyCache } from './key-cache.ts';
import { effectiveScopes, toPublicKey, type ApiKey, type ApiKeyRecord, type Scope } from './model.ts';

const KEY_TAG = 'sb_';
export const PREFIX_LENGTH = 12;
/** last_used_at is written at most this often per key, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface IssuedKey {
  key: ApiKey;
  /** The whole key: shown once, never stored. */
  secret: string;
}

export interface AuthenticateOptions {
  /**
   * Asked before a key that is neither cached nor known here (ApiKeyCache.knows) is read from the
   * database; false refuses it unread (401). The HTTP lockout passes one for an address flooding
   * bad keys, so the flood costs no database work while the tenants behind it are still served.
   */
  mayLookUp?: () => boolean;
}

export interface Principal {
  key: ApiKeyRecord;
  scopes: Set<Scope>;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function generateSecret(): string {
  return KEY_TAG + randomBytes(30).toString('base64url');
}

/** Creates a key record and its secret; used by the service and by workspace bootstrap. */
export async function issueKey(repos: Repos, input: { workspaceId: string; userId: string | null; name: string; scopes: Scope[] }, now: string): Promise<IssuedKey> {
  const secret = generateSecret();
  const record: ApiKeyRecord = {
    id: newId(),
    workspace_id: input.workspaceId,
    user_id: input.userId,
    name: input.name,
    prefix: secret.slice(0, PREFIX_LENGTH),
    hash: hashOf(secret),
    scopes: [...new Set(input.scopes)],
    created_at: now,
    last_used_at: null,
    revoked_at: null,
  };
  await repos.apiKeys.insert(record);
  return { key: toPublicKey(record), secret };
}

export class ApiKeyService {
  private readonly lastTouched = new Map<string, number>();
  private readonly cache: ApiKeyCache<Principal>;

  /** cacheTtlMs: how long a key found valid is trusted without reading it again (0: never). */
  constructor(
    private readonly store: Store,
    private readonly now: () => string,
    cacheTtlMs = 0,
  ) {
    this.cache = new ApiKeyCache(cacheTtlMs);
  }

  /** Resolves a presented secret to its key. Unknown, malformed and revoked keys are all 401. */
  async authenticate(secret: string, options: AuthenticateOptions = {}): Promise<Principal> {
    if (!secret.startsWith(KEY_TAG) || secret.length < PREFIX_LENGTH + 8 || secret.length > 200) throw new UnauthorizedError('the API key is not valid');
    const hash = hashOf(secret);
    let principal = this.cache.get(hash);
    if (!principal) {
      if (options.mayLookUp && !this.cache.knows(hash) && !options.mayLookUp()) throw new UnauthorizedError('the API key is not valid');
      principal = await this.lookUp(secret, hash);
    }
    const last = this.lastTouched.get(principal.key.id) ?? 0;
    if (Date.now() - last > TOUCH_INTERVAL_MS) {
      this.lastTouched.set(principal.key.id, Date.now());
      await this.store.apiKeys.touch(principal.key.id, this.now());
    }
    return principal;
  }

  private async lookUp(secret: string, hash: string): Promise<Principal> {
    const presented = Buffer.from(hash, 'hex');
    const epoch = this.cache.epoch;
    const candidates = await this.store.apiKeys.findByPrefix(secret.slice(0, PREFIX_LENGTH));
    const match = candidates.find((c) => timingSafeEqual(Buffer.from(c.hash, 'hex'), presented));
    if (!match) throw new UnauthorizedError('the API key is not valid');
    if (match.revoked_at) throw new UnauthorizedError('the API key has been revoked');
    const principal = { key: match, scopes: effectiveScopes(match.scopes) };
    this.cache.set(hash, principal, epoch);
    return principal;
  }

  /** A key can grant only scopes it has itself (the operator may grant admin). */
  async create(ctx: Context, input: { name: string; scopes: Scope[] }): Promise<IssuedKey> {
    authorize(ctx, 'keys:write');
    const excess = input.scopes.filter((s) => !can(ctx, s) && !(s === 'admin' && can(ctx, 'operator')));
    if (excess.length) throw new ForbiddenError(`a key cannot grant scopes it does not have: ${excess.join(', ')}`);
    if (input.scopes.length === 0) throw new ValidationError([{ field: 'scopes', message: 'must list at least one scope' }]);
    const now = this.now();
    return this.store.transaction(async (tx) => {
      const issued = await issueKey(tx, { workspaceId: ctx.actor.workspaceId, userId: ctx.actor.userId, name: input.name, scopes: input.scopes }, now);
      await recordChange(tx, ctx, { type: 'api_key.created', objectType: 'api_key', objectId: issued.key.id, before: null, after: issued.key }, now);
      return issued;
    });
  }

  async list(ctx: Context, after: string | null, limit: number): Promise<Page<ApiKey>> {
    authorize(ctx, 'keys:read');
    return toPage(await this.store.apiKeys.list(ctx.actor.workspaceId, after, limit + 1), limit, toPublicKey);
  }

  async get(ctx: Context, id: string): Promise<ApiKey> {
    authorize(ctx, 'keys:read');
    const key = await this.store.apiKeys.get(ctx.actor.workspaceId, id);
    if (!key) throw new NotFoundError('API key', id);
    return toPublicKey(key);
  }

  async revoke(ctx: Context, id: string): Promise<ApiKey> {
    authorize(ctx, 'keys:write');
    const revoked = await this.store.transaction(async (tx) => {
      const key = await tx.apiKeys.get(ctx.actor.workspaceId, id);
      if (!key) throw new NotFoundError('API key', id);
      if (key.revoked_at) return toPublicKey(key);
      const now = this.now();
      await tx.apiKeys.revoke(ctx.actor.workspaceId, id, now);
      const after = toPublicKey({ ...key, revoked_at: now });
      await recordChange(tx, ctx, { type: 'api_key.revoked', objectType: 'api_key', objectId: id, before: toPublicKey(key), after }, now);
      return after;
    });
    // After the commit: a lookup running meanwhile cannot cache what it read before it.
    this.cache.forget(id);
    return revoked;
  }
}
