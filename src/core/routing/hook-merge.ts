// What a pre-answer hook's answer does to a decision (the HTTP call itself is made elsewhere).
// The answer { target?, headers?, parameters? } may replace the target — a reject is a target —
// and add SIP headers or stream parameters; {} keeps the decision. A failed call (timeout,
// error status, bad JSON) or an invalid answer — wrong shape, a target naming anything outside
// this workspace's snapshot, a target that reaches nothing — keeps the static decision, and the
// trace says why. Never throws for anything the hook sends.
import { Type } from '@sinclair/typebox';
import type { FieldIssue } from '../errors.ts';
import { checkSchema } from '../shared/check-schema.ts';
import { Strict } from '../shared/schema-kit.ts';
import type { Decision, Resolution } from './decision.ts';
import { mergeHeaders, toDestination, type PlanContext } from './destinations.ts';
import { finish, type ResolveEnv } from './resolve.ts';
import { HookAnswerSchema, type SipHeader, type Target } from './schema.ts';
import type { RoutingSnapshot } from './snapshot.ts';
import { traceStep } from './trace.ts';
import { checkParameterValue, checkSipHeaders, checkTarget } from './validate-target.ts';

export type HookOutcome =
  /** The hook answered 2xx with this parsed JSON body. */
  | { status: 'answered'; body: unknown }
  /** No usable answer: "timeout after 1500 ms", "HTTP 502", "invalid JSON", "address refused" … */
  | { status: 'failed'; reason: string };

const AnswerShape = Strict({ ...HookAnswerSchema.properties, target: Type.Optional(Type.Unknown()) });

export function applyHookAnswer(resolution: Resolution, outcome: HookOutcome, snapshot: RoutingSnapshot, env: Pick<ResolveEnv, 'isDown'> = {}): Resolution {
  const { decision } = resolution;
  if (snapshot.workspaceId !== decision.workspace_id) throw new Error('a hook answer is applied with the snapshot of the decision\'s own workspace');
  const keep = (result: 'kept' | 'failed' | 'invalid', detail: string, data?: Record<string, unknown>): Resolution => ({
    decision: decision.hook ? { ...decision, hook: { ...decision.hook, outcome: result } } : decision,
    trace: [...resolution.trace, traceStep('hook', result, detail, data)],
  });
  if (!decision.hook || decision.hook.outcome !== 'pending') return keep('kept', 'no hook was pending');
  if (outcome.status === 'failed') return keep('failed', `failed (${outcome.reason}); the static decision stands`);

  const issues = checkAnswer(outcome.body, snapshot);
  if (issues.length) {
    const first = issues[0]!;
    return keep('invalid', `invalid answer (${first.field}: ${first.message}); the static decision stands`, { issues });
  }
  const answer = outcome.body as { target?: Target; headers?: Record<string, string>; parameters?: Record<string, string> };
  if (!answer.target && !answer.headers && !answer.parameters) return keep('kept', 'kept the decision ({})');

  const headers: SipHeader[] = mergeHeaders(decision.headers, Object.entries(answer.headers ?? {}).map(([name, value]) => ({ name, value })));
  const parameters = { ...decision.parameters, ...answer.parameters };
  const ctx: PlanContext = { snapshot, effective: decision.effective, isDown: env.isDown, headers, parameters };
  if (answer.target) {
    const reached = toDestination(answer.target, 'hook', ctx);
    if (!reached.ok) return keep('invalid', `answered ${answer.target.type}, which cannot be reached (${reached.why}); the static decision stands`);
  }
  if (!answer.target && !decision.plan.target) {
    // The engine refused the call itself: headers and parameters have nothing to go to.
    return keep('kept', 'kept the decision (a refusal takes no headers or parameters)');
  }

  const changes = [answer.target ? `target → ${answer.target.type}` : null, answer.headers ? `${Object.keys(answer.headers).length} header(s)` : null, answer.parameters ? `${Object.keys(answer.parameters).length} parameter(s)` : null].filter(Boolean);
  const trace = [...resolution.trace, traceStep('hook', 'changed', `answered: ${changes.join(', ')}`, { answer })];
  const choice = answer.target
    ? { target: answer.target, cause: 'hook' as const, alternates: [] }
    : { target: decision.plan.target, cause: decision.cause, alternates: decision.plan.alternates };
  const base: Omit<Decision, 'kind' | 'reject_reason' | 'destinations' | 'plan' | 'cause'> = {
    ...decision,
    hook: { ...decision.hook, outcome: 'changed' },
    headers,
    parameters,
  };
  // The policy's fallback list: a static reject had none, the hook's new target has it.
  return finish(base, choice, decision.effective?.routing.fallback ?? decision.plan.fallback, ctx, trace);
}

/** The answer's shape, and that its target names only this workspace's agents and workflows. */
function checkAnswer(body: unknown, snapshot: RoutingSnapshot): FieldIssue[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [{ field: '(body)', message: 'must be a JSON object' }];
  const shape = checkSchema(AnswerShape, body);
  if (shape.length) return shape;
  const answer = body as { target?: unknown; headers?: Record<string, string>; parameters?: Record<string, string> };
  const issues: FieldIssue[] = [];
  if (answer.target !== undefined) {
    const targetIssues = checkTarget(answer.target, 'target');
    if (targetIssues.length) return targetIssues;
    issues.push(...referenceIssues(answer.target as Target, 'target', snapshot));
  }
  if (answer.headers) issues.push(...checkSipHeaders(Object.entries(answer.headers).map(([name, value]) => ({ name, value })), 'headers', true));
  for (const [key, value] of Object.entries(answer.parameters ?? {})) issues.push(...checkParameterValue(value, `parameters.${key}`));
  return issues;
}

function referenceIssues(target: Target, field: string, snapshot: RoutingSnapshot): FieldIssue[] {
  if (target.type === 'agent' && !snapshot.agent(target.agent_id)) return [{ field: `${field}.agent_id`, message: 'is not an agent of this workspace' }];
  if (target.type === 'workflow' && !snapshot.workflow(target.workflow_id)) return [{ field: `${field}.workflow_id`, message: 'is not a workflow of this workspace' }];
  if (target.type === 'say' && target.then) return referenceIssues(target.then, `${field}.then`, snapshot);
  return [];
}
