// A string-keyed map that is never changed in place: `with` and `without` return a new map that
// shares all but one bucket with the old. Changing one of 100,000 numbers copies the bucket
// array and ~50 entries, not 100,000, so a snapshot can take every change event without a rebuild.
const BUCKETS = 2048;

function bucketOf(key: string): number {
  // FNV-1a over the UTF-16 units: cheap, and spreads numbers and UUIDs evenly.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

export class BucketMap<V> {
  private constructor(
    private readonly buckets: readonly ReadonlyMap<string, V>[],
    readonly size: number,
  ) {}

  static from<V>(entries: Iterable<readonly [string, V]>): BucketMap<V> {
    const buckets = Array.from({ length: BUCKETS }, () => new Map<string, V>());
    for (const [key, value] of entries) buckets[bucketOf(key)]!.set(key, value);
    return new BucketMap(buckets, buckets.reduce((n, b) => n + b.size, 0));
  }

  get(key: string): V | undefined {
    return this.buckets[bucketOf(key)]!.get(key);
  }

  has(key: string): boolean {
    return this.buckets[bucketOf(key)]!.has(key);
  }

  with(key: string, value: V): BucketMap<V> {
    const index = bucketOf(key);
    const bucket = new Map(this.buckets[index]!);
    const had = bucket.has(key);
    bucket.set(key, value);
    return this.replace(index, bucket, had ? this.size : this.size + 1);
  }

  without(key: string): BucketMap<V> {
    const index = bucketOf(key);
    if (!this.buckets[index]!.has(key)) return this;
    const bucket = new Map(this.buckets[index]!);
    bucket.delete(key);
    return this.replace(index, bucket, this.size - 1);
  }

  *values(): IterableIterator<V> {
    for (const bucket of this.buckets) yield* bucket.values();
  }

  private replace(index: number, bucket: Map<string, V>, size: number): BucketMap<V> {
    const buckets = this.buckets.slice();
    buckets[index] = bucket;
    return new BucketMap(buckets, size);
  }
}
