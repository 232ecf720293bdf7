// Subscription filters: a CEL expression over the event, checked when saved and evaluated at
// delivery time. The expression sees every top-level field of the event's payload (`data`) as a
// variable, so VoiceOS-style filters such as `direction == "inbound"` work as written, and the
// whole event as `event` ({id, type, timestamp, data}): `event.type == "phone_number.updated"`.
// Payload fields are not known when the filter is saved, so unknown names are dynamic; what
// the check refuses is bad syntax, unknown functions, type errors it can prove, and an
// expression that cannot be a boolean.
import { Environment } from '@marcbachmann/cel-js';

export const MAX_FILTER_LENGTH = 4096;

// Bounded so that one subscription cannot make every delivery expensive.
const env = new Environment({
  unlistedVariablesAreDyn: true,
  limits: { maxAstNodes: 1000, maxDepth: 32, maxListElements: 256, maxMapEntries: 256, maxCallArguments: 16 },
}).registerVariable('event', 'map');

export interface WebhookEvent {
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/** Why the expression cannot be a filter; null when it can. */
export function filterProblem(expression: string): string | null {
  if (expression.length > MAX_FILTER_LENGTH) return `must be at most ${MAX_FILTER_LENGTH} characters`;
  let result;
  try {
    result = env.check(expression);
  } catch (err) {
    return `is not a valid CEL expression: ${summary(err)}`;
  }
  if (!result.valid) return `is not a valid CEL expression: ${summary(result.error)}`;
  if (result.type !== 'bool' && result.type !== 'dyn') return `must be a boolean expression, not ${result.type}`;
  return null;
}

/** Thrown when a filter fails at delivery time; the worker records it on the attempt. */
export class FilterEvaluationError extends Error {}

/** A saved filter as a predicate over events, for the delivery worker. */
export function compileFilter(expression: string): (event: WebhookEvent) => boolean {
  const evaluate = env.parse(expression);
  return (event) => {
    let value: unknown;
    try {
      value = evaluate({ ...event.data, event });
    } catch (err) {
      throw new FilterEvaluationError(`the filter failed: ${summary(err)}`);
    }
    if (typeof value !== 'boolean') throw new FilterEvaluationError(`the filter gave ${typeof value}, not a boolean`);
    return value;
  };
}

/** The library's one-line message, without the source excerpt it appends. */
function summary(err: unknown): string {
  const e = err as { summary?: string; message?: string } | undefined;
  return (e?.summary ?? e?.message ?? String(err)).split('\n')[0]!.trim();
}
