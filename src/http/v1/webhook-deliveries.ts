// /v1/webhook-endpoints/{id}/deliveries, …/retry, …/test, …/replay, and the event catalogue:
// what was sent where, and how to send it again.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '../../core/index.ts';
import { decodeCursor } from '../../core/shared/pagination.ts';
import { Nullable, StringEnum, Timestamp } from '../../core/shared/schema-kit.ts';
import { EVENT_TYPE_NAMES, EVENT_TYPES } from '../../core/webhooks/event-types.ts';
import { DELIVERY_STATUSES, DeliverySchema, DeliverySummarySchema } from '../../core/webhooks/delivery/model.ts';
import { contextOf } from '../plugins/auth.ts';
import { errorResponses, IdParams, idempotencyHeader, ListOf, page, PageQuery, TimeOrderedQuery } from './schemas.ts';

const tags = ['Webhook deliveries'];

const DeliveryParams = Type.Object({ id: Type.String({ format: 'uuid', maxLength: 36 }), delivery_id: Type.String({ format: 'uuid', maxLength: 36 }) });

const ListQuery = Type.Object(
  {
    ...PageQuery,
    ...TimeOrderedQuery,
    status: Type.Optional(StringEnum(DELIVERY_STATUSES)),
    event_type: Type.Optional(StringEnum(EVENT_TYPE_NAMES, 'An event type of the catalogue (GET /v1/event-types).')),
  },
  { additionalProperties: false },
);

const TestResult = Type.Object({
  webhook_id: Type.String(),
  succeeded: Type.Boolean({ description: 'The receiver answered 2xx.' }),
  status_code: Nullable(Type.Integer()),
  latency_ms: Type.Integer(),
  error: Nullable(Type.String()),
  response_body: Type.String(),
  response_truncated: Type.Boolean(),
});

const ReplayBody = Type.Object(
  {
    since: Timestamp('Replay the events from this time on (ISO 8601, inclusive).'),
    until: Type.Optional(Timestamp('…up to this time (exclusive); default now.')),
  },
  { additionalProperties: false },
);

const ReplayResult = Type.Object({
  queued: Type.Integer({ description: 'Deliveries made pending, new or again.' }),
  events: Type.Integer({ description: 'Events looked at.' }),
  next_since: Nullable(Timestamp('Set when one call looked at its maximum of events: replay again from here.')),
});

const EventType = Type.Object({ type: Type.String(), description: Type.String() });

export function webhookDeliveryRoutes(core: Core): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/webhook-endpoints/:id/deliveries', {
      schema: {
        operationId: 'listWebhookDeliveries',
        summary: 'List an endpoint\'s deliveries, newest first (order=asc: oldest first)',
        description: 'since/until select the deliveries created in [since, until).',
        tags,
        params: IdParams,
        querystring: ListQuery,
        response: { 200: ListOf(DeliverySummarySchema), ...errorResponses(404, 422) },
      },
    }, async (request) => {
      const { cursor, limit, status, event_type, since, until } = request.query;
      const order = request.query.order ?? 'desc';
      const filter = { status, eventType: event_type, since, until };
      return page(await core.deliveries.list(contextOf(request), request.params.id.toLowerCase(), filter, decodeCursor(cursor, 'cursor', order), limit ?? 50, order));
    });

    app.get('/webhook-endpoints/:id/deliveries/:delivery_id', {
      schema: { operationId: 'getWebhookDelivery', summary: 'Get a delivery with every attempt', tags, params: DeliveryParams, response: { 200: DeliverySchema, ...errorResponses(404) } },
    }, async (request) => core.deliveries.get(contextOf(request), request.params.id.toLowerCase(), request.params.delivery_id.toLowerCase()));

    app.post('/webhook-endpoints/:id/deliveries/:delivery_id/retry', {
      schema: {
        operationId: 'retryWebhookDelivery',
        summary: 'Send a delivery again now, with a fresh retry schedule',
        tags,
        params: DeliveryParams,
        response: { 202: DeliverySchema, ...errorResponses(404, 409) },
      },
    }, async (request, reply) => reply.code(202).send(await core.deliveries.retry(contextOf(request), request.params.id.toLowerCase(), request.params.delivery_id.toLowerCase())));

    app.post('/webhook-endpoints/:id/test', {
      schema: {
        operationId: 'testWebhookEndpoint',
        summary: 'Send a signed test event now and report the answer',
        description: 'The event has type webhook_endpoint.test; the endpoint\'s event types and filter do not apply, it is sent to a disabled endpoint too (to check a receiver before enabling it), and nothing is retried or recorded.',
        tags,
        params: IdParams,
        response: { 200: TestResult, ...errorResponses(404) },
      },
    }, async (request) => core.deliveries.test(contextOf(request), request.params.id.toLowerCase()));

    app.post('/webhook-endpoints/:id/replay', {
      config: { idempotent: true },
      schema: {
        operationId: 'replayWebhookEndpoint',
        summary: 'Send again every event since a time that the endpoint subscribes to',
        description: 'Deliveries that exist are made pending again (same webhook-id, fresh retry schedule); events the endpoint never got (it was disabled, or created later) get a delivery now.',
        tags,
        params: IdParams,
        headers: idempotencyHeader,
        body: ReplayBody,
        response: { 202: ReplayResult, ...errorResponses(404, 409, 422) },
      },
    }, async (request, reply) => {
      const { since, until } = request.body;
      return reply.code(202).send(await core.deliveries.replay(contextOf(request), request.params.id.toLowerCase(), since, until ?? null));
    });

    app.get('/event-types', {
      schema: { operationId: 'listEventTypes', summary: 'The event types webhook endpoints can subscribe to', tags, response: { 200: Type.Object({ data: Type.Array(EventType) }), ...errorResponses() } },
    }, async () => ({ data: EVENT_TYPES.map(({ type, description }) => ({ type, description })) }));
  };
}
