// Opens the runtime from the environment for one command and always closes it. The data dir and
// the database are found exactly as the server finds them (loadConfig: DATABASE_URL, else
// SWITCHBOARD_DATA_DIR or ./data of the current directory). Only migrate and workspace create
// may create a database; the others fail naming where they looked, creating nothing.
import { loadConfig } from '../config.ts';
import type { Runtime } from '../runtime.ts';

export interface OpenOptions {
  /** Create the database (and data dir) when there is none. */
  create?: boolean;
  /** --json: print nothing but the result. */
  json?: boolean;
}

export async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>, { create = false, json = false }: OpenOptions = {}): Promise<T> {
  const config = loadConfig();
  // Loaded here, not at the top: a usage error should not wait for the store and the core.
  const { openRuntime } = await import('../runtime.ts');
  const runtime = await openRuntime(config, { create });
  try {
    if (!json) process.stdout.write(`database: ${runtime.location}\n`);
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}
