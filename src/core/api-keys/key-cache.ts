// Keys that authenticated recently, so a request does not look its key up in the database again.
// Every request needs its key; on Postgres that lookup is a second round trip for every read.
// Only keys found valid are kept; a key revoked through this process is dropped at once, and one
// revoked through another process (a second server, the CLI) stops working when its entry ends.
import type { ApiKeyRecord } from './model.ts';

interface Entry<T> {
  value: T;
  expires: number;
}

/** Holds what authentication made of a key (the record and its effective scopes). */
export class ApiKeyCache<T extends { key: ApiKeyRecord }> {
  private readonly entries = new Map<string, Entry<T>>();
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

  set(hash: string, value: T, epoch: number): void {
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
