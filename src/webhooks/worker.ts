// The delivery worker: a loop that fans new events out of the outbox, leases due deliveries
// (at most `concurrency` in flight in this process) and makes their attempts. Runs inside
// every server unless SWITCHBOARD_WORKER=false, or alone as `switchboard worker`; any number
// of workers can share one database (leases keep them apart).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { DeliveryEngine } from '../core/webhooks/delivery/engine.ts';
import type { DeliveryClaim } from '../core/webhooks/delivery/model.ts';

export interface WorkerLogger {
  error(obj: object, msg: string): void;
}

export interface WorkerOptions {
  concurrency: number;
  /** How long an idle worker waits before looking for work again. */
  pollMs: number;
  /** Names this worker on its leases and attempts. */
  id?: string;
  log?: WorkerLogger;
}

/** A batch this size means the outbox may hold more: fan out again at once. */
const DISPATCH_BATCH = 500;

export class DeliveryWorker {
  readonly id: string;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private stopping = false;
  private loopDone: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly engine: DeliveryEngine,
    private readonly options: WorkerOptions,
  ) {
    this.id = options.id ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  start(): this {
    this.loopDone ??= this.loop();
    return this;
  }

  /** Attempts in flight now (for tests and metrics). */
  get busy(): number {
    return this.inFlight.size;
  }

  /**
   * Stops claiming; attempts in flight get `graceMs` to finish, then are aborted (recorded as
   * failed attempts, so they are retried) and any lease not yet used is given back.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loopDone;
    if (this.inFlight.size) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      const outcome = await Promise.race([Promise.allSettled(this.inFlight.values()), late]);
      clearTimeout(timer);
      if (outcome === 'late') {
        this.abort.abort();
        await Promise.allSettled(this.inFlight.values());
      }
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let more = false;
      try {
        more = (await this.engine.dispatch(DISPATCH_BATCH)) === DISPATCH_BATCH;
        const free = this.options.concurrency - this.inFlight.size;
        if (free > 0 && !this.stopping) {
          const claims = await this.engine.claim(this.id, free);
          for (const claim of claims) this.run(claim);
          more ||= claims.length === free;
        }
      } catch (err) {
        // The database may be away for a moment: say so, wait, try again.
        this.options.log?.error({ err }, 'webhook worker: a pass failed');
        more = false;
      }
      if (!more) await this.idle();
    }
  }

  private run(claim: DeliveryClaim): void {
    const id = claim.delivery.id;
    const done = (async () => {
      try {
        if (this.abort.signal.aborted) {
          await this.engine.release(this.id, [id]);
          return;
        }
        await this.engine.attempt(claim, this.id, this.abort.signal);
      } catch (err) {
        // The lease runs out and another pass (here or elsewhere) tries again.
        this.options.log?.error({ err, delivery_id: id }, 'webhook worker: an attempt could not be recorded');
      } finally {
        this.inFlight.delete(id);
        this.wake?.();
      }
    })();
    this.inFlight.set(id, done);
  }

  /** Waits for the poll interval, or less when an attempt finishes or stop() is called. */
  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(finish, this.options.pollMs);
      function finish() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        finish();
      };
    });
  }
}
