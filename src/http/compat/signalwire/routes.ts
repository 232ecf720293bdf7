// /api/relay/rest/phone_numbers: list, get, update (PUT, only the given fields) and release.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { NotFoundError, ValidationError } from '../../../core/errors.ts';
import { isUuid } from '../../../core/ids.ts';
import type { Core } from '../../../core/index.ts';
import { PhoneNumberPatchSchema } from '../../../core/phone-numbers/schema.ts';
import { checkSchema } from '../../../core/shared/check-schema.ts';
import { contextOf } from '../../plugins/auth.ts';
import { ITEM_PATH, LIST_PATH, TAG } from './constants.ts';
import { fromWire, inWireTerms, wireIssues } from './from-wire.ts';
import { listPage } from './paging.ts';
import { errorResponses, IdParams, ListQuery, UpdatePhoneNumberBody, WirePhoneNumber, WirePhoneNumberList } from './schemas.ts';
import { toWire } from './to-wire.ts';

const tags = [TAG];

/** The vendor's ids are UUIDs: anything else names no number. */
function numberId(id: string): string {
  if (!isUuid(id)) throw new NotFoundError('phone number', id);
  return id;
}

export function signalwireRoutes(core: Core): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(LIST_PATH, {
      schema: {
        operationId: 'signalwireListPhoneNumbers',
        summary: 'List phone numbers, newest first (SignalWire paging links)',
        tags,
        querystring: ListQuery,
        response: { 200: WirePhoneNumberList, ...errorResponses(400) },
      },
    }, async (request) => {
      const page = await listPage(core, contextOf(request), request, request.query);
      return { links: page.links, data: page.items.map(toWire) };
    });

    app.get(ITEM_PATH, {
      schema: { operationId: 'signalwireGetPhoneNumber', summary: 'Get a phone number', tags, params: IdParams, response: { 200: WirePhoneNumber, ...errorResponses(404, 422) } },
    }, async (request) => toWire(await core.phoneNumbers.get(contextOf(request), numberId(request.params.id))));

    app.put(ITEM_PATH, {
      schema: {
        operationId: 'signalwireUpdatePhoneNumber',
        summary: 'Update a phone number: only the fields given change; setting call_handler makes that handler answer inbound calls',
        tags,
        params: IdParams,
        body: UpdatePhoneNumberBody,
        response: { 200: WirePhoneNumber, ...errorResponses(404, 409, 413, 415, 422) },
      },
    }, async (request) => {
      const ctx = contextOf(request);
      const id = numberId(request.params.id);
      const { patch, issues } = fromWire(request.body);
      issues.push(...wireIssues(checkSchema(PhoneNumberPatchSchema, patch)));
      if (issues.length > 0) throw new ValidationError(issues);
      return toWire(await inWireTerms(() => core.phoneNumbers.update(ctx, id, patch)));
    });

    app.delete(ITEM_PATH, {
      schema: {
        operationId: 'signalwireReleasePhoneNumber',
        summary: 'Release a phone number: it leaves the workspace (every face)',
        tags,
        params: IdParams,
        response: { 204: Type.Null({ description: 'Released.' }), ...errorResponses(404, 422) },
      },
    }, async (request, reply) => {
      await core.phoneNumbers.release(contextOf(request), numberId(request.params.id));
      return reply.code(204).send(null);
    });
  };
}
