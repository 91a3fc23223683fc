/**
 * Kysely table types. Each table belongs to one module (named above it); only that module queries it.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Point } from './type-parsers.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type PointColumn = ColumnType<Point, string, string>;

// agencies module
export interface AgenciesTable {
  id: Generated<string>;
  code: string;
  name_vi: string;
  name_en: string;
  kind: string;
  parent_id: string | null;
  path: string;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AreasTable {
  id: Generated<string>;
  agency_id: string;
  code: string;
  name_vi: string;
  name_en: string;
  kind: string;
  centre: PointColumn;
  boundary: JSONColumnType<{ type: string; coordinates: unknown }>;
  is_demo_boundary: boolean;
  updated_at: UpdatedAt;
}

// identity module
export interface UsersTable {
  id: Generated<string>;
  full_name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  is_verified: Generated<boolean>;
  verified_at: Timestamp | null;
  assurance: Generated<number>;
  locale: Generated<string>;
  failed_login_count: Generated<number>;
  locked_at: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RoleGrantsTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  agency_id: string | null;
  granted_by: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  kind: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface OneTimeCodesTable {
  id: Generated<string>;
  user_id: string;
  purpose: string;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  ip: string;
  login: string;
  at: CreatedAt;
}

// calendar module
export interface CalendarYearsTable {
  year: number;
  basis: string;
  source: string;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface CalendarDaysTable {
  date: string;
  year: number;
  kind: string;
  name_vi: string;
  name_en: string;
}

// core/messaging
export interface OutboxMessagesTable {
  id: Generated<string>;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  code: string | null;
  status: Generated<string>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

// core/audit
export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  diff: JSONColumnType<Record<string, unknown>>;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface DB {
  agencies: AgenciesTable;
  areas: AreasTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  one_time_codes: OneTimeCodesTable;
  login_failures: LoginFailuresTable;
  outbox_messages: OutboxMessagesTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
}
