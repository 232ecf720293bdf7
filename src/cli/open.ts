// Opens the runtime from the environment for one command and always closes it.
import { loadConfig } from '../config.ts';
import type { Runtime } from '../runtime.ts';

export async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  // Loaded here, not at the top: a usage error should not wait for the store and the core.
  const { openRuntime } = await import('../runtime.ts');
  const runtime = await openRuntime(config, options);
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}
