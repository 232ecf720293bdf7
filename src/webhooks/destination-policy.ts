// The core's DestinationPolicy port, answered by the save-time URL check.
import type { DestinationPolicy } from '../core/ports.ts';
import { checkDestination } from './url-policy.ts';
import type { Resolver } from './resolve.ts';

export function destinationPolicy(allowPrivate: boolean, resolve?: Resolver): DestinationPolicy {
  return {
    async check(url, field) {
      const result = await checkDestination(url, { allowPrivate, field, ...(resolve ? { resolve } : {}) });
      return result.ok ? [] : result.issues;
    },
  };
}
