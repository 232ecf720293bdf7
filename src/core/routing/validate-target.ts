// Write-time checks of a target (and of the SIP pieces targets and hook answers carry).
// Dispatches on `type`, so an error names the field of the target actually meant rather than
// every member of the union.
import { Type } from '@sinclair/typebox';
import type { FieldIssue } from '../errors.ts';
import { parseE164 } from '../phone-numbers/e164.ts';
import { checkSchema } from '../shared/check-schema.ts';
import { Strict } from '../shared/schema-kit.ts';
import { LIMITS, SayTargetSchema, TARGET_SCHEMAS, TARGET_TYPES, type TargetType } from './schema.ts';

// RFC 7230 token: the characters a header name may use.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** `say` with its `then` left to a recursive checkTarget. */
const SayShape = Strict({ ...SayTargetSchema.properties, then: Type.Optional(Type.Unknown()) });

export function checkTarget(value: unknown, field: string, allowSay = true): FieldIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ field, message: 'must be a target object with a type' }];
  const type = (value as { type?: unknown }).type;
  const types = allowSay ? TARGET_TYPES : TARGET_TYPES.filter((t) => t !== 'say');
  if (typeof type !== 'string' || !(types as readonly string[]).includes(type)) {
    return [{ field: `${field}.type`, message: `must be one of ${types.join(', ')}` }];
  }
  const issues = checkSchema(type === 'say' ? SayShape : TARGET_SCHEMAS[type as TargetType], value, field);
  if (issues.length) return issues;
  const target = value as Record<string, unknown>;
  switch (type) {
    case 'sip':
      return [...checkSipUri(target.uri as string, `${field}.uri`), ...checkSipHeaders((target.headers ?? []) as { name: string; value: string }[], `${field}.headers`)];
    case 'phone_number':
      return parseE164(target.number as string)?.e164 === target.number ? [] : [{ field: `${field}.number`, message: 'must be a valid phone number in E.164, such as +14155551234' }];
    case 'say':
      if (CONTROL.test((target.text as string).replace(/[\t\n]/g, ''))) return [{ field: `${field}.text`, message: 'must not contain control characters' }];
      return target.then === undefined ? [] : checkTarget(target.then, `${field}.then`, false);
    default:
      return [];
  }
}

/** A sip: or sips: URI with a host: sip:agent@pbx.example.com, sips:10.0.0.5:5061;transport=tls. */
export function checkSipUri(uri: string, field: string): FieldIssue[] {
  const bad = [{ field, message: 'must be a SIP URI such as sip:agent@pbx.example.com' }];
  if (CONTROL.test(uri) || /\s/.test(uri)) return bad;
  const scheme = /^sips?:/i.exec(uri);
  if (!scheme) return bad;
  const rest = uri.slice(scheme[0].length);
  const hostPort = rest.slice(rest.lastIndexOf('@') + 1).split(/[;?]/)[0]!;
  // The WHATWG parser judges the host[:port] part (names, IPv4, [IPv6]).
  try {
    const url = new URL(`http://${hostPort}`);
    return url.hostname && url.pathname === '/' && !url.username && !url.password ? [] : bad;
  } catch {
    return bad;
  }
}

/** Custom SIP headers: RFC 7230 token names, given once each (case-insensitively), values without CR/LF. */
export function checkSipHeaders(headers: readonly { name: string; value: string }[], field: string, keyed = false): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  headers.forEach((header, i) => {
    const at = keyed ? `${field}.${header.name}` : `${field}[${i}]`;
    if (!TOKEN.test(header.name)) issues.push({ field: keyed ? at : `${at}.name`, message: "must be an RFC 7230 token (letters, digits and !#$%&'*+-.^_`|~)" });
    if (CONTROL.test(header.value.replace(/\t/g, ''))) issues.push({ field: keyed ? at : `${at}.value`, message: 'must not contain CR, LF or other control characters' });
    const lower = header.name.toLowerCase();
    if (seen.has(lower)) issues.push({ field: keyed ? at : `${at}.name`, message: 'is given twice' });
    seen.add(lower);
  });
  return issues.slice(0, LIMITS.sipHeaders);
}

/** A stream parameter's value: printable, no control characters. */
export function checkParameterValue(value: string, field: string): FieldIssue[] {
  return CONTROL.test(value) ? [{ field, message: 'must not contain control characters' }] : [];
}
