// What the core needs from the outside world, as interfaces. src/store implements them
// with Kysely; the core never sees SQL.
import type { Agent } from './agents/schema.ts';
import type { ApiKeyRecord } from './api-keys/model.ts';
import type { AuditEvent } from './audit/model.ts';
import type { StoredPhoneNumber } from './phone-numbers/schema.ts';
import type { WebhookEndpoint } from './webhooks/schema.ts';
import type { SealedSigningSecrets } from './webhooks/signing-secret.ts';
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
  get(workspaceId: string, id: string): Promise<StoredPhoneNumber | undefined>;
  getByNumber(workspaceId: string, e164: string): Promise<StoredPhoneNumber | undefined>;
  getMany(workspaceId: string, keys: { ids: string[]; numbers: string[] }): Promise<StoredPhoneNumber[]>;
  /** Throws ConflictError when the number is held (not released) anywhere in the deployment. */
  insert(number: StoredPhoneNumber): Promise<void>;
  /** Writes `number` if the stored version is still `expectedVersion`; false otherwise. */
  update(number: StoredPhoneNumber, expectedVersion: number): Promise<boolean>;
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
}

export interface AuditRepo {
  insert(event: AuditEvent): Promise<void>;
  list(workspaceId: string, filter: AuditEventFilter, after: string | null, limit: number): Promise<AuditEvent[]>;
  get(workspaceId: string, id: string): Promise<AuditEvent | undefined>;
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
}

export interface Store extends Repos {
  /** Runs `work` in one database transaction: all of its writes land, or none. */
  transaction<T>(work: (repos: Repos) => Promise<T>): Promise<T>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  readonly dialect: 'sqlite' | 'postgres';
}
