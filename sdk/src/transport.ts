// One request to the API: the URL from a path template and parameters, the key, JSON in and out,
// Idempotency-Key and If-Match as options, and a SwitchboardError for anything but 2xx.
// Only fetch, Headers and URLSearchParams: the same code runs in Node >= 20 and in browsers.
import { errorFromResponse, SwitchboardError } from './errors.ts';

export interface ClientOptions {
  /** Where Switchboard answers, such as http://127.0.0.1:3000; in a browser, the page's origin when absent. */
  baseUrl?: string;
  /** An API key (sb_…), sent as Authorization: Bearer. */
  apiKey: string;
  /** A fetch to use instead of globalThis.fetch (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/** What every call takes. */
export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** Creations and other POSTs: a retry with the same key and body gets the first answer back. */
export interface IdempotentOptions extends RequestOptions {
  idempotencyKey?: string;
}

/** Changes and deletions of one object: fail with 412 (precondition_failed) if it changed since you read it. */
export interface ConditionalOptions extends RequestOptions {
  /** The object's `version` (a number) or the ETag you read ("3"). */
  ifMatch?: number | string;
}

export interface RequestInit extends IdempotentOptions, ConditionalOptions {
  path?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** A value for If-Match: a version becomes its ETag. */
export const etagOf = (ifMatch: number | string) => (typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch);

function fillPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new TypeError(`${template}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

function queryString(query: Record<string, unknown> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, String(one));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class Transport {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ClientOptions) {
    const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
    const base = options.baseUrl ?? origin;
    if (!base) throw new TypeError('createClient: baseUrl is required outside a browser');
    if (!options.apiKey) throw new TypeError('createClient: apiKey is required');
    this.baseUrl = base.replace(/\/+$/, '');
    const f = options.fetch ?? globalThis.fetch;
    if (!f) throw new TypeError('createClient: no fetch here; pass one as options.fetch');
    // Called unbound, a browser's fetch throws "Illegal invocation".
    this.fetchImpl = options.fetch ? options.fetch : f.bind(globalThis);
  }

  /** Sends the request; the parsed JSON of a 2xx answer (undefined for 204), or throws SwitchboardError. */
  async send(method: string, template: string, init: RequestInit = {}): Promise<unknown> {
    const headers = new Headers({ accept: 'application/json', ...this.options.headers, ...init.headers });
    headers.set('authorization', `Bearer ${this.options.apiKey}`);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    if (init.idempotencyKey !== undefined) headers.set('idempotency-key', init.idempotencyKey);
    if (init.ifMatch !== undefined) headers.set('if-match', etagOf(init.ifMatch));
    const url = `${this.baseUrl}${fillPath(template, init.path)}${queryString(init.query)}`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: method.toUpperCase(),
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
      });
    } catch (cause) {
      if ((cause as { name?: string })?.name === 'AbortError') throw cause;
      throw new SwitchboardError({ status: 0, code: 'network_error', message: `${method.toUpperCase()} ${url}: ${(cause as Error)?.message ?? 'no answer'}`, cause });
    }
    const text = response.status === 204 ? '' : await response.text();
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (!response.ok) throw errorFromResponse(response.status, response.headers, body);
    return body;
  }
}
