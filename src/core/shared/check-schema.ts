// Structural validation with TypeBox, reported as field issues. The HTTP layer validates
// request bodies itself; the core uses this where items are validated one by one (bulk).
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { FieldIssue } from '../errors.ts';

const cache = new WeakMap<TSchema, TypeCheck<TSchema>>();

export function checkSchema(schema: TSchema, value: unknown, prefix = ''): FieldIssue[] {
  let check = cache.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    cache.set(schema, check);
  }
  if (check.Check(value)) return [];
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const error of check.Errors(value)) {
    const field = joinPath(prefix, error.path);
    if (seen.has(field)) continue; // a union reports once per branch: the first says enough
    seen.add(field);
    issues.push({ field: field || '(body)', message: error.message.toLowerCase() });
    if (issues.length >= 20) break;
  }
  return issues;
}

/** "/sip_outbound/headers/0/name" → "sip_outbound.headers[0].name" */
export function joinPath(prefix: string, pointer: string): string {
  const parts = pointer.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = prefix;
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  return out;
}
