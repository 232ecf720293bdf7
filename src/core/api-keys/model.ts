import { Type, type Static } from '@sinclair/typebox';
import { SCOPES, type Scope } from '../authorization/scopes.ts';
import { Id, Nullable, StringEnum, Timestamp } from '../shared/schema-kit.ts';

// The scopes live with the rest of authorization (src/core/authorization); re-exported here.
export { effectiveScopes, SCOPES, WORKSPACE_SCOPES, type Scope } from '../authorization/scopes.ts';

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
