// Configuration comes from the environment only, and is validated once at start:
// a bad value stops the process with a message that names the variable.
import { isIP } from 'node:net';
import path from 'node:path';
import { defaultConsoleDir } from './http/console/paths.ts';
import { DEFAULT_RETRY_SCHEDULE_MS, parseDuration, scheduleProblem } from './core/webhooks/delivery/retry-schedule.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_FORMAT: JSON lines for machines (default), or pino-pretty's coloured lines for humans. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * SWITCHBOARD_TRUST_PROXY, as Fastify's `trustProxy` takes it: false (the connection's address
 * is the client's), true (every proxy is trusted: the left-most X-Forwarded-For entry), a number
 * of proxy hops, or the addresses/CIDR ranges of the proxies.
 */
export type TrustProxy = boolean | number | string[];

/** The APIs Switchboard can serve: its own and the vendor-compatible ones. */
export const FACES = ['v1', 'freya', 'voiceos', 'vocode', 'signalwire'] as const;
export type Face = (typeof FACES)[number];

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** 32-byte key for AES-256-GCM, decoded; undefined = generate/keep one under dataDir (SQLite only). */
  secretKey: Buffer | undefined;
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** SWITCHBOARD_TRUST_PROXY: whose X-Forwarded-For is believed for the client address. */
  trustProxy: TrustProxy;
  /** Largest request body accepted by any route, in bytes. */
  bodyLimit: number;
  /** Largest request body of the bulk routes, in bytes. */
  bulkBodyLimit: number;
  /** Which APIs are mounted (SWITCHBOARD_FACES); all by default. */
  faces: Set<Face>;
  /** Postgres only: run in this schema instead of the URL's default (tests, multi-tenant hosting). */
  dbSchema?: string;
  /** SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: webhooks may go to loopback/private/link-local addresses. */
  webhookAllowPrivate: boolean;
  /** SWITCHBOARD_WORKER: this process runs the webhook delivery worker (default true). */
  worker: boolean;
  webhooks: WebhookDeliveryConfig;
  /** SWITCHBOARD_RATE_LIMIT per SWITCHBOARD_RATE_LIMIT_WINDOW, per API key (else per IP), in this process; null = off. */
  rateLimit: RateLimitConfig | null;
  /** SWITCHBOARD_MAX_EVENT_LOOP_DELAY: shed load (503) when the event loop lags more than this many ms; 0 = off. */
  maxEventLoopDelayMs: number;
  /** SWITCHBOARD_API_KEY_CACHE_TTL: a valid key is trusted this long without reading it again; 0 = every request reads it. */
  apiKeyCacheTtlMs: number;
  /** SWITCHBOARD_CONSOLE_DIR: the built web console served at /; null ("off") serves none. */
  consoleDir: string | null;
}

export interface RateLimitConfig {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
}

export interface WebhookDeliveryConfig {
  /** When each attempt is due after the first, in ms (SWITCHBOARD_WEBHOOK_RETRY_SCHEDULE). */
  schedule: number[];
  timeoutMs: number;
  disableAfterMs: number;
  leaseMs: number;
  /** Attempts in flight in this process. */
  concurrency: number;
  /** Attempts in flight to one endpoint, across every worker. */
  endpointConcurrency: number;
  pollMs: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** Accepts 64 hex characters or base64/base64url of exactly 32 bytes. */
export function parseSecretKey(raw: string, name = 'SWITCHBOARD_SECRET_KEY'): Buffer {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const decoded = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (decoded.length === 32) return decoded;
  }
  throw new ConfigError(`${name} must be 32 random bytes as 64 hex characters or base64 (try: openssl rand -hex 32)`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite database)');
  }
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const logFormat = (env.LOG_FORMAT?.trim().toLowerCase() || 'json') as LogFormat;
  if (!LOG_FORMATS.includes(logFormat)) throw new ConfigError(`LOG_FORMAT must be json or pretty, got "${env.LOG_FORMAT}"`);
  const host = env.HOST?.trim() || '127.0.0.1';
  const secretKey = env.SWITCHBOARD_SECRET_KEY ? parseSecretKey(env.SWITCHBOARD_SECRET_KEY) : undefined;
  const dbSchema = env.SWITCHBOARD_DB_SCHEMA?.trim() || undefined;
  if (dbSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(dbSchema)) {
    throw new ConfigError(`SWITCHBOARD_DB_SCHEMA must be a Postgres schema name of lower-case letters, digits and _, got "${env.SWITCHBOARD_DB_SCHEMA}"`);
  }
  if (dbSchema && !databaseUrl) throw new ConfigError('SWITCHBOARD_DB_SCHEMA applies only with DATABASE_URL (PostgreSQL)');
  if (databaseUrl && !secretKey) {
    // Several servers share one Postgres, so they must share one key: a key generated on one
    // machine would make the others unable to read the secrets it wrote.
    throw new ConfigError('SWITCHBOARD_SECRET_KEY is required with DATABASE_URL (try: openssl rand -hex 32)');
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host,
    databaseUrl,
    dataDir: path.resolve(env.SWITCHBOARD_DATA_DIR?.trim() || './data'),
    secretKey,
    logLevel,
    logFormat,
    trustProxy: trustProxyConfig(env),
    bodyLimit: integer(env, 'SWITCHBOARD_BODY_LIMIT', 1024 * 1024, 1024, 64 * 1024 * 1024),
    bulkBodyLimit: integer(env, 'SWITCHBOARD_BULK_BODY_LIMIT', 32 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    faces: parseFaces(env.SWITCHBOARD_FACES),
    webhookAllowPrivate: boolean(env, 'SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE', false),
    worker: boolean(env, 'SWITCHBOARD_WORKER', true),
    webhooks: webhookConfig(env),
    rateLimit: rateLimitConfig(env),
    maxEventLoopDelayMs: integer(env, 'SWITCHBOARD_MAX_EVENT_LOOP_DELAY', 1000, 0, 60_000),
    apiKeyCacheTtlMs: duration(env, 'SWITCHBOARD_API_KEY_CACHE_TTL', 5_000, 0, 300_000),
    consoleDir: consoleDir(env.SWITCHBOARD_CONSOLE_DIR),
    ...(dbSchema ? { dbSchema } : {}),
  };
}

