// Standard Webhooks signing (https://www.standardwebhooks.com), made with its reference package:
// HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>", "v1,<base64>". During a secret
// rotation the header carries one signature per valid secret, separated by spaces; a receiver
// accepts the message when any of them verifies with the secret it knows.
import { Webhook } from 'standardwebhooks';

export interface SignatureHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export function signatureHeaders(webhookId: string, at: Date, payload: string, secrets: readonly string[]): SignatureHeaders {
  if (secrets.length === 0) throw new Error('an endpoint without a signing secret cannot be delivered to');
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(webhookId, at, payload)).join(' '),
  };
}
