import { Type, type Static } from 'typebox';

/** One row of the tamper-evident audit trail, as auditors see it. */
export const AuditEntry = Type.Object({
  seq: Type.Integer({ description: 'Position in the hash chain; gap-free' }),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  diff: Type.Record(Type.String(), Type.Unknown(), { description: 'before/after of the changed fields, secrets redacted' }),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditList = Type.Object({ items: Type.Array(AuditEntry), total: Type.Integer() });
export type AuditList = Static<typeof AuditList>;
