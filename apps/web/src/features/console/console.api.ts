import type { Agency, User } from '@onecity/contracts';

/** GET /api/v1/agencies */
export const AGENCIES_PATH = '/agencies';
export type AgencyList = { items: Agency[] };

/** GET /api/v1/admin/users */
export const USERS_PATH = '/admin/users';
export type UserList = { items: User[]; total: number };

/** GET /api/v1/audit: newest first. The row shape is the API's (core/audit/audit.routes.ts); it is not in contracts yet. */
export const AUDIT_PATH = '/audit';
export type AuditEntry = {
  /** Position in the hash chain; unique. */
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  requestId: string | null;
  diff?: unknown;
  hash?: string;
};
export type AuditList = { items: AuditEntry[]; total: number };
