import type { Context } from './record.ts';
import { NotFoundError } from '../errors.ts';
import type { AuditEventFilter, Page, Store } from '../ports.ts';
import { toPage } from '../shared/pagination.ts';
import type { AuditEvent } from './model.ts';

export class AuditService {
  constructor(private readonly store: Store) {}

  async list(ctx: Context, filter: AuditEventFilter, after: string | null, limit: number): Promise<Page<AuditEvent>> {
    return toPage(await this.store.audit.list(ctx.actor.workspaceId, filter, after, limit + 1), limit);
  }

  async get(ctx: Context, id: string): Promise<AuditEvent> {
    const event = await this.store.audit.get(ctx.actor.workspaceId, id);
    if (!event) throw new NotFoundError('event', id);
    return event;
  }
}
