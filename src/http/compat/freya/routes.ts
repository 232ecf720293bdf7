// /api/v2/phone-numbers: create, list, get, release, in Freya's envelope
// {"success": true, "data": {"message", "result": {…}}}.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '../../../core/index.ts';
import { decodeCursor, DEFAULT_PAGE_SIZE } from '../../../core/shared/pagination.ts';
import { contextOf } from '../../plugins/auth.ts';
import { FREYA_BASE, FREYA_TAG } from './constants.ts';
import { toCorePatch } from './from-wire.ts';
import { CreateBody, errorResponses, IdParams, ListQuery, ListResponse, OneResponse } from './schemas.ts';
import { toFreyaMany, toFreyaOne } from './to-wire.ts';
import { assertOwnWorkspace } from './workspace.ts';

const tags = [FREYA_TAG];
const ok = <T>(message: string, result: T) => ({ success: true as const, data: { message, result } });

export function freyaRoutes(core: Core): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(FREYA_BASE, {
      schema: {
        operationId: 'freyaCreatePhoneNumber',
        summary: 'Create phone number (Freya Voice)',
        description: 'Answers 201. workspaceId must be the API key\'s workspace (another one is 404); userId must be a user of it (422 otherwise).',
        tags,
        body: CreateBody,
        response: { 201: OneResponse, ...errorResponses(404, 409, 413, 422) },
      },
    }, async (request, reply) => {
      const ctx = contextOf(request);
      const { number, workspaceId, userId, ...rest } = request.body;
      assertOwnWorkspace(ctx, workspaceId);
      const created = await core.phoneNumbers.create(ctx, { number, created_by_user_id: userId, ...toCorePatch(rest) });
      reply.header('location', `${FREYA_BASE}/${created.id}`);
      return reply.code(201).send(ok('Phone number created', { phoneNumber: await toFreyaOne(core, ctx, created) }));
    });

    app.get(FREYA_BASE, {
      schema: {
        operationId: 'freyaListPhoneNumbers',
        summary: 'List phone numbers (Freya Voice)',
        description: 'Oldest first, `limit` per page (1-200, default 50); pass pagination.nextCursor as `cursor` for the next page.',
        tags,
        querystring: ListQuery,
        response: { 200: ListResponse, ...errorResponses(404) },
      },
    }, async (request) => {
      const ctx = contextOf(request);
      assertOwnWorkspace(ctx, request.query.workspaceId);
      const limit = request.query.limit ?? DEFAULT_PAGE_SIZE;
      const page = await core.phoneNumbers.list(ctx, {}, decodeCursor(request.query.cursor), limit);
      return ok('Phone numbers retrieved', {
        phoneNumbers: await toFreyaMany(core, ctx, page.items),
        pagination: { limit, nextCursor: page.nextCursor, hasMore: page.nextCursor !== null },
      });
    });

    app.get(`${FREYA_BASE}/:id`, {
      schema: { operationId: 'freyaGetPhoneNumber', summary: 'Get phone number (Freya Voice)', tags, params: IdParams, response: { 200: OneResponse, ...errorResponses(404) } },
    }, async (request) => {
      const ctx = contextOf(request);
      const found = await core.phoneNumbers.get(ctx, request.params.id);
      return ok('Phone number retrieved', { phoneNumber: await toFreyaOne(core, ctx, found) });
    });

    app.delete(`${FREYA_BASE}/:id`, {
      schema: {
        operationId: 'freyaDeletePhoneNumber',
        summary: 'Delete (release) phone number (Freya Voice)',
        description: 'The number leaves the workspace, in every face, and can be created again. Answers the number as it was released.',
        tags,
        params: IdParams,
        response: { 200: OneResponse, ...errorResponses(404) },
      },
    }, async (request) => {
      const ctx = contextOf(request);
      const released = await core.phoneNumbers.release(ctx, request.params.id);
      return ok('Phone number deleted', { phoneNumber: await toFreyaOne(core, ctx, released) });
    });
  };
}
