// Wire pieces shared by the native API's routes.
import { Type, type TSchema } from '@sinclair/typebox';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '../../core/shared/pagination.ts';
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

export const page = <T>(p: { items: T[]; nextCursor: string | null }) => ({ data: p.items, next_cursor: p.nextCursor, has_more: p.nextCursor !== null });

export const ifMatchHeader = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 64, description: 'The ETag you last read: the write fails with 412 if the object has changed since.' })) });
export const idempotencyHeader = Type.Object({ 'idempotency-key': Type.Optional(IdempotencyKeyHeader) });
