// /v1/me, /v1/api-keys, /v1/workspaces (operator) and /v1/events (the audit log).
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiKeySchema, SCOPES } from '../../core/api-keys/model.ts';
import { AuditEventSchema } from '../../core/audit/model.ts';
import type { Core } from '../../core/index.ts';
import { decodeCursor } from '../../core/shared/pagination.ts';
import { DeliverySummarySchema } from '../../core/webhooks/delivery/model.ts';
import { UserSchema, WorkspaceSchema } from '../../core/workspaces/model.ts';
import { StringEnum } from '../../core/shared/schema-kit.ts';
import { contextOf } from '../plugins/auth.ts';
import { errorResponses, IdParams, idempotencyHeader, ListOf, page, PageQuery } from './schemas.ts';

const ScopeList = Type.Array(StringEnum(SCOPES), { minItems: 1, maxItems: SCOPES.length, uniqueItems: true });
const IssuedKey = Type.Composite([ApiKeySchema, Type.Object({ secret: Type.String({ description: 'The whole key. Shown this once: store it now.' }) })]);
const ListQuery = Type.Object(PageQuery, { additionalProperties: false });

/** An event as /v1/events shows it: the audit record, and to which webhook endpoints it went and how. */
const EventWithDeliveries = Type.Composite([
  AuditEventSchema,
  Type.Object({ webhook_deliveries: Type.Array(DeliverySummarySchema, { description: 'One per subscribed endpoint, once the event has been fanned out (within a moment of the change).' }) }),
]);

export function accountRoutes(core: Core): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/me', {
      schema: {
        operationId: 'getMe',
        summary: 'Who am I: the workspace, user and key behind this API key',
        description: 'How a client learns the ids the vendor-compatible APIs ask for (workspaceId, userId, project id).',
        tags: ['Account'],
        response: {
          200: Type.Object({
            workspace: Type.Object({ id: Type.String(), name: Type.String() }),
            user: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
            api_key: Type.Object({ id: Type.String(), name: Type.String(), prefix: Type.String(), scopes: Type.Array(Type.String()) }),
          }),
          ...errorResponses(),
        },
      },
    }, async (request) => {
      const { key } = request.auth!.principal;
      const ctx = contextOf(request);
      const workspace = await core.workspaces.get(ctx, key.workspace_id);
      const user = key.user_id ? await core.workspaces.getUser(ctx, key.user_id) : undefined;
      return {
        workspace: { id: workspace.id, name: workspace.name },
        user: user ? { id: user.id, name: user.name } : null,
        api_key: { id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes },
      };
    });

    app.post('/api-keys', {
      config: { idempotent: true },
      schema: {
        operationId: 'createApiKey',
        summary: 'Create an API key (the secret is shown once)',
        tags: ['API keys'],
        headers: idempotencyHeader,
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 128 }), scopes: ScopeList }, { additionalProperties: false }),
        response: { 201: IssuedKey, ...errorResponses(422) },
      },
    }, async (request, reply) => {
      const issued = await core.apiKeys.create(contextOf(request), request.body);
      return reply.code(201).send({ ...issued.key, secret: issued.secret });
    });

    app.get('/api-keys', {
      schema: { operationId: 'listApiKeys', summary: 'List API keys (prefix, scopes, last use; never the secret)', tags: ['API keys'], querystring: ListQuery, response: { 200: ListOf(ApiKeySchema), ...errorResponses() } },
    }, async (request) => page(await core.apiKeys.list(contextOf(request), decodeCursor(request.query.cursor), request.query.limit ?? 50)));

    app.get('/api-keys/:id', {
      schema: { operationId: 'getApiKey', summary: 'Get an API key', tags: ['API keys'], params: IdParams, response: { 200: ApiKeySchema, ...errorResponses(404) } },
    }, async (request) => core.apiKeys.get(contextOf(request), request.params.id));

    app.delete('/api-keys/:id', {
      schema: { operationId: 'revokeApiKey', summary: 'Revoke an API key: this server refuses it at once, others within SWITCHBOARD_API_KEY_CACHE_TTL', tags: ['API keys'], params: IdParams, response: { 200: ApiKeySchema, ...errorResponses(404) } },
    }, async (request) => core.apiKeys.revoke(contextOf(request), request.params.id));

    app.get('/events', {
      schema: {
        operationId: 'listEvents',
        summary: 'The audit log: every change, oldest first (or newest first with order=desc)',
        tags: ['Events'],
        querystring: Type.Object(
          {
            ...PageQuery,
            object_id: Type.Optional(Type.String({ maxLength: 64 })),
            object_type: Type.Optional(Type.String({ maxLength: 64, description: 'phone_number, agent, workflow, api_key, workspace.' })),
            type: Type.Optional(Type.String({ maxLength: 64, description: 'Such as phone_number.updated.' })),
            order: Type.Optional(StringEnum(['asc', 'desc'] as const, 'asc (the default): oldest first; desc: newest first. A cursor continues in the order it was made in.')),
          },
          { additionalProperties: false },
        ),
        response: { 200: ListOf(EventWithDeliveries), ...errorResponses() },
      },
    }, async (request) => {
      const q = request.query;
      const ctx = contextOf(request);
      const events = await core.audit.list(ctx, { objectId: q.object_id, objectType: q.object_type, type: q.type, order: q.order }, decodeCursor(q.cursor), q.limit ?? 50);
      const deliveries = await core.deliveries.forEvents(ctx, events.items.map((e) => e.id));
      return page({ ...events, items: events.items.map((e) => ({ ...e, webhook_deliveries: deliveries.get(e.id) ?? [] })) });
    });

    app.get('/events/:id', {
      schema: { operationId: 'getEvent', summary: 'Get one audit event, with its webhook deliveries', tags: ['Events'], params: IdParams, response: { 200: EventWithDeliveries, ...errorResponses(404) } },
    }, async (request) => {
      const ctx = contextOf(request);
      const event = await core.audit.get(ctx, request.params.id);
      return { ...event, webhook_deliveries: (await core.deliveries.forEvents(ctx, [event.id])).get(event.id) ?? [] };
    });

    app.post('/workspaces', {
      config: { idempotent: true },
      schema: {
        operationId: 'createWorkspace',
        summary: 'Create a workspace with its first user and admin key (operator scope)',
        tags: ['Workspaces'],
        headers: idempotencyHeader,
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 128 }), user_name: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })) }, { additionalProperties: false }),
        response: { 201: Type.Object({ workspace: WorkspaceSchema, user: UserSchema, api_key: IssuedKey }), ...errorResponses() },
      },
    }, async (request, reply) => {
      const created = await core.workspaces.create(contextOf(request), { name: request.body.name, userName: request.body.user_name });
      return reply.code(201).send({ workspace: created.workspace, user: created.user, api_key: { ...created.apiKey.key, secret: created.apiKey.secret } });
    });

    app.get('/workspaces', {
      schema: { operationId: 'listWorkspaces', summary: 'List every workspace of the deployment (operator scope)', tags: ['Workspaces'], querystring: ListQuery, response: { 200: ListOf(WorkspaceSchema), ...errorResponses() } },
    }, async (request) => page(await core.workspaces.list(contextOf(request), decodeCursor(request.query.cursor), request.query.limit ?? 50)));
  };
}
