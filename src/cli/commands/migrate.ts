// switchboard migrate: applies pending migrations and says which ran.
import { parseCommand } from '../args.ts';
import { withRuntime } from '../open.ts';
import { createOutput } from '../output.ts';

export async function migrate(args: string[]): Promise<void> {
  const { json } = parseCommand('migrate', args, { options: {} });
  const applied = await withRuntime((runtime) => runtime.store.migrate(runtime.core.secrets), { migrate: false });
  createOutput(json).result({ applied }, () =>
    applied.length ? applied.map((name) => `applied migration ${name}`) : ['the database is up to date: no migrations to apply'],
  );
}
