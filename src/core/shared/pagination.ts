// Opaque cursors: the last id of the page, base64url-encoded. Ids are UUIDv7, so id order
// is creation order and a cursor stays valid while objects are added or removed. A list that
// can be read both ways (the audit log, deliveries) marks the cursors of its newest-first pages,
// so a cursor is never read in the other direction (it would skip or repeat items silently).
import { InvalidRequestError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { Page } from '../ports.ts';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export const LIST_ORDERS = ['asc', 'desc'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

const DESC_MARK = '.desc';

export function encodeCursor(id: string, order: ListOrder = 'asc'): string {
  return Buffer.from(order === 'desc' ? `${id}${DESC_MARK}` : id, 'utf8').toString('base64url');
}

/** The id a cursor stands for; 400 when it is not one this API made, or was made for the other order. */
export function decodeCursor(cursor: string | undefined | null, field = 'cursor', order: ListOrder = 'asc'): string | null {
  if (!cursor) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const made: ListOrder = text.endsWith(DESC_MARK) ? 'desc' : 'asc';
  const id = made === 'desc' ? text.slice(0, -DESC_MARK.length) : text;
  if (!isUuid(id)) throw new InvalidRequestError([{ field, message: 'is not a cursor this API returned' }]);
  if (made !== order) throw new InvalidRequestError([{ field, message: `was returned for order=${made}: use it with order=${made}, or start again without a cursor` }]);
  return id;
}

/** Repositories fetch limit + 1 rows; the extra one only says whether there is a next page. */
export function toPage<T extends { id: string }, U = T>(rows: T[], limit: number, map: (row: T) => U = (r) => r as unknown as U, order: ListOrder = 'asc'): Page<U> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor(last.id, order) : null };
}
