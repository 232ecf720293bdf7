// Switchboard as child processes (the CLI, a real server) on a database of their own:
// a temp data dir for SQLite, or a fresh schema of DATABASE_URL (SWITCHBOARD_DB_SCHEMA).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { openRuntime, type Runtime } from '../../src/runtime.ts';
import { TEST_SECRET_KEY } from './app.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ChildEnv {
  env: NodeJS.ProcessEnv;
  /** The same database, opened in this process (already migrated by then, or migrates). */
  openRuntime(): Promise<Runtime>;
  cleanup(): Promise<void>;
}

export async function createChildEnv(): Promise<ChildEnv> {
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-proc-'));
  const schema = databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined;
  if (databaseUrl) await pgQuery(databaseUrl, `create schema ${schema}`);
  // Load shedding off (see createTestApp): child servers start on a busy machine.
  const env: NodeJS.ProcessEnv = { ...process.env, SWITCHBOARD_DATA_DIR: dataDir, SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY, LOG_LEVEL: 'info', SWITCHBOARD_MAX_EVENT_LOOP_DELAY: '0' };
  for (const name of ['PORT', 'HOST', 'SWITCHBOARD_DB_SCHEMA', 'SWITCHBOARD_BODY_LIMIT', 'SWITCHBOARD_BULK_BODY_LIMIT', 'NODE_OPTIONS', 'NODE_TEST_CONTEXT']) delete env[name];
  if (schema) env.SWITCHBOARD_DB_SCHEMA = schema;
  return {
    env,
    openRuntime: () => openRuntime(loadConfig(env)),
    async cleanup() {
      if (databaseUrl && schema) await pgQuery(databaseUrl, `drop schema if exists ${schema} cascade`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function pgQuery(databaseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface Child {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout+stderr match `pattern`; rejects on exit or after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

/** Starts `node --import tsx <args>` in the repository. Every child is tracked for killAll(). */
export function startChild(args: string[], env: NodeJS.ProcessEnv, options: { cwd?: string; tsx?: boolean } = {}): Child {
  const child = spawn(process.execPath, [...(options.tsx === false ? [] : ['--import', 'tsx']), ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (d) => { out += d; listeners.forEach((l) => l()); });
  child.stderr!.on('data', (d) => { err += d; listeners.forEach((l) => l()); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, ms = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = (out + err).match(pattern);
          if (!match) return false;
          done();
          resolve(match);
          return true;
        };
        const timer = setTimeout(() => { done(); reject(new Error(`timed out after ${ms} ms waiting for ${pattern}\nstdout:\n${out}\nstderr:\n${err}`)); }, ms);
        const done = () => { clearTimeout(timer); listeners.delete(check); };
        listeners.add(check);
        if (check()) return;
        exited.then(({ code, signal }) => {
          if (check()) return;
          done();
          reject(new Error(`exited (${code ?? signal}) before printing ${pattern}\nstdout:\n${out}\nstderr:\n${err}`));
        });
      });
    },
  };
}

/** Runs a command to its end (killed after `ms`). */
export async function runChild(args: string[], env: NodeJS.ProcessEnv, options: { cwd?: string; tsx?: boolean; ms?: number } = {}) {
  const child = startChild(args, env, options);
  const timer = setTimeout(() => child.process.kill('SIGKILL'), options.ms ?? 60_000);
  const { code, signal } = await child.exited;
  clearTimeout(timer);
  return { code, signal, stdout: child.stdout(), stderr: child.stderr() };
}

/** Waits for a child's exit, or kills it and fails after `ms`. */
export async function exitWithin(child: Child, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.process.kill('SIGKILL');
      reject(new Error(`did not exit within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([child.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** For after() hooks: no child outlives its test file. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('close', () => resolve());
      child.kill('SIGKILL');
    })),
  );
}

/** A first start's API key: printed once the server listens, so it can follow the first /readyz by a moment. */
export async function firstKey(child: Child): Promise<string> {
  return (await child.waitFor(/sb_[A-Za-z0-9_-]+/, 10_000))[0];
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Waits until a server child answers GET /readyz with 200; fails if it exits first or after `ms`. */
export async function waitReady(child: Child, base: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`server exited: ${child.stderr()}`);
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become ready: ${child.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** JSON over HTTP to a server child with one API key: (method, path, body?) → {status, json}. */
export function jsonClient(base: string, key: string) {
  return async (method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, any> }> => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : {} };
  };
}
