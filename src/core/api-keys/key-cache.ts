// Keys that authenticated recently, so a request does not look its key up in the database again.
// Every request needs its key; on Postgres that lookup is a second round trip for every read.
// Only keys found valid are kept; a key revoked through this process is dropped at once, and one
// revoked through another process (a second server, the CLI) stops working when its entry ends.
import type { ApiKeyRecord } from './model.ts';

/** How long a key found valid here is remembered as a real key (knows()), whatever the TTL. */
const KNOWN_FOR_MS = 24 * 3_600_000;

interface Entry<T> {
  value: T;
  expires: number;
}

/** Holds what authentication made of a key (the record and its effective scopes). */
export class ApiKeyCache<T extends { key: ApiKeyRecord }> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Hashes of keys found valid here, and until when they are remembered: no principal, only the fact. */
  private readonly known = new Map<string, number>();
  /** Counts revocations: a lookup that began before one may have read the key still valid. */
  private revocations = 0;

  /** ttlMs 0: nothing is kept. */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** By the presented key's hash (the key itself is never kept). */
  get(hash: string): T | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.expires > Date.now()) return entry.value;
    this.entries.delete(hash);
    return undefined;
  }

  /** Take before reading a key from the database; hand it back to set(). */
  get epoch(): number {
    return this.revocations;
  }

  /**
   * Whether this key was found valid here in the last day. A key an attacker makes up never was,
   * so this tells a tenant's key from a guess without the database (see the auth lockout).
   */
  knows(hash: string): boolean {
    const until = this.known.get(hash);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.known.delete(hash);
    return false;
  }

  set(hash: string, value: T, epoch: number): void {
    this.known.delete(hash); // re-inserted last: the oldest entries are the ones dropped
    if (this.known.size >= this.maxEntries) this.known.delete(this.known.keys().next().value!);
    this.known.set(hash, Date.now() + KNOWN_FOR_MS);
    if (this.ttlMs <= 0 || epoch !== this.revocations) return;
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { value, expires: Date.now() + this.ttlMs });
  }

  forget(keyId: string): void {
    this.revocations++;
    for (const [hash, entry] of this.entries) if (entry.value.key.id === keyId) this.entries.delete(hash);
  }
}
