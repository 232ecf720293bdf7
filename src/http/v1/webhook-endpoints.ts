// /v1/webhook-endpoints: native webhook subscriptions. The signing secret is in the answers to
// create and rotate-secret only; every other answer is the public object, which has no field
// for it (the response schema drops anything else).
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '../../core/index.ts';
import { decodeCursor } from '../../core/shared/pagination.ts';
import { Id, Nullable, Timestamp } from '../../core/shared/schema-kit.ts';
import { RotateSecretSchema, WebhookEndpointCreateSchema, WebhookEndpointPatchSchema, WebhookEndpointSchema } from '../../core/webhooks/schema.ts';
import { ifMatchVersion, sendVersioned, setEtag } from '../etag.ts';
import { contextOf } from '../plugins/auth.ts';
import { DELETE_DESCRIPTION, errorResponses, IdParams, idempotencyHeader, ifMatchHeader, ifNoneMatchHeader, ListOf, notModified, page, PageQuery } from './schemas.ts';
import { MERGE_PATCH_CONSUMES } from '../plugins/json-body.ts';

const tags = ['Webhook endpoints'];

const Secret = Type.String({ description: 'The signing secret (whsec_…, Standard Webhooks). Shown this once: store it now.' });
const WithSecret = Type.Composite([WebhookEndpointSchema, Type.Object({ secret: Secret })]);
const Rotated = Type.Composite([
  WebhookEndpointSchema,
  Type.Object({
    secret: Secret,
    previous_secret_expires_at: Nullable(Timestamp('Until then the previous secret signs too; null: it no longer does.')),
  }),
]);

const ListQuery = Type.Object({ ...PageQuery, phone_number_id: Type.Optional(Id('Only the endpoints scoped to this number.')) }, { additionalProperties: false });

export function webhookEndpointRoutes(core: Core): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/webhook-endpoints', {
      config: { idempotent: true },
      schema: {
        operationId: 'createWebhookEndpoint',
        summary: 'Create a webhook endpoint (its signing secret is shown once)',
        tags,
        headers: idempotencyHeader,
        body: WebhookEndpointCreateSchema,
        response: { 201: WithSecret, ...errorResponses(422) },
      },
    }, async (request, reply) => {
      const { endpoint, secret } = await core.webhooks.create(contextOf(request), request.body);
      setEtag(reply, endpoint.version);
      reply.header('location', `/v1/webhook-endpoints/${endpoint.id}`);
      return reply.code(201).send({ ...endpoint, secret });
    });

    app.get('/webhook-endpoints', {
      schema: { operationId: 'listWebhookEndpoints', summary: 'List webhook endpoints', tags, querystring: ListQuery, response: { 200: ListOf(WebhookEndpointSchema), ...errorResponses() } },
    }, async (request) => {
      const { cursor, limit, phone_number_id } = request.query;
      const filter = phone_number_id ? { phoneNumberId: phone_number_id.toLowerCase() } : {};
      return page(await core.webhooks.list(contextOf(request), filter, decodeCursor(cursor), limit ?? 50));
    });

    app.get('/webhook-endpoints/:id', {
      schema: { operationId: 'getWebhookEndpoint', summary: 'Get a webhook endpoint', tags, params: IdParams, headers: ifNoneMatchHeader, response: { 200: WebhookEndpointSchema, ...notModified, ...errorResponses(404) } },
    }, async (request, reply) => sendVersioned(request, reply, await core.webhooks.get(contextOf(request), request.params.id.toLowerCase())));

    app.patch('/webhook-endpoints/:id', {
      schema: {
        operationId: 'updateWebhookEndpoint',
        summary: 'Change a webhook endpoint (merge patch)',
        tags,
        params: IdParams,
        headers: ifMatchHeader,
        body: WebhookEndpointPatchSchema,
        consumes: MERGE_PATCH_CONSUMES,
        response: { 200: WebhookEndpointSchema, ...errorResponses(404, 409, 412, 422) },
      },
    }, async (request, reply) => {
      const updated = await core.webhooks.update(contextOf(request), request.params.id.toLowerCase(), request.body, ifMatchVersion(request));
      setEtag(reply, updated.version);
      return updated;
    });

    app.delete('/webhook-endpoints/:id', {
      schema: { operationId: 'deleteWebhookEndpoint', summary: 'Delete a webhook endpoint', description: DELETE_DESCRIPTION, tags, params: IdParams, headers: ifMatchHeader, response: { 200: WebhookEndpointSchema, ...errorResponses(404, 409, 412) } },
    }, async (request) => core.webhooks.delete(contextOf(request), request.params.id.toLowerCase(), ifMatchVersion(request)));

    app.post('/webhook-endpoints/:id/rotate-secret', {
      config: { idempotent: true },
      // The body is optional: no body at all means the defaults.
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) request.body = {};
      },
      schema: {
        operationId: 'rotateWebhookEndpointSecret',
        summary: 'Rotate the signing secret (the new one is shown once)',
        description: 'The previous secret keeps signing beside the new one for overlap_seconds (default a day), so receivers can switch without losing deliveries.',
        tags,
        params: IdParams,
        headers: Type.Composite([idempotencyHeader, ifMatchHeader]),
        body: RotateSecretSchema,
        response: { 200: Rotated, ...errorResponses(404, 412) },
      },
    }, async (request, reply) => {
      const rotation = await core.webhooks.rotateSecret(contextOf(request), request.params.id.toLowerCase(), request.body?.overlap_seconds, ifMatchVersion(request));
      setEtag(reply, rotation.endpoint.version);
      return { ...rotation.endpoint, secret: rotation.secret, previous_secret_expires_at: rotation.previousSecretExpiresAt };
    });
  };
}
