// switchboard key create|list|revoke
import { SCOPES, toPublicKey, type ApiKey, type Scope } from '../../core/api-keys/model.ts';
import { issueKey } from '../../core/api-keys/service.ts';
import { recordChange } from '../../core/audit/record.ts';
import { NotFoundError } from '../../core/errors.ts';
import { decodeCursor } from '../../core/shared/pagination.ts';
import { id, parseCommand, required, text } from '../args.ts';
import { UsageError } from '../errors.ts';
import { withRuntime } from '../open.ts';
import { createOutput, table } from '../output.ts';
import { operatorContext } from './operator.ts';

export async function keyCommand(sub: string | undefined, args: string[]): Promise<void> {
  if (sub === 'create') return create(args);
  if (sub === 'list') return list(args);
  if (sub === 'revoke') return revoke(args);
  throw new UsageError(sub ? `key: unknown subcommand "${sub}" (create, list, revoke)` : 'key: missing subcommand (create, list, revoke)');
}

export function parseScopes(command: string, raw: string): Scope[] {
  const names = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
  if (names.length === 0) throw new UsageError(`${command}: --scopes must list at least one scope`);
  const unknown = names.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new UsageError(`${command}: unknown scope${unknown.length > 1 ? 's' : ''} ${unknown.map((s) => `"${s}"`).join(', ')} (scopes: ${SCOPES.join(', ')})`);
  return names as Scope[];
}

async function create(args: string[]): Promise<void> {
  const command = 'key create';
  const { values, json } = parseCommand(command, args, { options: { workspace: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' } } });
  const workspaceId = id(command, '--workspace', required(command, 'workspace', values.workspace));
  if (values.scopes === undefined) throw new UsageError(`${command}: --scopes is required`);
  const scopes = parseScopes(command, values.scopes);
  const name = values.name === undefined ? 'operator key' : text(command, 'name', values.name);
  const issued = await withRuntime((runtime) =>
    runtime.store.transaction(async (tx) => {
      if (!(await tx.workspaces.get(workspaceId))) throw new NotFoundError('workspace', workspaceId);
      const now = new Date().toISOString();
      const key = await issueKey(tx, { workspaceId, userId: null, name, scopes }, now);
      await recordChange(tx, operatorContext(workspaceId), { type: 'api_key.created', objectType: 'api_key', objectId: key.key.id, before: null, after: key.key }, now);
      return key;
    }),
    { json },
  );
  createOutput(json).result({ ...issued.key, secret: issued.secret }, () => [
    `created API key "${issued.key.name}" in workspace ${workspaceId}`,
    `  key id:  ${issued.key.id}`,
    `  scopes:  ${issued.key.scopes.join(', ')}`,
    `  API key: ${issued.secret}`,
    'The API key is shown only this once: store it now.',
  ]);
}

async function list(args: string[]): Promise<void> {
  const command = 'key list';
  const { values, json } = parseCommand(command, args, { options: { workspace: { type: 'string' } } });
  const workspaceId = id(command, '--workspace', required(command, 'workspace', values.workspace));
  const items = await withRuntime(async (runtime) => {
    await runtime.core.workspaces.get(null, workspaceId); // NotFoundError for an unknown workspace
    const all: ApiKey[] = [];
    let after: string | null = null;
    do {
      const page = await runtime.core.apiKeys.list(operatorContext(workspaceId), after, 200);
      all.push(...page.items);
      after = decodeCursor(page.nextCursor);
    } while (after);
    return all;
  }, { json });
  createOutput(json).result({ items }, () =>
    items.length
      ? table(
          ['ID', 'PREFIX', 'STATUS', 'LAST USED', 'SCOPES', 'NAME'],
          items.map((k) => [k.id, k.prefix, k.revoked_at ? `revoked ${k.revoked_at}` : 'active', k.last_used_at ?? 'never', k.scopes.join(','), k.name]),
        )
      : [`no API keys in workspace ${workspaceId}`],
  );
}

async function revoke(args: string[]): Promise<void> {
  const command = 'key revoke';
  const { positionals, json } = parseCommand(command, args, { options: {}, positionals: ['KEY_ID'] });
  const keyId = id(command, 'KEY_ID', positionals[0]!);
  const { key, wasRevoked } = await withRuntime(async (runtime) => {
    const found = await runtime.store.apiKeys.getAnyWorkspace(keyId);
    if (!found) throw new NotFoundError('API key', keyId);
    if (found.revoked_at) return { key: toPublicKey(found), wasRevoked: true };
    return { key: await runtime.core.apiKeys.revoke(operatorContext(found.workspace_id), keyId), wasRevoked: false };
  }, { json });
  createOutput(json).result(key, () => [
    wasRevoked
      ? `API key ${key.id} (${key.prefix}…) of workspace ${key.workspace_id} was already revoked at ${key.revoked_at}`
      : `revoked API key ${key.id} (${key.prefix}…) of workspace ${key.workspace_id}: running servers refuse it within SWITCHBOARD_API_KEY_CACHE_TTL (5 s by default)`,
  ]);
}
