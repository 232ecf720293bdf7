// Optimistic concurrency: a write may be made conditional on the version the caller last saw
// (HTTP If-Match). One rule for every object: the write goes ahead only if the object's current
// version is one of those given; otherwise 412 with the current version.
import { PreconditionFailedError } from '../errors.ts';

/** The versions a write accepts (If-Match "3" → 3; "1", "5" → [1, 5]; none that can match → []). undefined: no condition. */
export type VersionCondition = number | readonly number[];

export function assertVersion(condition: VersionCondition | undefined, current: number): void {
  if (condition === undefined) return;
  const matches = typeof condition === 'number' ? condition === current : condition.includes(current);
  if (!matches) throw new PreconditionFailedError(current);
}
