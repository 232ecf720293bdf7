// PUT /api/v2/phone-numbers: Freya's bulk update. Each item is checked alone (Freya's shape
// here, the core's rules in core.phoneNumbers.bulkUpdate, non-atomic): valid items are written
// even when others fail, and each failed item is reported with details in Freya's field names.
import type { Static } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FieldIssue } from '../../../core/errors.ts';
import type { Core } from '../../../core/index.ts';
import { MAX_BULK_ITEMS, tooManyItemsMessage, type BulkItem } from '../../../core/phone-numbers/bulk-update.ts';
import { HttpError } from '../../errors.ts';
import { isPlainObject } from '../../../core/shared/merge-patch.ts';
import { checkSchema } from '../../../core/shared/check-schema.ts';
import { contextOf } from '../../plugins/auth.ts';
import { FREYA_BASE, FREYA_TAG } from './constants.ts';
import { summarize, toFreyaDetails } from './errors.ts';
import { toCorePatch } from './from-wire.ts';
import { BulkBody, BulkItemIn, BulkResponse, errorResponses } from './schemas.ts';
import { toFreyaMany } from './to-wire.ts';
import { assertOwnWorkspace } from './workspace.ts';

interface ItemError {
  index: number;
  id: string;
  error: string;
  details: FieldIssue[];
}

/** How an error names its item: the id it gave, else its number, else its position. */
function itemLabel(raw: unknown, index: number): string {
  if (isPlainObject(raw)) {
    if (typeof raw.id === 'string' && raw.id) return raw.id;
    if (typeof raw.number === 'string' && raw.number) return raw.number;
  }
  return `phoneNumbers[${index}]`;
}

export function freyaBulkRoutes(core: Core, bodyLimit: number): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.put(FREYA_BASE, {
      bodyLimit,
      // Too many items is a request too large (413), said before the schema would call it invalid.
      preValidation: async (request) => {
        const items = (request.body as { phoneNumbers?: unknown } | null)?.phoneNumbers;
        if (Array.isArray(items) && items.length > MAX_BULK_ITEMS) {
          throw new HttpError(413, 'payload_too_large', tooManyItemsMessage(items.length), [{ field: 'phoneNumbers', message: `must have at most ${MAX_BULK_ITEMS} items` }]);
        }
      },
      schema: {
        operationId: 'freyaUpdatePhoneNumbers',
        summary: `Update phone numbers (Freya Voice): up to ${MAX_BULK_ITEMS} items`,
        description:
          'Each item names a number by `id` (or by `number` when it has no id) and sets friendlyName and config fields ' +
          '(absent = unchanged, null = back to the default). Valid items are written even when others fail; ' +
          'failed items are listed in result.errors. success is false only when no item was updated.',
        tags: [FREYA_TAG],
        body: BulkBody,
        response: { 200: BulkResponse, ...errorResponses(404, 413) },
      },
    }, async (request) => {
      const ctx = contextOf(request);
      assertOwnWorkspace(ctx, request.body.workspaceId);
      const raw = request.body.phoneNumbers;

      const errors: ItemError[] = [];
      const items: BulkItem[] = [];
      const requestIndex: number[] = [];
      raw.forEach((value, index) => {
        // A problem with the item as a whole (not an object) is reported on "(item)".
        const issues = checkSchema(BulkItemIn, value).map((d) => (d.field === '(body)' ? { ...d, field: '(item)' } : d));
        if (issues.length) {
          errors.push({ index, id: itemLabel(value, index), error: summarize(issues, 'the item is not valid'), details: issues });
          return;
        }
        const item = value as Static<typeof BulkItemIn>;
        items.push({ id: item.id ?? null, number: item.number ?? null, patch: toCorePatch(item) });
        requestIndex.push(index);
      });

      const result = items.length ? await core.phoneNumbers.bulkUpdate(ctx, items, { atomic: false, dryRun: false }) : undefined;
      for (const e of result?.errors ?? []) {
        const index = requestIndex[e.index]!;
        const details = toFreyaDetails(e.details);
        errors.push({ index, id: itemLabel(raw[index], index), error: summarize(details, e.message), details });
      }
      errors.sort((a, b) => a.index - b.index);

      const updated = await toFreyaMany(core, ctx, result?.updated ?? []);
      const message = updated.length === 0
        ? 'No phone numbers were updated'
        : `${updated.length} phone number(s) updated${errors.length ? `, ${errors.length} failed` : ''}`;
      return {
        success: updated.length > 0,
        data: { message, result: { updated, errors: errors.map(({ id, error, details }) => ({ id, error, details })) } },
      };
    });
  };
}
