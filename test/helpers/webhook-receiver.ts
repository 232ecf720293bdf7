// A real HTTP receiver for webhook tests: it verifies every signature with the standardwebhooks
// package (the receiver side of the standard), counts deliveries per webhook-id, and notices
// when one webhook-id is being delivered twice at the same moment. Its answers, its delay and
// whether it is up at all are the test's to choose.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  path: string;
  method: string;
  webhookId: string;
  headers: http.IncomingHttpHeaders;
  /** The signed payload: the body, or the `payload` query parameter of a GET. */
  payload: string;
  event: { id: string; type: string; timestamp: string; data: Record<string, any> };
  /** Verified with one of the secrets the test registered for this path. */
  verified: boolean;
  at: number;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

export type Responder = (req: Received, countForId: number) => Answer | Promise<Answer>;

export class WebhookReceiver {
  readonly received: Received[] = [];
  readonly perWebhookId = new Map<string, number>();
  /** Requests that arrived while another with the same webhook-id was still being answered. */
  overlaps = 0;
  maxInFlight = 0;
  readonly maxInFlightByPath = new Map<string, number>();
  respond: Responder = () => ({ status: 204 });
  private readonly secrets = new Map<string, string[]>();
  private readonly inFlightIds = new Set<string>();
  private readonly inFlightByPath = new Map<string, number>();
  private inFlight = 0;
  private server: http.Server | null = null;
  private port = 0;

  /** Secrets that may sign deliveries to this path. */
  trust(path: string, ...secrets: string[]): void {
    this.secrets.set(path, [...(this.secrets.get(path) ?? []), ...secrets]);
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async start(port = 0): Promise<this> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops listening: deliveries get "connection refused" until up(). */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  up(): Promise<this> {
    return this.start(this.port);
  }

  close(): Promise<void> {
    return this.down();
  }

  verifiedCount(): number {
    return this.received.filter((r) => r.verified).length;
  }

  distinctEventIds(): Set<string> {
    return new Set(this.received.filter((r) => r.verified).map((r) => r.event.id));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 20_000, what = 'the receiver'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (received ${this.received.length})`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://receiver');
    const payload = req.method === 'GET' ? (url.searchParams.get('payload') ?? '') : Buffer.concat(chunks).toString('utf8');
    const webhookId = String(req.headers['webhook-id'] ?? '');
    const verified = (this.secrets.get(url.pathname) ?? []).some((secret) => {
      try {
        new Webhook(secret).verify(payload, req.headers as Record<string, string>);
        return true;
      } catch {
        return false;
      }
    });
    let event: Received['event'];
    try {
      event = JSON.parse(payload);
    } catch {
      event = { id: '', type: '', timestamp: '', data: {} };
    }
    const record: Received = { path: url.pathname, method: req.method ?? '', webhookId, headers: req.headers, payload, event, verified, at: Date.now() };
    this.received.push(record);
    const count = (this.perWebhookId.get(webhookId) ?? 0) + 1;
    this.perWebhookId.set(webhookId, count);

    if (this.inFlightIds.has(webhookId)) this.overlaps++;
    this.inFlightIds.add(webhookId);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const onPath = (this.inFlightByPath.get(url.pathname) ?? 0) + 1;
    this.inFlightByPath.set(url.pathname, onPath);
    this.maxInFlightByPath.set(url.pathname, Math.max(this.maxInFlightByPath.get(url.pathname) ?? 0, onPath));
    try {
      const answer = await this.respond(record, count);
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      res.writeHead(answer.status ?? 204, answer.headers ?? {});
      res.end(answer.body ?? '');
    } catch {
      res.destroy();
    } finally {
      this.inFlightIds.delete(webhookId);
      this.inFlight--;
      this.inFlightByPath.set(url.pathname, (this.inFlightByPath.get(url.pathname) ?? 1) - 1);
    }
  }
}
