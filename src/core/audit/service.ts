// The audit log. events:read reads all of it: every change of every kind of object, with what the
// object was before and after (secrets never reach it).
import type { Context } from './record.ts';
import { authorize } from '../authorization/authorize.ts';
import { NotFoundError } from '../errors.ts';
import type { AuditEventFilter, Page, Store } from '../ports.ts';
import { toPage, type ListOrder } from '../shared/pagination.ts';
import { timeRange } from '../shared/time-range.ts';
import type { AuditEvent } from './model.ts';

export class AuditService {
  constructor(private readonly store: Store) {}

  /** In write order, newest first unless 'asc'; since/until as any ISO 8601 date-time, [since, until). */
  async list(ctx: Context, filter: AuditEventFilter, after: string | null, limit: number, order: ListOrder = 'desc'): Promise<Page<AuditEvent>> {
    authorize(ctx, 'events:read');
    const query = { ...filter, ...timeRange(filter.since, filter.until) };
    return toPage(await this.store.audit.list(ctx.actor.workspaceId, query, after, limit + 1, order), limit, undefined, order);
  }

  async get(ctx: Context, id: string): Promise<AuditEvent> {
    authorize(ctx, 'events:read');
    const event = await this.store.audit.get(ctx.actor.workspaceId, id);
    if (!event) throw new NotFoundError('event', id);
    return event;
  }
}
