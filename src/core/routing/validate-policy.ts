// Write-time check of a `routing` policy (numbers, blocks): the structure by schema, then the
// rules a schema cannot say. Every issue names its field, e.g. routing.hours[0].start.
import { Type } from '@sinclair/typebox';
import type { FieldIssue } from '../errors.ts';
import { checkSchema } from '../shared/check-schema.ts';
import { checkWebhookFields } from '../webhooks/rules.ts';
import { clockMinutes, daysBetween, isCalendarDate, isTimeZone } from './local-time.ts';
import { callingCodeOf, E164_SYNTAX, isRegion } from './numbering.ts';
import { LIMITS, routingPolicyShape, type RoutingPolicy, type Target } from './schema.ts';
import { checkTarget } from './validate-target.ts';

/** The policy's structure with its targets left to checkTarget. */
const PolicyStructure = routingPolicyShape(Type.Unknown());

const MAX_ISSUES = 20;

export function checkRoutingPolicy(value: unknown, field = 'routing'): FieldIssue[] {
  const structural = checkSchema(PolicyStructure, value, field);
  if (structural.length) return structural;
  const policy = value as RoutingPolicy;
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string) => issues.push({ field: `${field}.${path}`, message });

  if (policy.time_zone !== undefined && !isTimeZone(policy.time_zone)) add('time_zone', 'must be an IANA time zone such as America/New_York');
  policy.hours?.forEach((range, i) => {
    const start = clockMinutes(range.start);
    const end = clockMinutes(range.end, true);
    if (start === undefined) add(`hours[${i}].start`, 'must be a time HH:MM from 00:00 to 23:59');
    if (end === undefined) add(`hours[${i}].end`, 'must be a time HH:MM from 00:00 to 24:00');
    if (start !== undefined && start === end) add(`hours[${i}].end`, 'must differ from start (00:00 to 24:00 is the whole day)');
  });
  policy.holidays?.forEach((holiday, i) => {
    if (typeof holiday === 'string') {
      if (!isCalendarDate(holiday)) add(`holidays[${i}]`, 'must be a calendar date YYYY-MM-DD');
      return;
    }
    const startOk = isCalendarDate(holiday.start);
    const endOk = isCalendarDate(holiday.end);
    if (!startOk) add(`holidays[${i}].start`, 'must be a calendar date YYYY-MM-DD');
    if (!endOk) add(`holidays[${i}].end`, 'must be a calendar date YYYY-MM-DD');
    if (startOk && endOk) {
      const days = daysBetween(holiday.start, holiday.end);
      if (days < 0) add(`holidays[${i}].end`, 'must not come before start');
      else if (days >= LIMITS.holidayRangeDays) add(`holidays[${i}].end`, `must be less than ${LIMITS.holidayRangeDays} days after start`);
    }
  });
  for (const list of ['allow', 'deny'] as const) {
    policy.callers?.[list]?.forEach((rule, i) => {
      const problem = callerRuleProblem(rule);
      if (problem) add(`callers.${list}[${i}]`, problem);
    });
  }
  const seen = new Set<string>();
  policy.agents?.forEach((agent, i) => {
    if (seen.has(agent.agent_id)) add(`agents[${i}].agent_id`, 'is given twice');
    seen.add(agent.agent_id);
  });
  if (policy.agents && policy.agents.reduce((sum, a) => sum + a.weight, 0) === 0) add('agents', 'the weights must add up to more than 0');

  for (const key of ['after_hours', 'overflow'] as const) if (policy[key] !== undefined) issues.push(...checkTarget(policy[key], `${field}.${key}`));
  if (policy.callers?.denied !== undefined) issues.push(...checkTarget(policy.callers.denied, `${field}.callers.denied`));
  policy.fallback?.forEach((target, i) => issues.push(...checkTarget(target, `${field}.fallback[${i}]`)));
  if (policy.hook) issues.push(...checkHookUrl(policy.hook.url, `${field}.hook.url`));
  return issues.slice(0, MAX_ISSUES);
}

/** Why a callers rule is not one, or undefined: +44, +1415, GB or anonymous. */
function callerRuleProblem(rule: string): string | undefined {
  if (rule === 'anonymous') return undefined;
  if (rule.startsWith('+')) {
    if (!E164_SYNTAX.test(rule)) return 'must be an E.164 prefix such as +44, an ISO country code such as GB, or anonymous';
    return callingCodeOf(rule.slice(1)) ? undefined : 'must start with a country calling code';
  }
  return isRegion(rule) ? undefined : 'must be an E.164 prefix such as +44, an ISO country code such as GB, or anonymous';
}

/**
 * The hook URL follows the webhook URL rules (absolute http/https, no spaces, no credentials);
 * whether its address is allowed (SSRF) is the DestinationPolicy's call, in the service.
 */
export function checkHookUrl(raw: string, field: string): FieldIssue[] {
  return checkWebhookFields({ url: raw }, '').map((issue) => ({ ...issue, field }));
}

export interface PolicyReference {
  kind: 'agent' | 'workflow';
  id: string;
  /** Where it is named, e.g. routing.fallback[1].agent_id. */
  field: string;
}

/** The agents and workflows a (valid) policy names: the service checks they are the workspace's (404 otherwise). */
export function policyReferences(policy: RoutingPolicy, field = 'routing'): PolicyReference[] {
  const out: PolicyReference[] = [];
  const visit = (target: Target | undefined, at: string) => {
    if (!target) return;
    if (target.type === 'agent') out.push({ kind: 'agent', id: target.agent_id, field: `${at}.agent_id` });
    if (target.type === 'workflow') out.push({ kind: 'workflow', id: target.workflow_id, field: `${at}.workflow_id` });
    if (target.type === 'say') visit(target.then, `${at}.then`);
  };
  policy.agents?.forEach((agent, i) => out.push({ kind: 'agent', id: agent.agent_id, field: `${field}.agents[${i}].agent_id` }));
  visit(policy.after_hours, `${field}.after_hours`);
  visit(policy.callers?.denied, `${field}.callers.denied`);
  visit(policy.overflow, `${field}.overflow`);
  policy.fallback?.forEach((target, i) => visit(target, `${field}.fallback[${i}]`));
  return out;
}
