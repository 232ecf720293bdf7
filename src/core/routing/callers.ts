// Who is calling, and whether the policy lets them: `deny` wins over `allow`; with an `allow`
// list only callers it matches get through. A rule is an E.164 prefix (+44), a region (GB, the
// caller's number's region as libphonenumber sees it) or "anonymous" (no usable number).
import { regionOf } from './numbering.ts';
import { readings } from './phone-input.ts';
import type { RoutingPolicy } from './schema.ts';

export interface Caller {
  /** E.164, or null when anonymous / not a number. */
  e164: string | null;
  /** As sent, for stickiness when there is no number. */
  raw: string;
}

const ANONYMOUS = /^(anonymous|restricted|unknown|unavailable|private)$/i;

export function readCaller(from: string | null | undefined, regions: readonly string[]): Caller {
  const raw = (from ?? '').trim();
  const user = /^(?:.*<)?sips?:([^@;>]*)/i.exec(raw)?.[1] ?? raw;
  if (!raw || ANONYMOUS.test(user)) return { e164: null, raw };
  return { e164: readings(raw, regions)[0]?.e164 ?? null, raw };
}

export interface CallerVerdict {
  allowed: boolean;
  /** The rule that decided, if one did. */
  rule: string | null;
  detail: string;
}

function matches(rule: string, caller: Caller, region: () => string | null): boolean {
  if (rule === 'anonymous') return caller.e164 === null;
  if (caller.e164 === null) return false;
  return rule.startsWith('+') ? caller.e164.startsWith(rule) : region() === rule;
}

const kindOf = (rule: string) => (rule === 'anonymous' ? 'anonymous' : rule.startsWith('+') ? `prefix ${rule}` : `country ${rule}`);

export function judgeCaller(rules: NonNullable<RoutingPolicy['callers']>, caller: Caller): CallerVerdict {
  let region: string | null | undefined;
  const regionOnce = () => (region === undefined ? (region = caller.e164 ? regionOf(caller.e164) : null) : region);
  const who = caller.e164 ?? 'anonymous';
  const denied = rules.deny?.find((rule) => matches(rule, caller, regionOnce));
  if (denied) return { allowed: false, rule: denied, detail: `${who} denied by ${kindOf(denied)}` };
  if (rules.allow && rules.allow.length > 0) {
    const allowed = rules.allow.find((rule) => matches(rule, caller, regionOnce));
    return allowed
      ? { allowed: true, rule: allowed, detail: `${who} allowed by ${kindOf(allowed)}` }
      : { allowed: false, rule: null, detail: `${who} denied: not in the allow list` };
  }
  return { allowed: true, rule: null, detail: `${who} allowed` };
}
