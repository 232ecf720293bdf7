// Each endpoint's signing secret, in the Standard Webhooks format: "whsec_" + base64 of 32
// random bytes. Stored sealed (core.secrets), never in the endpoint's public object. A
// rotation keeps the previous secret until an expiry, so receivers can switch over while
// deliveries carry a signature made with each.
import { randomBytes } from 'node:crypto';
import type { SecretBox } from '../ports.ts';

export const SECRET_PREFIX = 'whsec_';
export const DEFAULT_OVERLAP_SECONDS = 86_400;
export const MAX_OVERLAP_SECONDS = 604_800;

/** The sealed secrets as stored beside an endpoint. */
export interface SealedSigningSecrets {
  /** null only for endpoints saved before secrets existed (migration 0003): rotate to get one. */
  current: string | null;
  previous: string | null;
  /** When `previous` stops signing (ISO 8601). */
  previousExpiresAt: string | null;
}

export function newSigningSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

export function sealNew(box: SecretBox): { secret: string; sealed: SealedSigningSecrets } {
  const secret = newSigningSecret();
  return { secret, sealed: { current: box.encrypt(secret), previous: null, previousExpiresAt: null } };
}

/** After a rotation at `now`: the current secret becomes the previous one for `overlapSeconds`. */
export function rotated(box: SecretBox, stored: SealedSigningSecrets, now: string, overlapSeconds: number): { secret: string; sealed: SealedSigningSecrets } {
  const secret = newSigningSecret();
  const keepOld = overlapSeconds > 0 && stored.current !== null;
  return {
    secret,
    sealed: {
      current: box.encrypt(secret),
      previous: keepOld ? stored.current : null,
      previousExpiresAt: keepOld ? new Date(Date.parse(now) + overlapSeconds * 1000).toISOString() : null,
    },
  };
}

/** The secrets that sign a delivery made at `now`, newest first. */
export function validSecrets(box: SecretBox, stored: SealedSigningSecrets, now: Date | string): string[] {
  const at = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const out: string[] = [];
  if (stored.current) out.push(box.decrypt(stored.current));
  if (stored.previous && stored.previousExpiresAt && at < Date.parse(stored.previousExpiresAt)) out.push(box.decrypt(stored.previous));
  return out;
}
