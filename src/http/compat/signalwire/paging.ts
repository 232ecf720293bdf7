// SignalWire's list paging on the core's cursors. Newest first (the vendor sorts by creation,
// most recent first). page_token is the core cursor of the page's position (the last, older-side
// id of the page before); page_number only labels the links. A prev link is computed by looking
// one page the other way from this page's first item.
import type { FastifyRequest } from 'fastify';
import type { Context } from '../../../core/audit/record.ts';
import { ValidationError } from '../../../core/errors.ts';
import type { Core } from '../../../core/index.ts';
import type { PhoneNumber } from '../../../core/phone-numbers/schema.ts';
import { decodeCursor, encodeCursor } from '../../../core/shared/pagination.ts';
import { LIST_PATH, PREFIX } from './constants.ts';
import type { WireListQuery } from './schemas.ts';

export interface WirePage {
  items: PhoneNumber[];
  links: { self: string; first: string; next?: string; prev?: string };
}

export async function listPage(core: Core, ctx: Context, request: FastifyRequest, query: WireListQuery): Promise<WirePage> {
  const size = query.page_size ?? 50;
  const pageNumber = query.page_number ?? 0;
  if (pageNumber > 0 && !query.page_token) throw new ValidationError([{ field: 'page_token', message: 'is required when page_number > 0' }]);
  const after = decodeCursor(query.page_token, 'page_token');
  const filter = { search: query.filter_name || undefined, numberContains: query.filter_number || undefined };
  const page = await core.phoneNumbers.list(ctx, filter, after, size, 'desc');

  const link = (number: number, token: string | null) => {
    const q = new URLSearchParams({ page_number: String(number), page_size: String(size) });
    if (token) q.set('page_token', token);
    if (query.filter_name) q.set('filter_name', query.filter_name);
    if (query.filter_number) q.set('filter_number', query.filter_number);
    return `${request.protocol}://${request.host}${PREFIX}${LIST_PATH}?${q}`;
  };
  const links: WirePage['links'] = { self: link(pageNumber, query.page_token ?? null), first: link(0, null) };
  if (page.nextCursor) links.next = link(pageNumber + 1, page.nextCursor);
  if (after) {
    const first = page.items[0];
    // The newer side of this page, nearest first: its size + 1st item is where the previous page starts after.
    const newer = first ? (await core.phoneNumbers.list(ctx, filter, first.id, size + 1, 'asc')).items : [];
    const start = newer.length > size ? newer[size]! : undefined;
    links.prev = start ? link(Math.max(pageNumber - 1, 1), encodeCursor(start.id)) : link(0, null);
  }
  return { items: page.items, links };
}
