// switchboard migrate: applies pending migrations and says which ran.
import { parseCommand } from '../args.ts';
import { withRuntime } from '../open.ts';
import { createOutput } from '../output.ts';

export async function migrate(args: string[]): Promise<void> {
  const { json } = parseCommand('migrate', args, { options: {} });
  // Opening the runtime migrates (and creates the database if there is none).
  const applied = await withRuntime(async (runtime) => runtime.migrated, { create: true, json });
  createOutput(json).result({ applied }, () =>
    applied.length ? applied.map((name) => `applied migration ${name}`) : ['the database is up to date: no migrations to apply'],
  );
}
