// Name resolution for webhook destinations, injectable so that tests never ask real DNS.
import { lookup } from 'node:dns/promises';

/** Every address a host name resolves to (IPv4 and IPv6). Rejects when the name does not resolve. */
export type Resolver = (hostname: string) => Promise<string[]>;

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), as connections use it. */
export const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
