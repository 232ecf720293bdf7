// Everything the harness creates (child processes, temp dirs, Postgres schemas) registers an
// undo action here, so a normal end, an error or Ctrl-C all leave the machine as it was.
import type { ChildProcess } from 'node:child_process';

type Action = () => Promise<void> | void;

const actions = new Map<number, { label: string; run: Action }>();
const children = new Set<ChildProcess>();
let nextId = 0;

/** Registers an undo action; the returned function runs it early (and unregisters it). */
export function onCleanup(label: string, run: Action): () => Promise<void> {
  const id = nextId++;
  actions.set(id, { label, run });
  return async () => {
    if (!actions.delete(id)) return;
    await run();
  };
}

/** Child processes are also killed synchronously on exit, in case the async cleanup never runs. */
export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

let running: Promise<void> | undefined;

/**
 * Runs every pending action, newest first (children stop before their database goes away).
 * Concurrent calls (Ctrl-C while the run is failing because its server was just stopped) share
 * one pass, so nobody exits while the other is still dropping a schema.
 */
export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    while (actions.size) {
      const [id, { label, run }] = [...actions.entries()].at(-1)!;
      actions.delete(id);
      try {
        await run();
      } catch (err) {
        console.error(`bench: cleanup of ${label} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })().finally(() => (running = undefined));
  return running;
}

let interrupted = false;

/** True after SIGINT/SIGTERM: errors from then on are the interruption's, not the run's. */
export function isInterrupted(): boolean {
  return interrupted;
}

let installed = false;

export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\nbench: ${signal}: cleaning up…`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
  process.once('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
}
