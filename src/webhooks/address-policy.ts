// Which network addresses a webhook may be sent to (SSRF guard). Used when an endpoint is saved
// (url-policy.ts) and again on the address actually connected to (agent.ts).
//
// Without allowPrivate, every address that is not globally reachable is refused: loopback,
// private, CGNAT, link-local, multicast, reserved, documentation and benchmarking ranges. IPv6
// forms that carry an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by that IPv4 address.
// Cloud metadata services are refused even with allowPrivate: no webhook has a reason to reach
// them, and they hand out the machine's credentials.
import { BlockList, isIP } from 'node:net';

export interface AddressPolicyOptions {
  /** SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: allow non-public addresses (tests, private networks). */
  allowPrivate?: boolean;
}

type Family = 'ipv4' | 'ipv6';
type Range = readonly [network: string, prefix: number];

function blockList(family: Family, ranges: readonly Range[]): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of ranges) list.addSubnet(network, prefix, family);
  return list;
}

// Checked in this order; the first match names the reason.
const V4_CLASSES: ReadonlyArray<{ reason: string; list: BlockList }> = [
  { reason: 'loopback', list: blockList('ipv4', [['127.0.0.0', 8]]) },
  { reason: '"this network" (0.0.0.0/8)', list: blockList('ipv4', [['0.0.0.0', 8]]) },
  { reason: 'private', list: blockList('ipv4', [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16]]) },
  { reason: 'carrier-grade NAT (100.64.0.0/10)', list: blockList('ipv4', [['100.64.0.0', 10]]) },
  { reason: 'link-local', list: blockList('ipv4', [['169.254.0.0', 16]]) },
  { reason: 'multicast', list: blockList('ipv4', [['224.0.0.0', 4]]) },
  { reason: 'broadcast', list: blockList('ipv4', [['255.255.255.255', 32]]) },
  { reason: 'reserved (240.0.0.0/4)', list: blockList('ipv4', [['240.0.0.0', 4]]) },
  {
    reason: 'reserved for documentation or benchmarking',
    list: blockList('ipv4', [['192.0.2.0', 24], ['198.51.100.0', 24], ['203.0.113.0', 24], ['198.18.0.0', 15]]),
  },
  // 192.0.0.0/24: IETF protocol assignments (DS-Lite, NAT64 discovery); 192.88.99.0/24: the
  // retired 6to4 relay anycast.
  { reason: 'reserved for protocol use', list: blockList('ipv4', [['192.0.0.0', 24], ['192.88.99.0', 24]]) },
];

const V6_CLASSES: ReadonlyArray<{ reason: string; list: BlockList }> = [
  { reason: 'loopback', list: blockList('ipv6', [['::1', 128]]) },
  { reason: 'unspecified', list: blockList('ipv6', [['::', 128]]) },
  // ::a.b.c.d "IPv4-compatible" addresses are deprecated; nothing legitimate uses them.
  { reason: 'deprecated IPv4-compatible', list: blockList('ipv6', [['::', 96]]) },
  { reason: 'unique-local (fc00::/7)', list: blockList('ipv6', [['fc00::', 7]]) },
  { reason: 'link-local', list: blockList('ipv6', [['fe80::', 10]]) },
  { reason: 'site-local (deprecated)', list: blockList('ipv6', [['fec0::', 10]]) },
  { reason: 'multicast', list: blockList('ipv6', [['ff00::', 8]]) },
  { reason: 'local-use NAT64 (64:ff9b:1::/48)', list: blockList('ipv6', [['64:ff9b:1::', 48]]) },
  { reason: 'discard-only (100::/64)', list: blockList('ipv6', [['100::', 64]]) },
  // Teredo hides an obfuscated IPv4 address; ORCHID identifiers are not routable.
  { reason: 'Teredo tunnel (2001::/32)', list: blockList('ipv6', [['2001::', 32]]) },
  { reason: 'reserved (ORCHID)', list: blockList('ipv6', [['2001:10::', 28], ['2001:20::', 28]]) },
  {
    reason: 'reserved for documentation or benchmarking',
    list: blockList('ipv6', [['2001:db8::', 32], ['3fff::', 20], ['2001:2::', 48]]),
  },
];

// Every IPv6 unicast address in use today is in 2000::/3; the rest of the space is reserved.
const V6_GLOBAL_UNICAST = blockList('ipv6', [['2000::', 3]]);

// Instance metadata services (AWS, GCP, Azure, Oracle, DigitalOcean: 169.254.169.254; AWS ECS
// task metadata; Alibaba; AWS IMDS over IPv6).
const METADATA_V4 = new BlockList();
for (const ip of ['169.254.169.254', '169.254.170.2', '100.100.100.200']) METADATA_V4.addAddress(ip, 'ipv4');
const METADATA_V6 = new BlockList();
METADATA_V6.addAddress('fd00:ec2::254', 'ipv6');

/** Host names of metadata services: refused whatever they resolve to, even with allowPrivate. */
const METADATA_HOSTNAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

