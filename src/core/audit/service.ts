// The audit log. events:read reads all of it: every change of every kind of object, with what the
// object was before and after (secrets never reach it).
import type { Context } from './record.ts';
import { authorize } from '../authorization/authorize.ts';
import { NotFoundError } from '../errors.ts';
import type { AuditEventFilter, Page, Store } from '../ports.ts';
import { toPage } from '../shared/pagination.ts';
import type { AuditEvent } from './model.ts';

export class AuditService {
  constructor(private readonly store: Store) {}

  async list(ctx: Context, filter: AuditEventFilter, after: string | null, limit: number): Promise<Page<AuditEvent>> {
    authorize(ctx, 'events:read');
    return toPage(await this.store.audit.list(ctx.actor.workspaceId, filter, after, limit + 1), limit);
  }

  async get(ctx: Context, id: string): Promise<AuditEvent> {
    authorize(ctx, 'events:read');
    const event = await this.store.audit.get(ctx.actor.workspaceId, id);
    if (!event) throw new NotFoundError('event', id);
    return event;
  }
}
