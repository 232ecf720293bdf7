// sameJson (change detection) agrees with comparing canonical JSON, key order aside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sameJson } from '../src/core/shared/same-json.ts';

/** JSON with object keys sorted: equal strings mean equal values whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

test('sameJson(a, b) is canonical(a) === canonical(b) for any JSON values', () => {
  fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => sameJson(a, b) === (canonical(a) === canonical(b))), { numRuns: 2000 });
  // Mostly-equal pairs, where a wrong answer would hide: a value and a copy with one change.
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), fc.jsonValue(), (a, key, v) => {
      const b = { ...a, [key]: v };
      return sameJson(a, b) === (canonical(a) === canonical(b)) && sameJson(a, structuredClone(a));
    }),
    { numRuns: 2000 },
  );
});

test('key order does not matter; absent and undefined are the same; null is not absent', () => {
  assert.equal(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }), true);
  assert.equal(sameJson({ a: 1, b: undefined }, { a: 1 }), true);
  assert.equal(sameJson({ a: null }, {}), false);
  assert.equal(sameJson([1, 2], { 0: 1, 1: 2 }), false);
  assert.equal(sameJson(0, -0), true);
  // An own "__proto__" key (as JSON.parse makes) is compared as a key, not read as the prototype.
  assert.equal(sameJson({}, JSON.parse('{"__proto__": {}}')), false);
  assert.equal(sameJson(JSON.parse('{"__proto__": {}}'), {}), false);
});
