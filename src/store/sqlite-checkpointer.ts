// WAL checkpoints on a thread of their own. SQLite copies the write-ahead log back into the
// database file when a commit leaves it over wal_autocheckpoint pages, inside that commit: a
// 10,000-number bulk update spent a third of a second there, and a single PATCH now and then
// paid for the writes before it (its p99). A worker thread with its own connection runs
// PASSIVE checkpoints, which wait for no reader or writer, every CHECKPOINT_EVERY_MS; the main
// connection's automatic checkpoint stays as a backstop at a much larger log.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const CHECKPOINT_EVERY_MS = 500;
/** Pages (4 KiB) the log may reach before a commit checkpoints anyway: the worker is behind or gone. */
export const BACKSTOP_PAGES = 16_384;

// Plain JavaScript (eval), so the worker needs no TypeScript loader.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next round */ }
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(SOURCE, { eval: true, workerData: { file, driver, everyMs: CHECKPOINT_EVERY_MS } });
  // A failing checkpointer costs only speed: commits checkpoint at the backstop instead.
  worker.on('error', () => {});
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Held again while it closes its connection, or nothing would keep this process waiting.
      worker.ref();
      worker.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 2_000)))]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}