/**
 * Why a webhook must not be sent to this IP address, or null when it may. Accepts IPv4, IPv6
 * (with or without a %zone) and IPv4-mapped forms; anything that is not an IP address is refused.
 */
export function blockedAddressReason(ip: string, options: AddressPolicyOptions = {}): string | null {
  const address = ip.replace(/%.*$/, ''); // BlockList does not understand zone ids (fe80::1%eth0)
  const family = isIP(address);
  if (family === 4) return ipv4Reason(address, options);
  if (family === 6) return ipv6Reason(address, options);
  return `${ip} is not an IP address`;
}

export function isBlockedAddress(ip: string, options: AddressPolicyOptions = {}): boolean {
  return blockedAddressReason(ip, options) !== null;
}

/** What a refusal that the operator can lift says about it (every one but a metadata service's). */
export const ALLOW_PRIVATE_HINT = 'SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE=true allows private and local destinations';

const hinted = (reason: string | null, liftable: boolean) => (reason && liftable ? `${reason} (${ALLOW_PRIVATE_HINT})` : reason);

/** blockedAddressReason, naming SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE when it would allow the address: what users are told. */
export function addressRefusal(ip: string, options: AddressPolicyOptions = {}): string | null {
  return hinted(blockedAddressReason(ip, options), !options.allowPrivate && blockedAddressReason(ip, { allowPrivate: true }) === null);
}

/** blockedHostnameReason, naming SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE when it would allow the name. */
export function hostnameRefusal(hostname: string, options: AddressPolicyOptions = {}): string | null {
  return hinted(blockedHostnameReason(hostname, options), !options.allowPrivate && blockedHostnameReason(hostname, { allowPrivate: true }) === null);
}

/**
 * Why a host name is refused before it is even resolved, or null: metadata service names always,
 * and `localhost` (RFC 6761: it is always loopback) unless private addresses are allowed.
 */
export function blockedHostnameReason(hostname: string, options: AddressPolicyOptions = {}): string | null {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (METADATA_HOSTNAMES.has(name)) return `${name} is a cloud metadata service`;
  if (!options.allowPrivate && (name === 'localhost' || name.endsWith('.localhost'))) return `${name} is loopback`;
  return null;
}

function ipv4Reason(ip: string, options: AddressPolicyOptions): string | null {
  const what = ipv4Class(ip, options);
  return what ? `${ip} is ${what}` : null;
}

function ipv4Class(ip: string, options: AddressPolicyOptions): string | null {
  if (METADATA_V4.check(ip, 'ipv4')) return 'a cloud metadata service';
  if (options.allowPrivate) return null;
  return V4_CLASSES.find((c) => c.list.check(ip, 'ipv4'))?.reason ?? null;
}

function ipv6Reason(ip: string, options: AddressPolicyOptions): string | null {
  const embedded = embeddedIPv4(ip);
  if (embedded) {
    const what = ipv4Class(embedded.ipv4, options);
    return what ? `${ip} is ${embedded.kind} ${embedded.ipv4}, which is ${what}` : null;
  }
  if (METADATA_V6.check(ip, 'ipv6')) return `${ip} is a cloud metadata service`;
  if (options.allowPrivate) return null;
  const match = V6_CLASSES.find((c) => c.list.check(ip, 'ipv6'));
  if (match) return `${ip} is ${match.reason}`;
  return V6_GLOBAL_UNICAST.check(ip, 'ipv6') ? null : `${ip} is outside the global unicast range 2000::/3`;
}

/**
 * The IPv4 address an IPv6 address stands for, when it is of a form that reaches IPv4 hosts:
 * IPv4-mapped ::ffff:0:0/96, IPv4-translated ::ffff:0:0:0/96 (SIIT), NAT64 64:ff9b::/96 (RFC 6052) and 6to4 2002::/16 (RFC 3056).
 */
function embeddedIPv4(ip: string): { kind: string; ipv4: string } | null {
  const g = ipv6Groups(ip);
  if (!g) return null;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  if (zeros(0, 5) && g[5] === 0xffff) return { kind: 'IPv4-mapped', ipv4: v4(g[6]!, g[7]!) };
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return { kind: 'IPv4-translated', ipv4: v4(g[6]!, g[7]!) };
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return { kind: 'NAT64 for', ipv4: v4(g[6]!, g[7]!) };
  if (g[0] === 0x2002) return { kind: '6to4 for', ipv4: v4(g[1]!, g[2]!) };
  return null;
}

/** The eight 16-bit groups of an IPv6 address (already checked with isIP). */
function ipv6Groups(ip: string): number[] | null {
  // The WHATWG URL parser writes any IPv6 form (dotted tail, leading zeros) as compressed hex.
  let canonical: string;
  try {
    canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const [head, tail] = canonical.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  const front = parse(head);
  const back = parse(tail);
  const groups = tail === undefined ? front : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  return groups.length === 8 ? groups : null;
}
