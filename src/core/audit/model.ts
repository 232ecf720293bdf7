import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, Timestamp } from '../shared/schema-kit.ts';

export const AuditEventSchema = Type.Object(
  {
    id: Id(),
    workspace_id: Id(),
    type: Type.String({ description: 'What happened, such as phone_number.updated.' }),
    object_type: Type.String(),
    object_id: Type.String(),
    actor: Type.Object({
      type: Type.String({ description: 'api_key, operator or system.' }),
      api_key_id: Nullable(Id()),
      user_id: Nullable(Id()),
      ip: Type.Optional(Type.String({ description: 'API calls: the client\'s address (behind proxies trusted by SWITCHBOARD_TRUST_PROXY, the address they forwarded).' })),
    }),
    changes: Type.Array(Type.String(), { description: 'Top-level fields that changed.' }),
    before: Nullable(Type.Record(Type.String(), Type.Unknown())),
    after: Nullable(Type.Record(Type.String(), Type.Unknown())),
    request_id: Nullable(Type.String()),
    reason: Type.Optional(Type.String({ description: 'Why the system made the change, when it did (webhook_endpoint.disabled).' })),
    created_at: Timestamp(),
  },
);
export type AuditEvent = Static<typeof AuditEventSchema>;
