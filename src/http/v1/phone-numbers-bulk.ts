// PATCH /v1/phone-numbers: bulk update, each item validated alone.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '../../core/index.ts';
import { MAX_BULK_ITEMS, tooManyItemsMessage, type BulkItem, type BulkItemError } from '../../core/phone-numbers/bulk-update.ts';
import { HttpError } from '../errors.ts';
import { isPlainObject } from '../../core/shared/merge-patch.ts';
import { contextOf } from '../plugins/auth.ts';
import { ErrorEnvelope, errorResponses, idempotencyHeader } from './schemas.ts';

const BulkBody = Type.Object(
  {
    items: Type.Array(
      Type.Unknown({ description: 'An object with `id` or `number` naming the phone number, plus the fields to change (as in PATCH /v1/phone-numbers/{id}).' }),
      { minItems: 1, maxItems: MAX_BULK_ITEMS, description: `At most ${MAX_BULK_ITEMS} items.` },
    ),
    atomic: Type.Optional(Type.Boolean({ default: false, description: 'All or nothing: if any item fails, nothing is written.' })),
    dry_run: Type.Optional(Type.Boolean({ default: false, description: 'Validate and report; write nothing.' })),
  },
  { additionalProperties: false },
);

const ItemError = Type.Object({
  index: Type.Integer(),
  id: Type.Union([Type.String(), Type.Null()]),
  number: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  message: Type.String(),
  details: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
});

const BulkResponse = Type.Object({
  updated: Type.Array(Type.Object({ index: Type.Integer(), id: Type.String(), number: Type.String(), version: Type.Integer() })),
  errors: Type.Array(ItemError),
  written: Type.Boolean({ description: 'False for a dry run, or an atomic batch with errors.' }),
  dry_run: Type.Boolean(),
  atomic: Type.Boolean(),
});

function toBulkItem(raw: unknown): BulkItem {
  if (!isPlainObject(raw)) return { id: null, number: null, patch: raw };
  const { id, number, ...patch } = raw;
  return { id: typeof id === 'string' ? id : null, number: typeof number === 'string' ? number : null, patch };
}

export function phoneNumberBulkRoutes(core: Core, bodyLimit: number): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.patch('/phone-numbers', {
      bodyLimit,
      config: { idempotent: true },
      // Too many items is a request too large (413), said before the schema would call it invalid.
      preValidation: async (request) => {
        const items = (request.body as { items?: unknown } | null)?.items;
        if (Array.isArray(items) && items.length > MAX_BULK_ITEMS) {
          throw new HttpError(413, 'payload_too_large', tooManyItemsMessage(items.length), [{ field: 'items', message: `must have at most ${MAX_BULK_ITEMS} items` }]);
        }
      },
      schema: {
        operationId: 'bulkUpdatePhoneNumbers',
        summary: `Change up to ${MAX_BULK_ITEMS} phone numbers; per-item errors`,
        description: 'Valid items of a non-atomic batch are written together in one transaction; failed items are listed with their index, a code and field-level details. An atomic batch with any failed item answers 422 and writes nothing.',
        tags: ['Phone numbers'],
        headers: idempotencyHeader,
        body: BulkBody,
        response: { 200: BulkResponse, 422: Type.Intersect([ErrorEnvelope, Type.Object({ errors: Type.Optional(Type.Array(ItemError, { description: 'Per-item errors of an atomic batch; absent for other 422s such as idempotency_key_reused.' })) })], { title: 'BulkUpdateError' }), ...errorResponses(413) },
      },
    }, async (request, reply) => {
      const atomic = request.body.atomic ?? false;
      const dryRun = request.body.dry_run ?? false;
      const result = await core.phoneNumbers.bulkUpdate(contextOf(request), request.body.items.map(toBulkItem), { atomic, dryRun });
      if (atomic && result.errors.length > 0) {
        return reply.code(422).send({
          error: {
            code: 'validation_failed',
            message: `${result.errors.length} item(s) are not valid; nothing was written`,
            request_id: request.id,
            details: flatten(result.errors),
          },
          errors: result.errors,
        });
      }
      return {
        updated: result.updated.map((n, i) => ({ index: result.updatedIndexes[i]!, id: n.id, number: n.number, version: n.version })),
        errors: result.errors,
        written: result.written,
        dry_run: dryRun,
        atomic,
      };
    });
  };
}

function flatten(errors: BulkItemError[]) {
  return errors.slice(0, 100).flatMap((e) =>
    e.details.length ? e.details.map((d) => ({ field: `items[${e.index}].${d.field}`, message: d.message })) : [{ field: `items[${e.index}]`, message: e.message }],
  );
}
