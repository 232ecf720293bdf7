// createClient(): the native API as resources, each method typed from the OpenAPI document.
// Routing resolve, number blocks and calls join here as a few lines each when their routes land.
import type { Method, Path, Operation, SuccessOf } from './openapi-types.ts';
import { action, actionUnder, create, get, getUnder, list, listUnder, patchAll, read, remove, update } from './operations.ts';
import { Transport, type ClientOptions, type RequestInit } from './transport.ts';

export function createClient(options: ClientOptions) {
  const t = new Transport(options);
  return {
    phoneNumbers: {
      create: create(t, '/v1/phone-numbers'),
      list: list(t, '/v1/phone-numbers'),
      /** By id or by number in E.164. */
      get: get(t, '/v1/phone-numbers/{ref}'),
      update: update(t, '/v1/phone-numbers/{ref}'),
      release: remove(t, '/v1/phone-numbers/{ref}'),
      /** Up to 10,000 items by id or number; `atomic`, `dry_run`; per-item errors. */
      bulkUpdate: patchAll(t, '/v1/phone-numbers'),
    },
    agents: {
      create: create(t, '/v1/agents'),
      list: list(t, '/v1/agents'),
      get: get(t, '/v1/agents/{id}'),
      update: update(t, '/v1/agents/{id}'),
      /** 409 in_use while numbers route to it, unless { query: { detach: true } }. */
      delete: remove(t, '/v1/agents/{id}'),
    },
    workflows: {
      create: create(t, '/v1/workflows'),
      list: list(t, '/v1/workflows'),
      get: get(t, '/v1/workflows/{id}'),
      update: update(t, '/v1/workflows/{id}'),
      delete: remove(t, '/v1/workflows/{id}'),
    },
    webhookEndpoints: {
      /** The answer holds the signing secret, this once. */
      create: create(t, '/v1/webhook-endpoints'),
      list: list(t, '/v1/webhook-endpoints'),
      get: get(t, '/v1/webhook-endpoints/{id}'),
      update: update(t, '/v1/webhook-endpoints/{id}'),
      delete: remove(t, '/v1/webhook-endpoints/{id}'),
      rotateSecret: action(t, '/v1/webhook-endpoints/{id}/rotate-secret'),
      /** Sends a signed webhook_endpoint.test event now; answers how the receiver responded. */
      test: action(t, '/v1/webhook-endpoints/{id}/test'),
      /** Sends again every subscribed event since a time. */
      replay: action(t, '/v1/webhook-endpoints/{id}/replay'),
    },
    webhookDeliveries: {
      list: listUnder(t, '/v1/webhook-endpoints/{id}/deliveries'),
      /** One delivery with every attempt. */
      get: getUnder(t, '/v1/webhook-endpoints/{id}/deliveries/{delivery_id}'),
      retry: actionUnder(t, '/v1/webhook-endpoints/{id}/deliveries/{delivery_id}/retry'),
    },
    events: {
      /** The audit log. */
      list: list(t, '/v1/events'),
      get: get(t, '/v1/events/{id}'),
    },
    eventTypes: read(t, '/v1/event-types'),
    apiKeys: {
      /** The answer holds the key's secret, this once. */
      create: create(t, '/v1/api-keys'),
      list: list(t, '/v1/api-keys'),
      get: get(t, '/v1/api-keys/{id}'),
      revoke: remove(t, '/v1/api-keys/{id}'),
    },
    /** The workspace, user and key behind this key (with its scopes). */
    me: read(t, '/v1/me'),
    /** Operator scope: the deployment's tenants. */
    workspaces: {
      create: create(t, '/v1/workspaces'),
      list: list(t, '/v1/workspaces'),
    },
    /** Any route of the document by path and method, typed the same way: an escape hatch. */
    request<P extends Path, M extends Method>(method: M, path: P, init: RequestInit = {}) {
      return t.send(method, path, init) as Promise<SuccessOf<Operation<P, M>>>;
    },
  };
}

export type SwitchboardClient = ReturnType<typeof createClient>;
