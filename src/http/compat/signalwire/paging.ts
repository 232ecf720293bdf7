// SignalWire's list paging on the core's cursors. Newest first (the vendor sorts by creation,
// most recent first). page_token is the core cursor of the page's position (the last, older-side
// id of the page before); page_number labels the links. A page_number without a page_token (a
// client that counts pages itself) is read by offset: page_number × page_size items in, the same
// page a walk with the links reaches. A prev link is computed by looking one page the other way
// from this page's first item.
import type { FastifyRequest } from 'fastify';
import type { Context } from '../../../core/audit/record.ts';
import type { Core } from '../../../core/index.ts';
import type { Page, PhoneNumberFilter } from '../../../core/ports.ts';
import type { PhoneNumber } from '../../../core/phone-numbers/schema.ts';
import { decodeCursor, encodeCursor, toPage } from '../../../core/shared/pagination.ts';
import { LIST_PATH, PREFIX } from './constants.ts';
import type { WireListQuery } from './schemas.ts';

export interface WirePage {
  items: PhoneNumber[];
  links: { self: string; first: string; next?: string; prev?: string };
}

/** The page_number-th page of `size`, newest first, by offset; its next cursor as a token page would have it. */
async function pageByNumber(core: Core, ctx: Context, filter: PhoneNumberFilter, pageNumber: number, size: number): Promise<Page<PhoneNumber>> {
  const rows = await core.phoneNumbers.listByOffset(ctx, filter, { offset: pageNumber * size, limit: size + 1, sort: 'created', desc: true });
  return toPage(rows, size);
}

export async function listPage(core: Core, ctx: Context, request: FastifyRequest, query: WireListQuery): Promise<WirePage> {
  const size = query.page_size ?? 50;
  const pageNumber = query.page_number ?? 0;
  const after = decodeCursor(query.page_token, 'page_token');
  const filter = { search: query.filter_name || undefined, numberContains: query.filter_number || undefined };
  const byNumber = !after && pageNumber > 0;
  const page = byNumber ? await pageByNumber(core, ctx, filter, pageNumber, size) : await core.phoneNumbers.list(ctx, filter, after, size, 'desc');

  const link = (number: number, token: string | null) => {
    const q = new URLSearchParams({ page_number: String(number), page_size: String(size) });
    if (token) q.set('page_token', token);
    if (query.filter_name) q.set('filter_name', query.filter_name);
    if (query.filter_number) q.set('filter_number', query.filter_number);
    return `${request.protocol}://${request.host}${PREFIX}${LIST_PATH}?${q}`;
  };
  const links: WirePage['links'] = { self: link(pageNumber, query.page_token ?? null), first: link(0, null) };
  if (page.nextCursor) links.next = link(pageNumber + 1, page.nextCursor);
  if (byNumber) links.prev = link(pageNumber - 1, null);
  else if (after) {
    const first = page.items[0];
    // The newer side of this page, nearest first: its size + 1st item is where the previous page starts after.
    const newer = first ? (await core.phoneNumbers.list(ctx, filter, first.id, size + 1, 'asc')).items : [];
    const start = newer.length > size ? newer[size]! : undefined;
    links.prev = start ? link(Math.max(pageNumber - 1, 1), encodeCursor(start.id)) : link(0, null);
  }
  return { items: page.items, links };
}
