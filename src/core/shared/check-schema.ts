// Structural validation with Ajv, reported as field issues. The same rules serve the HTTP
// layer's request validation and the core's item-by-item validation (bulk), so an item in
// a bulk request gets exactly the errors it would get alone.
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import type { FieldIssue } from '../errors.ts';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

/** Bodies: no type coercion ("5060" is not a port). Query strings and headers: coerced from text. */
export function createAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
  addFormats(ajv);
  return ajv;
}

const strict = createAjv(false);
const cache = new WeakMap<TSchema, ValidateFunction>();

export function checkSchema(schema: TSchema, value: unknown, prefix = ''): FieldIssue[] {
  let validate = cache.get(schema);
  if (!validate) {
    validate = strict.compile(schema);
    cache.set(schema, validate);
  }
  return validate(value) ? [] : toFieldIssues(validate.errors ?? [], prefix);
}

/**
 * Ajv errors → one issue per field, most specific first. A nullable field reports the
 * error inside its object rather than "must be null" or "must match a schema in anyOf".
 */
export function toFieldIssues(errors: Partial<ErrorObject>[], prefix = ''): FieldIssue[] {
  const useful = errors.filter((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params?.type === 'null'));
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const e of useful.length ? useful : errors) {
    let field = joinPath('', e.instancePath ?? '');
    let message = e.message ?? 'is not valid';
    if (e.keyword === 'required') field = joinPath(field, `/${e.params?.missingProperty}`);
    if (e.keyword === 'additionalProperties') {
      field = joinPath(field, `/${e.params?.additionalProperty}`);
      message = 'is not a known field';
    }
    if (e.keyword === 'enum') message = `must be one of ${(e.params?.allowedValues as unknown[]).join(', ')}`;
    const full = prefix && field ? `${prefix}.${field}` : prefix || field || '(body)';
    if (seen.has(full)) continue;
    seen.add(full);
    out.push({ field: full, message });
    if (out.length >= 20) break;
  }
  return out;
}

/** "/sip_outbound/headers/0/name" → "sip_outbound.headers[0].name" */
export function joinPath(prefix: string, pointer: string): string {
  const parts = pointer.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = prefix;
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  return out;
}
