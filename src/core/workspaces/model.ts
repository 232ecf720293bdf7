import { Type, type Static } from '@sinclair/typebox';
import { Id, Timestamp } from '../shared/schema-kit.ts';

export const WorkspaceSchema = Type.Object({ id: Id(), name: Type.String(), created_at: Timestamp() });
export type Workspace = Static<typeof WorkspaceSchema>;

export const UserSchema = Type.Object(
  { id: Id(), workspace_id: Id(), name: Type.String(), created_at: Timestamp() },
);
export type User = Static<typeof UserSchema>;
