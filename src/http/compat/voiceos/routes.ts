// /phone_numbers: list, get and update (PATCH) a number by its E.164 number.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '../../../core/index.ts';
import type { Context } from '../../../core/audit/record.ts';
import { can } from '../../../core/authorization/authorize.ts';
import type { PhoneNumber } from '../../../core/phone-numbers/schema.ts';
import { decodeCursor } from '../../../core/shared/pagination.ts';
import { contextOf } from '../../plugins/auth.ts';
import { MERGE_PATCH_CONSUMES } from '../../plugins/json-body.ts';
import { VOICEOS_TAG } from './constants.ts';
import { fromWire, pathNumber } from './from-wire.ts';
import { ListQuery, PhoneNumberOut, PhoneNumberPage, PhoneNumberParams, UpdateBody, errorResponses } from './schemas.ts';
import { toWire } from './to-wire.ts';

const tags = [VOICEOS_TAG];

/** Numbers with their webhook subscriptions, read in one query; none shown to a key without webhooks:read. */
async function withWebhooks(core: Core, ctx: Context, numbers: PhoneNumber[]) {
  const webhooks = numbers.length && can(ctx, 'webhooks:read') ? await core.webhooks.listForNumbers(ctx, numbers.map((n) => n.id)) : [];
  return numbers.map((n) => toWire(n, webhooks));
}

export function voiceosRoutes(core: Core): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('', {
      schema: {
        operationId: 'voiceosListPhoneNumbers',
        summary: 'List phone numbers (limit + cursor pages, oldest first)',
        tags,
        querystring: ListQuery,
        response: { 200: PhoneNumberPage, ...errorResponses() },
      },
    }, async (request) => {
      const ctx = contextOf(request);
      const page = await core.phoneNumbers.list(ctx, {}, decodeCursor(request.query.cursor, 'query.cursor'), request.query.limit ?? 50);
      return { data: await withWebhooks(core, ctx, page.items), next_cursor: page.nextCursor, has_more: page.nextCursor !== null };
    });

    app.get('/:phone_number', {
      schema: {
        operationId: 'voiceosGetPhoneNumber',
        summary: 'Get a phone number',
        tags,
        params: PhoneNumberParams,
        response: { 200: PhoneNumberOut, ...errorResponses(404) },
      },
    }, async (request) => {
      const found = await core.phoneNumbers.getWithWebhooks(contextOf(request), pathNumber(request.params.phone_number));
      return toWire(found.number, found.webhooks ?? []);
    });

    app.patch('/:phone_number', {
      schema: {
        operationId: 'voiceosUpdatePhoneNumber',
        summary: 'Update a phone number: inbound agent, webhooks (replaced as a whole), telephony',
        tags,
        params: PhoneNumberParams,
        body: UpdateBody,
        consumes: MERGE_PATCH_CONSUMES,
        response: { 200: PhoneNumberOut, ...errorResponses(404, 409) },
      },
    }, async (request) => {
      const ctx = contextOf(request);
      const { patch, webhooks } = fromWire(request.body);
      const updated = await core.phoneNumbers.update(ctx, pathNumber(request.params.phone_number), patch, { webhooks });
      return (await withWebhooks(core, ctx, [updated]))[0]!;
    });
  };
}