function consoleDir(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return defaultConsoleDir();
  return value.toLowerCase() === 'off' ? null : path.resolve(value);
}

function duration(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const ms = parseDuration(raw);
  if (ms === null) throw new ConfigError(`${name} must be a duration such as 500ms, 15s, 5m, 2h or 1d, got "${raw}"`);
  if (ms < min || ms > max) throw new ConfigError(`${name} must be between ${min} ms and ${max} ms, got ${ms} ms`);
  return ms;
}

function webhookConfig(env: NodeJS.ProcessEnv): WebhookDeliveryConfig {
  const name = 'SWITCHBOARD_WEBHOOK_RETRY_SCHEDULE';
  let schedule = [...DEFAULT_RETRY_SCHEDULE_MS];
  if (env[name]?.trim()) {
    const parts = env[name]!.split(',').map((p) => parseDuration(p));
    const problem = parts.some((p) => p === null || p > 30 * 86_400e3) ? 'must be durations of at most 30d' : scheduleProblem(parts as number[]);
    if (problem) throw new ConfigError(`${name} ${problem}: the time of each attempt after the first, comma-separated, such as 0,5s,5m,30m,2h (got "${env[name]}")`);
    schedule = parts as number[];
  }
  const timeoutMs = duration(env, 'SWITCHBOARD_WEBHOOK_TIMEOUT', 15_000, 100, 120_000);
  const leaseMs = duration(env, 'SWITCHBOARD_WEBHOOK_LEASE', 60_000, 1_000, 3_600_000);
  // A lease must outlast the attempt it covers, or another worker could send it again meanwhile.
  if (leaseMs < timeoutMs + 5_000) throw new ConfigError(`SWITCHBOARD_WEBHOOK_LEASE must be at least SWITCHBOARD_WEBHOOK_TIMEOUT + 5s (${timeoutMs + 5_000} ms)`);
  return {
    schedule,
    timeoutMs,
    leaseMs,
    disableAfterMs: duration(env, 'SWITCHBOARD_WEBHOOK_DISABLE_AFTER', 5 * 86_400e3, 1_000, 365 * 86_400e3),
    concurrency: integer(env, 'SWITCHBOARD_WEBHOOK_CONCURRENCY', 32, 1, 1024),
    endpointConcurrency: integer(env, 'SWITCHBOARD_WEBHOOK_ENDPOINT_CONCURRENCY', 8, 1, 256),
    pollMs: duration(env, 'SWITCHBOARD_WEBHOOK_POLL_INTERVAL', 250, 10, 60_000),
  };
}

function rateLimitConfig(env: NodeJS.ProcessEnv): RateLimitConfig | null {
  const raw = env.SWITCHBOARD_RATE_LIMIT?.trim().toLowerCase();
  const max = raw === 'off' ? 0 : integer(env, 'SWITCHBOARD_RATE_LIMIT', 6000, 0, 10_000_000);
  const windowMs = duration(env, 'SWITCHBOARD_RATE_LIMIT_WINDOW', 60_000, 1_000, 86_400e3);
  return max === 0 ? null : { max, windowMs };
}

/** proxy-addr's names for well-known ranges, accepted in the list as Fastify accepts them. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustProxyConfig(env: NodeJS.ProcessEnv): TrustProxy {
  const name = 'SWITCHBOARD_TRUST_PROXY';
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '' || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(raw)) return integer(env, name, 0, 0, 100) || false; // 0 hops: no proxy
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !PROXY_RANGE_NAMES.has(e.toLowerCase()) && !isAddressOrRange(e));
  if (bad.length || !entries.length) {
    throw new ConfigError(`${name} must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses and CIDR ranges (such as 10.0.0.0/8,127.0.0.1); not understood: ${bad.map((b) => `"${b}"`).join(', ') || `"${raw}"`}`);
  }
  return entries.map((e) => (PROXY_RANGE_NAMES.has(e.toLowerCase()) ? e.toLowerCase() : e));
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function parseFaces(raw: string | undefined): Set<Face> {
  if (raw === undefined || raw.trim() === '' || raw.trim() === 'all') return new Set(FACES);
  const names = raw.split(',').map((n) => n.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((n) => !(FACES as readonly string[]).includes(n));
  if (unknown.length) throw new ConfigError(`SWITCHBOARD_FACES lists unknown faces (${unknown.join(', ')}); choose from ${FACES.join(', ')}`);
  return new Set(names as Face[]);
}
