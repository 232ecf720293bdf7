// The trace: every step resolve() took, for people (`text`, such as "hours: closed (Sat 10:12
// America/New_York)") and for programs (`step`, `result`, `data`). Stored on every call and
// answered by the explain endpoint; plain JSON.
export type StepName =
  | 'call'
  | 'number'
  | 'candidate'
  | 'inherit'
  | 'active'
  | 'callers'
  | 'holidays'
  | 'hours'
  | 'capacity'
  | 'agents'
  | 'target'
  | 'destination'
  | 'hook'
  | 'decision';

export interface TraceStep {
  step: StepName;
  /** Short machine result: match, miss, open, closed, denied, allowed, overflow, skipped … */
  result: string;
  /** One line for people, starting with the step's name. */
  text: string;
  data?: Record<string, unknown>;
}

export type Trace = TraceStep[];

export function traceStep(step: StepName, result: string, detail: string, data?: Record<string, unknown>): TraceStep {
  return data ? { step, result, text: `${step}: ${detail}`, data } : { step, result, text: `${step}: ${detail}` };
}
