// /v1/agents and /v1/workflows: the targets a number routes calls to. Same shape of API.
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgentCreateSchema, AgentPatchSchema, AgentSchema } from '../../core/agents/schema.ts';
import type { Core } from '../../core/index.ts';
import { decodeCursor } from '../../core/shared/pagination.ts';
import { WorkflowCreateSchema, WorkflowPatchSchema, WorkflowSchema } from '../../core/workflows/schema.ts';
import { ifMatchVersion, sendVersioned, setEtag } from '../etag.ts';
import { contextOf } from '../plugins/auth.ts';
import type { VersionCondition } from '../../core/shared/versions.ts';
import { DELETE_DESCRIPTION, errorResponses, IdParams, idempotencyHeader, ifMatchHeader, ifNoneMatchHeader, ListOf, notModified, page, PageQuery } from './schemas.ts';
import { MERGE_PATCH_CONSUMES } from '../plugins/json-body.ts';

interface TargetService {
  create(ctx: any, input: any): Promise<{ id: string; version: number }>;
  get(ctx: any, id: string): Promise<{ version: number }>;
  list(ctx: any, after: string | null, limit: number): Promise<{ items: unknown[]; nextCursor: string | null }>;
  update(ctx: any, id: string, patch: any, ifVersion?: VersionCondition): Promise<{ version: number }>;
  delete(ctx: any, id: string, detach: boolean, ifVersion?: VersionCondition): Promise<unknown>;
}

interface TargetApi {
  path: string;
  noun: string;
  tag: string;
  service: TargetService;
  schema: TSchema;
  create: TSchema;
  patch: TSchema;
}

const DeleteQuery = Type.Object(
  { detach: Type.Optional(Type.Boolean({ default: false, description: 'Also clear it from every phone number that routes to it.' })) },
  { additionalProperties: false },
);
const ListQuery = Type.Object(PageQuery, { additionalProperties: false });

function targetRoutes(api: TargetApi): FastifyPluginAsyncTypebox {
  const Name = api.noun[0]!.toUpperCase() + api.noun.slice(1);
  const tags = [api.tag];
  return async (app) => {
    app.post(`/${api.path}`, {
      config: { idempotent: true },
      schema: { operationId: `create${Name}`, summary: `Create a ${api.noun}`, tags, headers: idempotencyHeader, body: api.create, response: { 201: api.schema, ...errorResponses(422) } },
    }, async (request, reply) => {
      const created = await api.service.create(contextOf(request), request.body);
      setEtag(reply, created.version);
      reply.header('location', `/v1/${api.path}/${created.id}`);
      return reply.code(201).send(created);
    });

    app.get(`/${api.path}`, {
      schema: { operationId: `list${Name}s`, summary: `List ${api.noun}s`, tags, querystring: ListQuery, response: { 200: ListOf(api.schema), ...errorResponses() } },
    }, async (request) => page(await api.service.list(contextOf(request), decodeCursor(request.query.cursor), request.query.limit ?? 50)));

    app.get(`/${api.path}/:id`, {
      schema: { operationId: `get${Name}`, summary: `Get a ${api.noun}`, tags, params: IdParams, headers: ifNoneMatchHeader, response: { 200: api.schema, ...notModified, ...errorResponses(404) } },
    }, async (request, reply) => sendVersioned(request, reply, await api.service.get(contextOf(request), request.params.id)));

    app.patch(`/${api.path}/:id`, {
      schema: { operationId: `update${Name}`, summary: `Change a ${api.noun} (merge patch)`, tags, params: IdParams, headers: ifMatchHeader, body: api.patch, consumes: MERGE_PATCH_CONSUMES, response: { 200: api.schema, ...errorResponses(404, 412, 422) } },
    }, async (request, reply) => {
      const updated = await api.service.update(contextOf(request), request.params.id, request.body, ifMatchVersion(request));
      setEtag(reply, updated.version);
      return updated;
    });

    app.delete(`/${api.path}/:id`, {
      schema: {
        operationId: `delete${Name}`,
        summary: `Delete a ${api.noun}`,
        description: `409 (code in_use) while phone numbers route to it, unless detach=true. ${DELETE_DESCRIPTION}`,
        tags,
        params: IdParams,
        headers: ifMatchHeader,
        querystring: DeleteQuery,
        response: { 200: api.schema, ...errorResponses(404, 409, 412) },
      },
    }, async (request) => api.service.delete(contextOf(request), request.params.id, request.query.detach ?? false, ifMatchVersion(request)));
  };
}

export const agentRoutes = (core: Core) =>
  targetRoutes({ path: 'agents', noun: 'agent', tag: 'Agents', service: core.agents, schema: AgentSchema, create: AgentCreateSchema, patch: AgentPatchSchema });

export const workflowRoutes = (core: Core) =>
  targetRoutes({ path: 'workflows', noun: 'workflow', tag: 'Workflows', service: core.workflows, schema: WorkflowSchema, create: WorkflowCreateSchema, patch: WorkflowPatchSchema });
