// Save-time check of a webhook destination URL. The connection-time check in sender.ts is the
// real guard (a name can be re-pointed after it is saved); this one tells the user early.
import { isIP } from 'node:net';
import type { FieldIssue } from '../core/errors.ts';
import { addressRefusal, hostnameRefusal } from './address-policy.ts';
import { systemResolver, type Resolver } from './resolve.ts';

export interface DestinationOptions {
  /** SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE. */
  allowPrivate: boolean;
  /** The field the issues name; `url` by default (e.g. `webhooks.0.url` for a nested one). */
  field?: string;
  /** Injected in tests; the system resolver by default. */
  resolve?: Resolver;
}

export type DestinationCheck = { ok: true; url: URL } | { ok: false; issues: FieldIssue[] };

export async function checkDestination(raw: string, options: DestinationOptions): Promise<DestinationCheck> {
  const field = options.field ?? 'url';
  const refuse = (message: string): DestinationCheck => ({ ok: false, issues: [{ field, message }] });

  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('must be an absolute http or https URL');
  }
  const issues: FieldIssue[] = [];
  if (url.protocol !== 'http:' && url.protocol !== 'https:') issues.push({ field, message: `must use http or https, not ${url.protocol.slice(0, -1)}` });
  if (url.username || url.password) issues.push({ field, message: 'must not contain a user name or password (send credentials in a custom header)' });
  if (!url.hostname) issues.push({ field, message: 'must name a host' });
  if (issues.length) return { ok: false, issues };

  // The WHATWG parser has already turned numeric and hex IPv4 forms (2130706433, 0x7f.1) into
  // dotted decimal, so a literal is seen here as the address it really is.
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const allowPrivate = options.allowPrivate;
  if (isIP(host)) {
    const reason = addressRefusal(host, { allowPrivate });
    return reason ? refuse(refusal(reason)) : { ok: true, url };
  }
  const nameReason = hostnameRefusal(host, { allowPrivate });
  if (nameReason) return refuse(refusal(nameReason));
  // With private addresses allowed only metadata addresses are refused, and the send-time check
  // catches a name that leads to one: no need to ask DNS here.
  if (allowPrivate) return { ok: true, url };

  let addresses: string[];
  try {
    addresses = await (options.resolve ?? systemResolver)(host);
  } catch {
    // A name that does not resolve (yet) cannot be judged now; the send-time check will.
    return { ok: true, url };
  }
  for (const address of addresses) {
    const reason = addressRefusal(address, { allowPrivate });
    if (reason) return refuse(refusal(`${host} resolves to ${reason}`));
  }
  return { ok: true, url };
}

const refusal = (reason: string) => `must not point to a private or local address: ${reason}`;
