// The core, assembled: one object with a service per area. Faces call only this.
import { AgentService } from './agents/service.ts';
import { ApiKeyService } from './api-keys/service.ts';
import { AuditService } from './audit/service.ts';
import { PhoneNumberService } from './phone-numbers/service.ts';
import type { DestinationPolicy, SecretBox, Store, WebhookTransport } from './ports.ts';
import { DEFAULT_DELIVERY_OPTIONS, DeliveryEngine, type DeliveryOptions } from './webhooks/delivery/engine.ts';
import { DeliveryService } from './webhooks/delivery/service.ts';
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
  /** Webhook deliveries as the API shows them. */
  deliveries: DeliveryService;
  /** The delivery worker's steps (src/webhooks/worker.ts drives them). */
  delivery: DeliveryEngine;
}

export interface CoreOptions {
  now?: () => string;
  /** Checks webhook destinations when they are saved. */
  destinations: DestinationPolicy;
  /** Sends webhook attempts (src/webhooks/transport.ts). */
  transport: WebhookTransport;
  delivery?: Partial<DeliveryOptions>;
  /** How long a valid API key is trusted without reading it again (0: never; ApiKeyCache). */
  apiKeyCacheTtlMs?: number;
}

export function createCore(store: Store, secrets: SecretBox, { now = () => new Date().toISOString(), destinations, transport, delivery, apiKeyCacheTtlMs = 0 }: CoreOptions): Core {
  const engine = new DeliveryEngine(store, secrets, now, transport, { ...DEFAULT_DELIVERY_OPTIONS, ...delivery });
  return {
    store,
    secrets,
    phoneNumbers: new PhoneNumberService(store, secrets, now, destinations),
    agents: new AgentService(store, now, secrets, destinations),
    workflows: new WorkflowService(store, now),
    apiKeys: new ApiKeyService(store, now, apiKeyCacheTtlMs),
    workspaces: new WorkspaceService(store, now),
    audit: new AuditService(store),
    webhooks: new WebhookService(store, secrets, now, destinations),
    deliveries: new DeliveryService(store, now, engine),
    delivery: engine,
  };
}
