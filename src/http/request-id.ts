// Request ids: req_ + 12 random bytes in hex, fresh for every request (never the client's).
import { takeRandomBytes } from '../core/shared/random-pool.ts';

export const newRequestId = (): string => `req_${takeRandomBytes(12).toString('hex')}`;
