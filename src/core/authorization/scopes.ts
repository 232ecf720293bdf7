// The scopes an API key can hold, and what a list of them allows. Every rule that reads them is
// in this folder (authorize.ts); the table of what each route needs is operations.ts.

export const WORKSPACE_SCOPES = [
  'numbers:read',
  'numbers:write',
  'agents:read',
  'agents:write',
  'workflows:read',
  'workflows:write',
  'webhooks:read',
  'webhooks:write',
  'events:read',
  'keys:read',
  'keys:write',
] as const;
/** admin: every workspace scope. operator: may also manage workspaces (deployment-wide). */
export const SCOPES = [...WORKSPACE_SCOPES, 'admin', 'operator'] as const;
export type Scope = (typeof SCOPES)[number];

/** Every scope there is: what the operator at the machine (CLI) and the server itself act with. */
export const ALL_SCOPES: ReadonlySet<Scope> = new Set(SCOPES);

/** What a scope list allows: admin (and operator) means every workspace scope; write implies read. */
export function effectiveScopes(scopes: readonly Scope[]): Set<Scope> {
  const out = new Set<Scope>(scopes);
  if (out.has('admin') || out.has('operator')) for (const s of WORKSPACE_SCOPES) out.add(s);
  for (const s of [...out]) if (s.endsWith(':write')) out.add(s.replace(':write', ':read') as Scope);
  return out;
}
