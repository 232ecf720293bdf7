// Random bytes for ids, taken from a pool refilled when spent. randomBytes() for each id is a
// synchronous call into OpenSSL per id; a 10,000-item bulk update makes 10,000 event ids, and
// every request gets a request id.
import { randomBytes } from 'node:crypto';

const POOL_BYTES = 8192;
let pool = randomBytes(POOL_BYTES);
let offset = 0;

/** `size` fresh random bytes (at most POOL_BYTES), in a buffer of their own. */
export function takeRandomBytes(size: number): Buffer {
  if (offset + size > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const out = Buffer.allocUnsafe(size);
  pool.copy(out, 0, offset, offset + size);
  // Spent bytes are never handed out twice.
  offset += size;
  return out;
}
