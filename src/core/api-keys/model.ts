import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, StringEnum, Timestamp } from '../shared/schema-kit.ts';

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

export interface ApiKeyRecord {
  id: string;
  workspace_id: string;
  user_id: string | null;
  name: string;
  prefix: string;
  hash: string;
  scopes: Scope[];
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export const ApiKeySchema = Type.Object(
  {
    id: Id(),
    workspace_id: Id(),
    user_id: Nullable(Id()),
    name: Type.String(),
    prefix: Type.String({ description: 'The first characters of the key, to recognise it by.' }),
    scopes: Type.Array(StringEnum(SCOPES)),
    created_at: Timestamp(),
    last_used_at: Nullable(Timestamp()),
    revoked_at: Nullable(Timestamp()),
  },
);
export type ApiKey = Static<typeof ApiKeySchema>;

export function toPublicKey(record: ApiKeyRecord): ApiKey {
  const { hash: _hash, ...rest } = record;
  return rest;
}

/** What a scope list allows: admin means every workspace scope; write implies read. */
export function effectiveScopes(scopes: readonly Scope[]): Set<Scope> {
  const out = new Set<Scope>(scopes);
  if (out.has('admin') || out.has('operator')) for (const s of WORKSPACE_SCOPES) out.add(s);
  for (const s of [...out]) if (s.endsWith(':write')) out.add(s.replace(':write', ':read') as Scope);
  return out;
}
