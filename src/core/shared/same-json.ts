// Whether two JSON values are equal, as JSON.stringify would say (key order aside), without
// building the strings: change detection compares every field of every number of a bulk update.
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]));
  }
  // Absent and undefined are the same in JSON.
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  // Own properties only: a key such as "__proto__" must not read the prototype.
  const own = (o: Record<string, unknown>, key: string) => (Object.hasOwn(o, key) ? o[key] : undefined);
  for (const key of keys) if (!sameJson(own(left, key), own(right, key))) return false;
  return true;
}
