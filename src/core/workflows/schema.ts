// A workflow (call flow) a number can route to instead of an agent.
import { Type, type Static } from '@sinclair/typebox';
import { EndpointSchema } from '../agents/schema.ts';
import { Id, Nullable, Strict, Timestamp } from '../shared/schema-kit.ts';

const fields = {
  name: Type.String({ minLength: 1, maxLength: 128 }),
  description: Nullable(Type.String({ maxLength: 4096 })),
  endpoint: Nullable(EndpointSchema),
};

export const WorkflowCreateSchema = Strict(
  { name: fields.name, description: Type.Optional(fields.description), endpoint: Type.Optional(fields.endpoint) },
  'A new workflow.',
);
export const WorkflowPatchSchema = Strict(
  { name: Type.Optional(fields.name), description: Type.Optional(fields.description), endpoint: Type.Optional(fields.endpoint) },
  'Workflow fields to change. Absent = unchanged, null = cleared.',
);
export type WorkflowPatch = Static<typeof WorkflowPatchSchema>;

export const WorkflowSchema = Type.Object(
  { id: Id(), workspace_id: Id(), user_id: Nullable(Id()), ...fields, version: Type.Integer(), created_at: Timestamp(), updated_at: Timestamp() },
);
export type Workflow = Static<typeof WorkflowSchema>;
