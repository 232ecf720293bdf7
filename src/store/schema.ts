// Table types as Kysely sees them. Every id and timestamp is text (UUID / ISO 8601 UTC),
// every flag an integer 0/1, every document JSON text: one representation on SQLite and
// Postgres, so one code path serves both.
import type { Generated } from 'kysely';

export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: string;
}

export interface DeploymentStateTable {
  key: string;
  value: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  workspace_id: string;
  name: string;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  user_id: string | null;
  name: string;
  prefix: string;
  hash: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Agents and workflows: the filterable columns, and the whole object as `doc`. */
export interface TargetsTable {
  id: string;
  workspace_id: string;
  name: string;
  doc: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PhoneNumbersTable {
  id: string;
  workspace_id: string;
  number: string;
  country_code: string | null;
  friendly_name: string | null;
  inbound_agent_id: string | null;
  outbound_agent_id: string | null;
  inbound_workflow_id: string | null;
  outbound_workflow_id: string | null;
  cap_voice: number;
  cap_sms: number;
  cap_mms: number;
  cap_fax: number;
  active: number;
  doc: string;
  version: number;
  created_at: string;
  updated_at: string;
  released_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  workspace_id: string;
  type: string;
  object_type: string;
  object_id: string;
  doc: string;
  created_at: string;
  /** 0004: null until the event has been fanned out into webhook deliveries (the outbox). */
  dispatched_at: string | null;
  /** 0005, Postgres only: write order (SQLite uses rowid). */
  seq?: Generated<string>;
}

/** 0007: one record per (workspace, API key, method, route pattern, Idempotency-Key). */
export interface IdempotencyKeysTable {
  workspace_id: string;
  api_key_id: string;
  method: string;
  route: string;
  key: string;
  fingerprint: string;
  status: number | null;
  body: string | null;
  headers: string | null;
  created_at: string;
}

export interface WebhookEndpointsTable {
  id: string;
  workspace_id: string;
  phone_number_id: string | null;
  agent_id: string | null;
  doc: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** 0003: sealed signing secrets (null only for endpoints saved before 0003), and enabled 0/1. */
  secret_sealed: string | null;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: string | null;
  enabled: number;
  /** 0004: since when every delivery to it has failed; null while healthy. */
  failing_since: string | null;
  /** 0008: the custom headers with their values, sealed (doc shows only their names); null: none. */
  headers_sealed: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempt_count: number;
  schedule_step: number;
  next_attempt_at: string | null;
  lease_owner: string | null;
  lease_token: string | null;
  lease_expires_at: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveryAttemptsTable {
  id: string;
  delivery_id: string;
  started_at: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_body: string;
  response_truncated: number;
  worker: string;
}

export interface Database {
  workspaces: WorkspacesTable;
  deployment_state: DeploymentStateTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  agents: TargetsTable;
  workflows: TargetsTable;
  phone_numbers: PhoneNumbersTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
}

export type { Generated };
