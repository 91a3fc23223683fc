import type { Agency, User } from '@onecity/contracts';

/** GET /api/v1/agencies */
export const AGENCIES_PATH = '/agencies';
export type AgencyList = { items: Agency[] };

/** GET /api/v1/admin/users */
export const USERS_PATH = '/admin/users';
export type UserList = { items: User[]; total: number };

/** GET /api/v1/audit: newest first, as `AuditList` from '@onecity/contracts'. */
export const AUDIT_PATH = '/audit';
