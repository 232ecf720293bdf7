// /v1/phone-numbers: the native phone-number API.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isKnownCountry, NUMBER_PREFIX_PATTERN, numberPrefixOf } from '../../core/phone-numbers/e164.ts';
import { CAPABILITIES, PhoneNumberCreateSchema, PhoneNumberPatchSchema, PhoneNumberSchema } from '../../core/phone-numbers/schema.ts';
import { decodeCursor } from '../../core/shared/pagination.ts';
import { StringEnum } from '../../core/shared/schema-kit.ts';
import { contextOf } from '../plugins/auth.ts';
import { ifMatchVersion, sendVersioned, setEtag } from '../etag.ts';
import { HttpError } from '../errors.ts';
import { DELETE_DESCRIPTION, errorResponses, idempotencyHeader, ifMatchHeader, ifNoneMatchHeader, ListOf, notModified, page, PageQuery } from './schemas.ts';
import { MERGE_PATCH_CONSUMES } from '../plugins/json-body.ts';
import type { Core } from '../../core/index.ts';

const tags = ['Phone numbers'];
const RefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64, description: 'The number\'s id, or the number itself: E.164 (+14155551234, %2B14155551234) or its digits alone (14155551234).' }) });
const ListQuery = Type.Object(
  {
    ...PageQuery,
    number_prefix: Type.Optional(Type.String({ pattern: NUMBER_PREFIX_PATTERN, description: 'Numbers that start with this: +1415 (sent unencoded, the + arrives as a space, which is read as +) or the digits 1415.' })),
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2, any case; a code no number can have is 400.' })),
    agent_id: Type.Optional(Type.String({ format: 'uuid', description: 'Routed to this agent, inbound or outbound.' })),
    workflow_id: Type.Optional(Type.String({ format: 'uuid', description: 'Routed to this workflow, inbound or outbound.' })),
    capability: Type.Optional(StringEnum(CAPABILITIES)),
    active: Type.Optional(Type.Boolean()),
    search: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Text in the friendly name (any case), or part of the number: search=5551234 and search=555-1234 both find +14155551234.' })),
  },
  { additionalProperties: false },
);

export function phoneNumberRoutes(core: Core): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/phone-numbers', {
      config: { idempotent: true },
      schema: { operationId: 'createPhoneNumber', summary: 'Add a phone number to the workspace', tags, headers: idempotencyHeader, body: PhoneNumberCreateSchema, response: { 201: PhoneNumberSchema, ...errorResponses(409, 422) } },
    }, async (request, reply) => {
      const created = await core.phoneNumbers.create(contextOf(request), request.body);
      setEtag(reply, created.version);
      reply.header('location', `/v1/phone-numbers/${created.id}`);
      return reply.code(201).send(created);
    });

    app.get('/phone-numbers', {
      schema: { operationId: 'listPhoneNumbers', summary: 'List phone numbers', tags, querystring: ListQuery, response: { 200: ListOf(PhoneNumberSchema), ...errorResponses() } },
    }, async (request) => {
      const q = request.query;
      if (q.country !== undefined && !isKnownCountry(q.country)) {
        throw new HttpError(400, 'invalid_request', `querystring.country: ${q.country} is not a country code`, [{ field: 'querystring.country', message: 'must be an ISO 3166-1 alpha-2 country code' }]);
      }
      const numberPrefix = q.number_prefix === undefined ? undefined : numberPrefixOf(q.number_prefix);
      const filter = { numberPrefix, country: q.country, agentId: q.agent_id, workflowId: q.workflow_id, capability: q.capability, active: q.active, nameOrNumber: q.search };
      return page(await core.phoneNumbers.list(contextOf(request), filter, decodeCursor(q.cursor), q.limit ?? 50));
    });

    app.get('/phone-numbers/:ref', {
      schema: { operationId: 'getPhoneNumber', summary: 'Get a phone number by id or by number', tags, params: RefParams, headers: ifNoneMatchHeader, response: { 200: PhoneNumberSchema, ...notModified, ...errorResponses(404) } },
    }, async (request, reply) => sendVersioned(request, reply, await core.phoneNumbers.get(contextOf(request), request.params.ref)));

    app.patch('/phone-numbers/:ref', {
      schema: {
        operationId: 'updatePhoneNumber',
        summary: 'Change a phone number (JSON merge patch: absent = unchanged, null = cleared)',
        tags,
        params: RefParams,
        headers: ifMatchHeader,
        body: PhoneNumberPatchSchema,
        consumes: MERGE_PATCH_CONSUMES,
        response: { 200: PhoneNumberSchema, ...errorResponses(404, 409, 412, 422) },
      },
    }, async (request, reply) => {
      const updated = await core.phoneNumbers.update(contextOf(request), request.params.ref, request.body, { ifVersion: ifMatchVersion(request) });
      setEtag(reply, updated.version);
      return updated;
    });

    app.delete('/phone-numbers/:ref', {
      schema: {
        operationId: 'releasePhoneNumber',
        summary: 'Release a phone number: it leaves the workspace and can be added again',
        description: DELETE_DESCRIPTION,
        tags,
        params: RefParams,
        headers: ifMatchHeader,
        response: { 200: PhoneNumberSchema, ...errorResponses(404, 412) },
      },
    }, async (request) => core.phoneNumbers.release(contextOf(request), request.params.ref, { ifVersion: ifMatchVersion(request) }));
  };
}
