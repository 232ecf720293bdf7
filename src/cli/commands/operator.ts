// Who the CLI acts as: the operator at the machine, recorded on audit events.
import type { Context } from '../../core/audit/record.ts';

export function operatorContext(workspaceId: string): Context {
  return { actor: { workspaceId, userId: null, apiKeyId: null, type: 'operator' }, requestId: null };
}
