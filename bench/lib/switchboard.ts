// Switchboard under test: `node dist/main.js`, what `npm start` runs (bench/run.ts builds it
// first), on a database of its own, its first API key read from the one-time message it prints
// on first start (src/cli/print.ts).
import { freePort, spawnServer, type ServerChild } from './children.ts';
import type { BenchDatabase } from './database.ts';
import { requestJson } from './http.ts';

export const SERVER_SCRIPT = 'dist/main.js';

export interface SeededNumber {
  id: string;
  number: string;
}

export class Switchboard {
  private constructor(
    readonly db: BenchDatabase,
    private child: ServerChild,
    readonly key: string,
    readonly workspaceId: string,
  ) {}

  get role(): string {
    return `switchboard (${this.db.kind})`;
  }
  get url(): string {
    return this.child.url;
  }
  get pid(): number {
    return this.child.pid;
  }
  get server(): ServerChild {
    return this.child;
  }
  get auth(): Record<string, string> {
    return { authorization: `Bearer ${this.key}` };
  }
  /** SignalWire's auth: HTTP Basic, project id (= workspace id) : token (= API key). */
  get basicAuth(): Record<string, string> {
    return { authorization: `Basic ${Buffer.from(`${this.workspaceId}:${this.key}`).toString('base64')}` };
  }

  /** Starts on a database that has never seen a Switchboard, so it bootstraps and prints a key. */
  static async start(db: BenchDatabase): Promise<{ sb: Switchboard; readyMs: number }> {
    const { server, readyMs } = await spawnServer({ role: `switchboard (${db.kind})`, script: SERVER_SCRIPT, env: db.env, port: await freePort() });
    // The key is printed just after listen() (the server bootstraps once it holds its port), so
    // it can follow the first 200 of /readyz by a moment: wait for it.
    let out = '';
    for (let i = 0; i < 250 && !/API key:\s+sb_\S+/.test(out); i++) {
      out = server.output().stdout;
      if (!/API key:\s+sb_\S+/.test(out)) await new Promise((r) => setTimeout(r, 20));
    }
    const key = out.match(/API key:\s+(sb_\S+)/)?.[1];
    const workspaceId = out.match(/workspace id:\s+(\S+)/)?.[1];
    if (!key || !workspaceId) {
      await server.stop();
      throw new Error(`Switchboard did not print its first API key\nstdout:\n${out}\nstderr:\n${server.output().stderr}`);
    }
    return { sb: new Switchboard(db, server, key, workspaceId), readyMs };
  }

  /** Stops the process and starts a new one on the same database; resolves to spawn→ready ms. */
  async restart(): Promise<number> {
    await this.child.stop();
    const { server, readyMs } = await spawnServer({ role: this.role, script: SERVER_SCRIPT, env: this.db.env, port: await freePort() });
    this.child = server;
    return readyMs;
  }

  stop(): Promise<void> {
    return this.child.stop();
  }

  /**
   * Adds `count` numbers with POST /v1/phone-numbers, `concurrency` at a time (there is no bulk
   * create; the bulk PATCH only changes existing numbers). +1 206 200 xxxx are valid US numbers
   * for libphonenumber-js "max" metadata, 10,000 of them in one exchange.
   */
  async seed(count: number, concurrency = 32): Promise<SeededNumber[]> {
    if (count > 10_000) throw new Error('seed: at most 10,000 numbers (one exchange)');
    const out: SeededNumber[] = new Array(count);
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const number = `+1206200${String(i).padStart(4, '0')}`;
        const res = await requestJson('POST', `${this.url}/v1/phone-numbers`, { headers: this.auth, body: { number, friendly_name: `bench ${i}` } });
        if (res.status !== 201) throw new Error(`seeding ${number}: ${res.status} ${res.text.slice(0, 300)}`);
        const body = res.json as { id: string; number: string };
        out[i] = { id: body.id, number: body.number };
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return out;
  }
}
