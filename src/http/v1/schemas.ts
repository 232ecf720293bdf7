// Wire pieces shared by the native API's routes.
import { Type, type TSchema } from '@sinclair/typebox';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, LIST_ORDERS } from '../../core/shared/pagination.ts';
import { StringEnum, Timestamp } from '../../core/shared/schema-kit.ts';
import { IdempotencyKeyHeader } from '../plugins/idempotency.ts';

export const ErrorEnvelope = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable, machine-readable: invalid_request, validation_failed, not_found …' }),
      message: Type.String(),
      request_id: Type.String(),
      details: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    }),
  },
  { title: 'Error' },
);

/** The error answers every authenticated route can give, for the OpenAPI document. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries([400, 401, 403, 429, ...statuses].map((s) => [s, ErrorEnvelope]));

export const ListOf = <T extends TSchema>(item: T) =>
  Type.Object({
    data: Type.Array(item),
    next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` to get the next page; null on the last page.' }),
    has_more: Type.Boolean(),
  });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: `Page size, at most ${MAX_PAGE_SIZE}.` })),
  cursor: Type.Optional(Type.String({ maxLength: 128, description: 'From the previous page\'s next_cursor.' })),
};

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid', maxLength: 36 }) });

/** Lists readable both ways, newest first by default, with a time window: the audit log, deliveries. */
export const TimeOrderedQuery = {
  order: Type.Optional(StringEnum(LIST_ORDERS, 'desc (default): newest first; asc: oldest first. A cursor is only good for the order it was returned for (else 400).')),
  since: Type.Optional(Timestamp('Only what was created at or after this time (ISO 8601, inclusive).')),
  until: Type.Optional(Timestamp('Only what was created before this time (ISO 8601, exclusive); before since is 422.')),
};

export const page = <T>(p: { items: T[]; nextCursor: string | null }) => ({ data: p.items, next_cursor: p.nextCursor, has_more: p.nextCursor !== null });

export const ifMatchHeader = Type.Object({
  'if-match': Type.Optional(Type.String({
    maxLength: 1024,
    description: 'The ETag you last read ("3"), or a list of them ("3", "4"), or *: the write fails with 412 unless the object\'s current version is one of them (strong comparison: W/"3" never matches). Not a list of ETags: 400.',
  })),
});
export const ifNoneMatchHeader = Type.Object({
  'if-none-match': Type.Optional(Type.String({
    maxLength: 1024,
    description: 'The ETag you hold ("3", or a list, or *): if the object is still at that version the answer is 304 with no body (weak comparison). Not a list of ETags: 400.',
  })),
});
/** GET by id with If-None-Match naming the current version. */
export const notModified = { 304: Type.Null({ description: 'Not modified: the object is still at the version If-None-Match names (ETag header, no body).' }) };
/** What every native DELETE answers: 200 with the object as it was when it was deleted (released, revoked). */
export const DELETE_DESCRIPTION = 'Answers 200 with the object as it was at deletion, as every DELETE of the native API does.';
export const idempotencyHeader = Type.Object({ 'idempotency-key': Type.Optional(IdempotencyKeyHeader) });
