// Freya names the workspace in every request; here it can only be the API key's own.
import type { Context } from '../../../core/audit/record.ts';
import { NotFoundError } from '../../../core/errors.ts';

/** Another workspace's id (or an unknown one) is 404: its existence is not revealed. */
export function assertOwnWorkspace(ctx: Context, workspaceId: string | undefined): void {
  if (workspaceId !== undefined && workspaceId.toLowerCase() !== ctx.actor.workspaceId) throw new NotFoundError('workspace', workspaceId);
}
