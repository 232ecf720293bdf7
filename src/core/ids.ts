// UUIDv7 (RFC 9562): time-ordered, so ordering by id is ordering by creation and
// cursor pagination needs no second column. Monotonic within a process.
import { takeRandomBytes } from './shared/random-pool.ts';

let lastMs = 0;
let counter = 0;

export function newId(now = Date.now()): string {
  const bytes = takeRandomBytes(16);
  if (now <= lastMs) {
    now = lastMs;
    counter = (counter + 1) & 0xfff;
    if (counter === 0) now = ++lastMs; // 4096 ids in one ms: borrow the next ms
  } else {
    counter = bytes[6]! & 0x07; // random start, with room to count up
  }
  lastMs = now;
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);
