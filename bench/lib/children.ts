// Servers under test run as child processes: their memory can be read per process from
// /proc/<pid>/status, and the load generator (this process) does not share their event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup, trackChild } from './cleanup.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Memory {
  /** VmRSS: resident set size now, in bytes. */
  rss: number;
  /** VmHWM: the highest resident set size the process ever had, in bytes. */
  peak: number;
}

/** Reads a process's memory from /proc (Linux only; undefined elsewhere or once it has exited). */
export function readMemory(pid: number): Memory | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Highest VmHWM seen per server role, over every process that played it (restarts included). */
const peaks = new Map<string, number>();

export function peakRss(): ReadonlyMap<string, number> {
  return peaks;
}

/** Starts a new account (one per database pass). */
export function resetPeaks(): void {
  peaks.clear();
}

function recordPeak(role: string, pid: number): void {
  const memory = readMemory(pid);
  if (memory && Number.isFinite(memory.peak)) peaks.set(role, Math.max(peaks.get(role) ?? 0, memory.peak));
}

export interface ServerChild {
  role: string;
  process: ChildProcess;
  pid: number;
  url: string;
  /** stdout and stderr so far (the last 64 KiB of each). */
  output(): { stdout: string; stderr: string };
  memory(): Memory | undefined;
  /** SIGTERM (graceful), SIGKILL after 5 s; records the process's peak RSS first. */
  stop(): Promise<void>;
}

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One GET without keep-alive; resolves to the status code, or 0 when nothing answers yet. */
function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

export interface SpawnOptions {
  role: string;
  /** Script relative to the repository root: .ts runs with `node --import tsx`, .js as it is. */
  script: string;
  env: NodeJS.ProcessEnv;
  port: number;
  readyPath?: string;
  timeoutMs?: number;
}

/**
 * Spawns a server and waits until GET readyPath answers 200.
 * readyMs is the time from spawn to that first 200 (polled every 10 ms).
 */
export async function spawnServer(options: SpawnOptions): Promise<{ server: ServerChild; readyMs: number }> {
  const { role, script, env, port, readyPath = '/readyz', timeoutMs = 30_000 } = options;
  const started = performance.now();
  // BENCH_CPU_PROF=<dir>: every server child writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...profile, ...loader, script], { cwd: ROOT, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  const keep = (text: string) => (text.length > 65_536 ? text.slice(-65_536) : text);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout = keep(stdout + d)));
  child.stderr!.on('data', (d) => (stderr = keep(stderr + d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;

  const stop = onCleanup(`${role} (pid ${child.pid})`, async () => {
    if (!alive()) return;
    recordPeak(role, child.pid!);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  });
  const url = `http://127.0.0.1:${port}`;
  const server: ServerChild = {
    role,
    process: child,
    pid: child.pid!,
    url,
    output: () => ({ stdout, stderr }),
    memory: () => readMemory(child.pid!),
    stop,
  };

  for (;;) {
    if (!alive()) {
      await stop();
      throw new Error(`${role} exited (${child.exitCode ?? child.signalCode}) before it was ready\nstdout:\n${stdout}\nstderr:\n${stderr}`);
    }
    if ((await probe(url + readyPath)) === 200) return { server, readyMs: performance.now() - started };
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`${role} not ready within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}
