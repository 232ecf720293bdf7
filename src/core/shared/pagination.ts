// Opaque cursors: the last id of the page, base64url-encoded. Ids are UUIDv7, so id order
// is creation order and a cursor stays valid while objects are added or removed.
import { ValidationError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { Page } from '../ports.ts';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined | null, field = 'cursor'): string | null {
  if (!cursor) return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) throw new ValidationError([{ field, message: 'is not a cursor this API returned' }]);
  return id;
}

/** Repositories fetch limit + 1 rows; the extra one only says whether there is a next page. */
export function toPage<T extends { id: string }, U = T>(rows: T[], limit: number, map: (row: T) => U = (r) => r as unknown as U): Page<U> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
