// One HTTP attempt of a webhook delivery. It never throws for anything the network or the
// receiver does: refusals, timeouts and connection errors come back in `error`. It throws only
// for a programming error (headers with CR/LF, an unknown method).
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { request, type Dispatcher } from 'undici';
import { createWebhookAgent, DestinationRefusedError } from './agent.ts';
import type { TransportResult } from '../core/ports.ts';
import { parseRetryAfter } from './retry-after.ts';

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Response bodies are kept up to this many bytes (as UTF-8). */
export const RESPONSE_BODY_LIMIT = 4096;
export const WEBHOOK_METHODS = ['GET', 'POST', 'PUT', 'PATCH'] as const;
export type WebhookMethod = (typeof WEBHOOK_METHODS)[number];

/** Headers the transport owns: a webhook's own headers cannot set them. */
export const TRANSPORT_HEADERS: ReadonlySet<string> = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer', 'proxy-authorization', 'proxy-connection']);

interface BaseRequest {
  url: string;
  method?: WebhookMethod;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole attempt: connect, send, response headers and body. */
  timeoutMs?: number;
  /** Aborts the attempt (a worker shutting down); reported as the attempt's error. */
  signal?: AbortSignal;
}

/**
 * Either allowPrivate (a shared agent for that policy is used) or an agent from
 * createWebhookAgent, which carries its own policy.
 */
export type WebhookRequest = BaseRequest & ({ allowPrivate?: boolean; agent?: undefined } | { agent: Dispatcher; allowPrivate?: undefined });

/** What the core's transport port reports, and whether the address policy refused the destination. */
export interface WebhookResult extends TransportResult {
  /** The address policy refused the destination: no connection was made. */
  refused: boolean;
}

const sharedAgents = new Map<boolean, Dispatcher>();

function sharedAgent(allowPrivate: boolean): Dispatcher {
  let agent = sharedAgents.get(allowPrivate);
  if (!agent) sharedAgents.set(allowPrivate, (agent = createWebhookAgent({ allowPrivate })));
  return agent;
}

/** Closes the agents sendWebhook made for itself (at shutdown, and at the end of tests). */
export async function closeSharedWebhookAgents(): Promise<void> {
  const agents = [...sharedAgents.values()];
  sharedAgents.clear();
  await Promise.all(agents.map((a) => a.close()));
}

/** Throws a TypeError for headers that could not have been saved (CR/LF, transport headers). */
export function assertWebhookHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new TypeError(`webhook header name ${JSON.stringify(name)} is not a valid HTTP token`);
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) throw new TypeError(`webhook header ${name} contains CR, LF or NUL`);
    if (TRANSPORT_HEADERS.has(name.toLowerCase())) throw new TypeError(`webhook header ${name} is set by the transport`);
  }
}

export async function sendWebhook(req: WebhookRequest): Promise<WebhookResult> {
  const method = req.method ?? 'POST';
  if (!WEBHOOK_METHODS.includes(method)) throw new TypeError(`webhook method must be one of ${WEBHOOK_METHODS.join(', ')}, got ${String(method)}`);
  const headers = { ...req.headers };
  assertWebhookHeaders(headers);
  if (!Object.keys(headers).some((n) => n.toLowerCase() === 'user-agent')) headers['user-agent'] = 'Switchboard-Webhooks/1';
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const started = performance.now();
  const result = (fields: Partial<WebhookResult>): WebhookResult => ({
    ok: false,
    status: null,
    latencyMs: Math.round(performance.now() - started),
    error: null,
    responseBody: '',
    responseTruncated: false,
    retryAfterSeconds: null,
    gone: false,
    refused: false,
    ...fields,
  });

  const urlProblem = checkUrl(req.url);
  if (urlProblem) return result({ error: `destination refused: ${urlProblem}`, refused: true });

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const stop = () => controller.abort();
  req.signal?.addEventListener('abort', stop, { once: true });
  if (req.signal?.aborted) controller.abort();
  try {
    const response = await request(req.url, {
      method,
      headers,
      body: req.body ?? null,
      dispatcher: req.agent ?? sharedAgent(req.allowPrivate ?? false),
      signal: controller.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const status = response.statusCode;
    // The verdict is the status; the body is only kept for the delivery log, so a body that
    // stalls or breaks off (the timeout aborts it) leaves what was read.
    const { text, truncated } = await readLimited(response.body, RESPONSE_BODY_LIMIT);
    const ok = status >= 200 && status < 300;
    return result({
      ok,
      status,
      error: ok ? null : statusError(status, response.headers.location),
      responseBody: text,
      responseTruncated: truncated,
      retryAfterSeconds: status === 429 || status === 503 ? parseRetryAfter(response.headers['retry-after']) : null,
      gone: status === 410,
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (req.signal?.aborted) return result({ error: 'aborted: the worker shut down before an answer came' });
    if (controller.signal.aborted || code === 'UND_ERR_HEADERS_TIMEOUT') return result({ error: `timed out after ${timeoutMs} ms` });
    if (err instanceof DestinationRefusedError) return result({ error: err.message, refused: true });
    return result({ error: describeError(err) });
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', stop);
  }
}

function checkUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `${JSON.stringify(raw)} is not an absolute URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https are allowed, not ${url.protocol}`;
  if (url.username || url.password) return 'the URL contains credentials';
  return null;
}

function statusError(status: number, location: string | string[] | undefined): string {
  if (status >= 300 && status < 400) return `HTTP ${status}: redirects are not followed${location ? ` (Location: ${String(location).slice(0, 200)})` : ''}`;
  return `HTTP ${status}`;
}

async function readLimited(body: Readable, limit: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      chunks.push(buffer);
      size += buffer.length;
      if (size > limit) {
        truncated = true;
        break; // leaving the loop destroys the body: the rest is never downloaded
      }
    }
  } catch {
    truncated = true; // aborted or broken off: keep what arrived
  }
  return { text: utf8Within(Buffer.concat(chunks), limit), truncated };
}

/** The bytes as text, cut at a character boundary so that its UTF-8 form is at most `limit` bytes. */
function utf8Within(bytes: Buffer, limit: number): string {
  // A streaming decode holds back an incomplete character at the end instead of inventing U+FFFD.
  let text = new TextDecoder('utf-8').decode(bytes.subarray(0, limit), { stream: true });
  // Invalid bytes become U+FFFD (3 bytes each), which can make the text longer than the input.
  while (Buffer.byteLength(text) > limit) text = text.slice(0, Math.max(0, text.length - Math.ceil((Buffer.byteLength(text) - limit) / 3)));
  if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1); // never end on half a surrogate pair
  return text;
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: string }).code;
  // Node's happy-eyeballs connect reports several failed addresses as an AggregateError with no message.
  const message = err.message || (err instanceof AggregateError ? err.errors.map((e) => (e as Error).message).join('; ') : '') || err.name;
  const cause = err.cause instanceof Error && err.cause.message && !message.includes(err.cause.message) ? ` (${err.cause.message})` : '';
  return code && !message.includes(code) ? `${code}: ${message}${cause}` : `${message}${cause}`;
}
