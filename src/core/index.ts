// The core, assembled: one object with a service per area. Faces call only this.
import { AgentService } from './agents/service.ts';
import { ApiKeyService } from './api-keys/service.ts';
import { AuditService } from './audit/service.ts';
import { PhoneNumberService } from './phone-numbers/service.ts';
import type { DestinationPolicy, SecretBox, Store } from './ports.ts';
import { WebhookService } from './webhooks/service.ts';
import { WorkflowService } from './workflows/service.ts';
import { WorkspaceService } from './workspaces/service.ts';

export interface Core {
  store: Store;
  /** Seals data at rest: secrets, and stored answers that may hold them (idempotency). */
  secrets: SecretBox;
  phoneNumbers: PhoneNumberService;
  agents: AgentService;
  workflows: WorkflowService;
  apiKeys: ApiKeyService;
  workspaces: WorkspaceService;
  audit: AuditService;
  webhooks: WebhookService;
}

export interface CoreOptions {
  now?: () => string;
  /** Checks webhook destinations when they are saved. */
  destinations: DestinationPolicy;
}

export function createCore(store: Store, secrets: SecretBox, { now = () => new Date().toISOString(), destinations }: CoreOptions): Core {
  return {
    store,
    secrets,
    phoneNumbers: new PhoneNumberService(store, secrets, now, destinations),
    agents: new AgentService(store, now),
    workflows: new WorkflowService(store, now),
    apiKeys: new ApiKeyService(store, now),
    workspaces: new WorkspaceService(store, now),
    audit: new AuditService(store),
    webhooks: new WebhookService(store, secrets, now, destinations),
  };
}
