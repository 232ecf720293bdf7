// The undici Agent webhooks are sent through. It checks the address it is about to connect to,
// not the one a name had when the endpoint was saved: the name is resolved here, every address is
// judged, and the socket is opened only to addresses that passed (no DNS rebinding).
import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { addressRefusal, hostnameRefusal } from './address-policy.ts';
import { systemResolver, type Resolver } from './resolve.ts';

/** A connection the address policy forbids. Reported as the attempt's error, never thrown out. */
export class DestinationRefusedError extends Error {
  readonly code = 'ERR_WEBHOOK_DESTINATION_REFUSED';
  constructor(readonly reason: string) {
    super(`destination refused: ${reason}`);
    this.name = 'DestinationRefusedError';
  }
}

export interface WebhookAgentOptions {
  /** SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE. */
  allowPrivate: boolean;
  /** Injected in tests; the system resolver by default. */
  resolve?: Resolver;
}

export function createWebhookAgent(options: WebhookAgentOptions): Agent {
  const policy = { allowPrivate: options.allowPrivate };
  const resolve = options.resolve ?? systemResolver;

  // net.connect calls this for host names (never for IP literals, see below). It is asked with
  // all: true by Node 20's happy-eyeballs connect, and with all: false otherwise.
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    const answer = async (): Promise<LookupAddress[]> => {
      const nameReason = hostnameRefusal(hostname, policy);
      if (nameReason) throw new DestinationRefusedError(nameReason);
      const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
      const addresses = (await resolve(hostname))
        .map((address) => ({ address, family: isIP(address) }))
        .filter((a) => a.family !== 0 && (family === 0 || a.family === family));
      // One bad address refuses the name: a name that mixes public and private answers is a trap.
      for (const { address } of addresses) {
        const reason = addressRefusal(address, policy);
        if (reason) throw new DestinationRefusedError(`${hostname} resolves to ${reason}`);
      }
      if (!addresses.length) throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
      return addresses;
    };
    answer().then(
      (addresses) => (lookupOptions.all ? callback(null, addresses) : callback(null, addresses[0]!.address, addresses[0]!.family)),
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };

  const connectThroughLookup = buildConnector({ lookup });
  // An IP literal (https://10.0.0.1/, http://[::1]/) skips lookup in net.connect, so it is
  // judged here, before any socket is opened.
  const connect: buildConnector.connector = (target, callback) => {
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    const reason = isIP(host) ? addressRefusal(host, policy) : null;
    if (reason) return callback(new DestinationRefusedError(reason), null);
    connectThroughLookup(target, callback);
  };

  // maxRedirections 0: a 3xx is the receiver's answer, reported as a failure, never followed.
  return new Agent({ connect, maxRedirections: 0 });
}
