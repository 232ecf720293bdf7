// What the core needs from the outside world, as interfaces. src/store implements them
// with Kysely; the core never sees SQL.
import type { Agent } from './agents/schema.ts';
import type { ApiKeyRecord } from './api-keys/model.ts';
import type { AuditEvent } from './audit/model.ts';
import type { StoredPhoneNumber } from './phone-numbers/schema.ts';
import type { WebhookEndpoint } from './webhooks/schema.ts';
import type { SealedSigningSecrets } from './webhooks/signing-secret.ts';
import type { DeliveryAttempt, DeliveryClaim, DeliveryRecord, DeliveryStatus, DeliveryUpdate, NewAttempt, NewDelivery } from './webhooks/delivery/model.ts';
import type { Workflow } from './workflows/schema.ts';
import type { User, Workspace } from './workspaces/model.ts';

export type { SecretBox } from '../security/secret-box.ts';

/**
 * Where webhooks may be sent. The core asks before it saves a destination; the answer needs
 * DNS, so it lives outside the core (src/webhooks/url-policy.ts). Empty = allowed.
 */
export interface DestinationPolicy {
  check(url: string, field: string): Promise<import('./errors.ts').FieldIssue[]>;
}

/** Who is acting: recorded on every audit event. */
export interface Actor {
  workspaceId: string;
  userId: string | null;
  apiKeyId: string | null;
  /** "api_key" for API calls, "operator" for the CLI, "system" for the server itself. */
  type: 'api_key' | 'operator' | 'system';
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PhoneNumberFilter {
  numberPrefix?: string;
  /** Numbers whose E.164 contains this text anywhere. */
  numberContains?: string;
  country?: string;
  agentId?: string;
  workflowId?: string;
  capability?: 'voice' | 'sms' | 'mms' | 'fax';
  active?: boolean;
  search?: string;
}

/** Orders an offset page can use: creation (= id, UUIDv7), the number, its name (null sorts as ""), last change. */
export const PHONE_NUMBER_SORTS = ['created', 'number', 'friendly_name', 'updated_at'] as const;
export interface PhoneNumberOffsetPage {
  offset: number;
  limit: number;
  sort?: (typeof PHONE_NUMBER_SORTS)[number];
  desc?: boolean;
}

export interface PhoneNumberRepo {
  /** `lock`: inside a transaction, the row stays locked until it ends (Postgres; SQLite's write transactions are one at a time). */
  get(workspaceId: string, id: string, options?: { lock?: boolean }): Promise<StoredPhoneNumber | undefined>;
  getByNumber(workspaceId: string, e164: string, options?: { lock?: boolean }): Promise<StoredPhoneNumber | undefined>;
  /** A held number and its webhook subscriptions (id order), read together. */
  getByNumberWithWebhooks(workspaceId: string, e164: string): Promise<{ number: StoredPhoneNumber; webhooks: WebhookEndpoint[] } | undefined>;
  getMany(workspaceId: string, keys: { ids: string[]; numbers: string[] }): Promise<StoredPhoneNumber[]>;
  /** Throws ConflictError when the number is held (not released) anywhere in the deployment. */
  insert(number: StoredPhoneNumber): Promise<void>;
  /** Writes `number` if the stored version is still `expectedVersion`; false otherwise. */
  /** `previous`: the number as read; lets the store write only the columns that change. */
  update(number: StoredPhoneNumber, expectedVersion: number, previous?: StoredPhoneNumber): Promise<boolean>;
  /** Set-based update (bulk): writes each number whose stored version is still its expectedVersion; returns their ids. */
  /** `previous`: the number as read; lets the store write only the columns that change. */
  updateMany(workspaceId: string, rows: { number: StoredPhoneNumber; expectedVersion: number; previous?: StoredPhoneNumber }[]): Promise<Set<string>>;
  /** In id (= creation) order; 'desc' = newest first, and `after` then means older than it. */
  list(workspaceId: string, filter: PhoneNumberFilter, after: string | null, limit: number, order?: 'asc' | 'desc'): Promise<StoredPhoneNumber[]>;
  count(workspaceId: string, filter: PhoneNumberFilter): Promise<number>;
  /** One page by offset in the given order (ties broken by id), for vendors that page by number. */
  listByOffset(workspaceId: string, filter: PhoneNumberFilter, page: PhoneNumberOffsetPage): Promise<StoredPhoneNumber[]>;
  /** Numbers that route to this agent or workflow, inbound or outbound. */
  listUsing(workspaceId: string, kind: 'agent' | 'workflow', targetId: string): Promise<StoredPhoneNumber[]>;
}

/** Agents and workflows: the things a number routes calls to share one repository shape. */
export interface TargetRepo<T> {
  get(workspaceId: string, id: string): Promise<T | undefined>;
  existing(workspaceId: string, ids: string[]): Promise<Set<string>>;
  names(workspaceId: string, ids: string[]): Promise<Map<string, string>>;
  insert(item: T): Promise<void>;
  update(item: T, expectedVersion: number): Promise<boolean>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  list(workspaceId: string, after: string | null, limit: number): Promise<T[]>;
}

export interface WorkspaceRepo {
  get(id: string): Promise<Workspace | undefined>;
  insert(workspace: Workspace): Promise<void>;
  list(after: string | null, limit: number): Promise<Workspace[]>;
  count(): Promise<number>;
  /** Claims the deployment's one-time bootstrap; false if another server already did. */
  claimBootstrap(at: string): Promise<boolean>;
}

export interface UserRepo {
  get(workspaceId: string, id: string): Promise<User | undefined>;
  insert(user: User): Promise<void>;
  list(workspaceId: string): Promise<User[]>;
}

export interface ApiKeyRepo {
  /** Candidates whose display prefix matches; the caller compares hashes in constant time. */
  findByPrefix(prefix: string): Promise<ApiKeyRecord[]>;
  get(workspaceId: string, id: string): Promise<ApiKeyRecord | undefined>;
  getAnyWorkspace(id: string): Promise<ApiKeyRecord | undefined>;
  insert(key: ApiKeyRecord): Promise<void>;
  revoke(workspaceId: string, id: string, at: string): Promise<boolean>;
  touch(id: string, at: string): Promise<void>;
  list(workspaceId: string, after: string | null, limit: number): Promise<ApiKeyRecord[]>;
}

export interface AuditEventFilter {
  objectType?: string;
  objectId?: string;
  type?: string;
  /** 'desc': newest first (the console's view); oldest first otherwise. */
  order?: 'asc' | 'desc';
}

export interface AuditRepo {
  /** Written with dispatched_at null: the event is in the webhook outbox until a worker fans it out. */
  insert(event: AuditEvent): Promise<void>;
  insertMany(events: AuditEvent[]): Promise<void>;
  list(workspaceId: string, filter: AuditEventFilter, after: string | null, limit: number): Promise<AuditEvent[]>;
  get(workspaceId: string, id: string): Promise<AuditEvent | undefined>;
  getMany(ids: string[]): Promise<AuditEvent[]>;
  /**
   * Inside a transaction: up to `limit` events not yet fanned out, oldest first, locked against
   * other workers (Postgres: skip locked). Only what tells whom to read them for: getMany reads them.
   */
  takeUndispatched(limit: number): Promise<{ id: string; workspace_id: string; type: string }[]>;
  markDispatched(ids: string[], at: string): Promise<void>;
  /** Events of a workspace from `since` to `until` (by created_at), in id order after `after`. */
  listSince(workspaceId: string, since: string, until: string | null, after: string | null, limit: number): Promise<AuditEvent[]>;
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  eventType?: string;
}

export interface ClaimOptions {
  owner: string;
  now: string;
  leaseExpiresAt: string;
  limit: number;
  /** At most this many deliveries of one endpoint are leased at once, across every worker. */
  perEndpoint: number;
}

export interface DeliveryRepo {
  /** Skips rows whose (event, endpoint) pair exists already: a fan-out can be repeated safely. */
  insertMany(rows: NewDelivery[], now: string): Promise<void>;
  /** Leases due pending deliveries, serialised between workers; see ClaimOptions. */
  claim(options: ClaimOptions): Promise<DeliveryClaim[]>;
  /** Writes the outcome of an attempt if the lease is still this one's; false when it was lost. */
  finish(id: string, leaseToken: string, update: DeliveryUpdate): Promise<boolean>;
  insertAttempt(attempt: NewAttempt): Promise<void>;
  /** Gives back leases that were never used (shutdown): the deliveries are due again at once. */
  release(owner: string, ids: string[]): Promise<void>;
  get(workspaceId: string, id: string): Promise<DeliveryRecord | undefined>;
  list(workspaceId: string, endpointId: string, filter: DeliveryFilter, after: string | null, limit: number): Promise<DeliveryRecord[]>;
  forEvents(workspaceId: string, eventIds: string[]): Promise<DeliveryRecord[]>;
  attempts(deliveryId: string): Promise<DeliveryAttempt[]>;
  /** Makes the deliveries of these events to this endpoint pending now with a fresh schedule; creates the missing ones. */
  requeue(workspaceId: string, endpointId: string, eventIds: { id: string; type: string }[], now: string): Promise<number>;
}

/** One HTTP attempt, done outside the core (src/webhooks): never throws for what the network or the receiver does. */
export interface WebhookTransport {
  send(request: { url: string; method: 'GET' | 'POST' | 'PUT' | 'PATCH'; headers: Record<string, string>; body: string | null; signal?: AbortSignal }): Promise<TransportResult>;
}

export interface TransportResult {
  /** A 2xx answer. */
  ok: boolean;
  /** The receiver's status, or null when there was no answer. */
  status: number | null;
  latencyMs: number;
  /** Why the attempt failed (null when ok): a refusal, a timeout, a network error or the status. */
  error: string | null;
  /** The response body as text, at most 4 KiB of UTF-8. */
  responseBody: string;
  responseTruncated: boolean;
  /** From Retry-After on a 429 or 503, in seconds. */
  retryAfterSeconds: number | null;
  /** 410 Gone: the receiver asks to stop sending (the endpoint is disabled). */
  gone: boolean;
}

export interface IdempotencyRecord {
  workspaceId: string;
  key: string;
  fingerprint: string;
  status: number | null;
  body: string | null;
  headers: string | null;
  createdAt: string;
}

export interface IdempotencyRepo {
  /** Inserts an in-flight record; returns the existing one instead if the key is taken. */
  claim(record: IdempotencyRecord): Promise<IdempotencyRecord | undefined>;
  complete(workspaceId: string, key: string, status: number, body: string, headers: string): Promise<void>;
  release(workspaceId: string, key: string): Promise<void>;
  purgeBefore(createdAt: string): Promise<void>;
}

export interface WebhookEndpointFilter {
  phoneNumberId?: string;
  /** Only the endpoint of this agent's webhook (agent_id). */
  agentId?: string;
}

/** An endpoint with its sealed signing secrets, which its public object never holds. */
export interface StoredWebhookEndpoint {
  endpoint: WebhookEndpoint;
  secrets: SealedSigningSecrets;
}

export interface WebhookRepo {
  get(workspaceId: string, id: string): Promise<WebhookEndpoint | undefined>;
  getStored(workspaceId: string, id: string): Promise<StoredWebhookEndpoint | undefined>;
  /** In id (= creation) order. */
  list(workspaceId: string, filter: WebhookEndpointFilter, after: string | null, limit: number): Promise<WebhookEndpoint[]>;
  listForNumbers(workspaceId: string, phoneNumberIds: string[]): Promise<WebhookEndpoint[]>;
  /** Every enabled endpoint of these workspaces, for fanning events out. */
  listEnabled(workspaceIds: string[]): Promise<WebhookEndpoint[]>;
  /** Health: `failing` true keeps (or starts) failing_since and returns it; false clears it and returns null. */
  markHealth(workspaceId: string, id: string, failing: boolean, now: string): Promise<string | null>;
  insert(endpoint: WebhookEndpoint, secrets: SealedSigningSecrets): Promise<void>;
  /** Writes `endpoint` (and `secrets`, when given) if the stored version is still `expectedVersion`. */
  update(endpoint: WebhookEndpoint, expectedVersion: number, secrets?: SealedSigningSecrets): Promise<boolean>;
  delete(workspaceId: string, id: string): Promise<boolean>;
}

export interface Repos {
  phoneNumbers: PhoneNumberRepo;
  agents: TargetRepo<Agent>;
  workflows: TargetRepo<Workflow>;
  workspaces: WorkspaceRepo;
  users: UserRepo;
  apiKeys: ApiKeyRepo;
  audit: AuditRepo;
  idempotency: IdempotencyRepo;
  webhooks: WebhookRepo;
  deliveries: DeliveryRepo;
}

export interface Store extends Repos {
  /** Runs `work` in one database transaction: all of its writes land, or none. */
  transaction<T>(work: (repos: Repos) => Promise<T>): Promise<T>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  readonly dialect: 'sqlite' | 'postgres';
}
