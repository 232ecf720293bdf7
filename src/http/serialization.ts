// Response serialization. fast-json-stringify serializes `anyOf` by running an Ajv validation for
// each branch on every value; a number has dozens of `X | null` fields (TypeBox's Union with Null),
// so a GET spent more time choosing branches than writing JSON. `X | null` with a plain type
// becomes `type: [X's type, "null"]`, which fast-json-stringify writes with a null check. The
// OpenAPI document and request validation keep the schemas as they are.
import type { FastifyInstance } from 'fastify';
import fastJsonStringify, { type Schema } from 'fast-json-stringify';

type Json = Record<string, unknown>;

const isNull = (s: unknown) => typeof s === 'object' && s !== null && (s as Json).type === 'null' && Object.keys(s).length === 1;

/** A copy of the schema with every `anyOf: [X, {type: null}]` over a single-typed X folded into X. */
export function simplifyNullable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(simplifyNullable);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) out[key] = simplifyNullable(value);
  const options = out.anyOf;
  if (Array.isArray(options) && options.length === 2) {
    const [a, b] = options as Json[];
    const other = isNull(b) ? a : isNull(a) ? b : undefined;
    if (other && typeof other.type === 'string' && other.anyOf === undefined && other.oneOf === undefined && other.$ref === undefined) {
      const { anyOf: _anyOf, ...siblings } = out;
      return { ...siblings, ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}

/** Serializers too are built on first use (see validation.ts): they were another 8 % of a start. */
export function registerSerialization(app: FastifyInstance): void {
  app.setSerializerCompiler(({ schema }) => {
    let serialize: ((data: unknown) => string) | undefined;
    return (data: unknown) => (serialize ??= fastJsonStringify(simplifyNullable(schema) as Schema))(data);
  });
}
