// The core's WebhookTransport port: one attempt through sendWebhook (SSRF guard at connection
// time, no redirects, a timeout, bodies kept to 4 KiB).
import type { Dispatcher } from 'undici';
import type { WebhookTransport } from '../core/ports.ts';
import { sendWebhook } from './sender.ts';

export interface TransportOptions {
  /** SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE. */
  allowPrivate: boolean;
  timeoutMs: number;
  /** Tests inject an agent with their own resolver. */
  agent?: Dispatcher;
}

export function webhookTransport(options: TransportOptions): WebhookTransport {
  return {
    send: ({ body, ...request }) =>
      sendWebhook({
        ...request,
        ...(body !== null ? { body } : {}),
        timeoutMs: options.timeoutMs,
        ...(options.agent ? { agent: options.agent } : { allowPrivate: options.allowPrivate }),
      }),
  };
}
