// The routing engine's interface (see README.md in this folder).
export { resolve, type Call, type ResolveEnv } from './resolve.ts';
export { applyHookAnswer, type HookOutcome } from './hook-merge.ts';
export { RoutingSnapshot, type SnapshotChange, type SnapshotInput } from './snapshot.ts';
export { numberRow, type AgentRow, type BlockRow, type NumberRow, type RoutingConfig, type WorkflowRow, type WorkspaceRoutingRow } from './rows.ts';
export { checkBlockExtent, describeExtent, overlapOf, type Conflict } from './block-geometry.ts';
export { checkRoutingPolicy, checkHookUrl, policyReferences, type PolicyReference } from './validate-policy.ts';
export { checkTarget } from './validate-target.ts';
export type { CapacityScope, Decision, Destination, RejectReason, Resolution } from './decision.ts';
export type { Trace, TraceStep } from './trace.ts';
export * from './schema.ts';
