// switchboard workspace create|list
import { decodeCursor } from '../../core/shared/pagination.ts';
import type { Workspace } from '../../core/workspaces/model.ts';
import { parseCommand, required, text } from '../args.ts';
import { UsageError } from '../errors.ts';
import { withRuntime } from '../open.ts';
import { createOutput, table } from '../output.ts';

export async function workspaceCommand(sub: string | undefined, args: string[]): Promise<void> {
  if (sub === 'create') return create(args);
  if (sub === 'list') return list(args);
  throw new UsageError(sub ? `workspace: unknown subcommand "${sub}" (create, list)` : 'workspace: missing subcommand (create, list)');
}

async function create(args: string[]): Promise<void> {
  const command = 'workspace create';
  const { values, json } = parseCommand(command, args, { options: { name: { type: 'string' }, user: { type: 'string' } } });
  const name = required(command, 'name', values.name);
  const userName = values.user === undefined ? undefined : text(command, 'user', values.user);
  const created = await withRuntime((runtime) => runtime.core.workspaces.create(null, { name, userName }), { create: true, json });
  const { workspace, user, apiKey } = created;
  createOutput(json).result({ workspace, user, api_key: { ...apiKey.key, secret: apiKey.secret } }, () => [
    `created workspace "${workspace.name}"`,
    `  workspace id: ${workspace.id}`,
    `  user id:      ${user.id} (${user.name})`,
    `  key id:       ${apiKey.key.id}`,
    `  API key:      ${apiKey.secret}`,
    'The API key is shown only this once: store it now.',
  ]);
}

async function list(args: string[]): Promise<void> {
  const { json } = parseCommand('workspace list', args, { options: {} });
  const items = await withRuntime(async (runtime) => {
    const all: Workspace[] = [];
    let after: string | null = null;
    do {
      const page = await runtime.core.workspaces.list(null, after, 200);
      all.push(...page.items);
      after = decodeCursor(page.nextCursor);
    } while (after);
    return all;
  }, { json });
  createOutput(json).result({ items }, () =>
    items.length ? table(['ID', 'CREATED', 'NAME'], items.map((w) => [w.id, w.created_at, w.name])) : ['no workspaces'],
  );
}
