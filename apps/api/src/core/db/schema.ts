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

// reports module
export interface ReportQuestion {
  code: string;
  labelVi: string;
  labelEn: string;
  datatype: 'text' | 'number' | 'choice';
  isRequired: boolean;
  options?: { key: string; labelVi: string; labelEn: string }[];
}

export interface ReportCategoriesTable {
  id: Generated<string>;
  code: string;
  name_vi: string;
  name_en: string;
  group_vi: string;
  group_en: string;
  description_vi: Generated<string>;
  description_en: Generated<string>;
  keywords: Generated<string>;
  sla_working_days: Generated<number>;
  urgent_sla_hours: Generated<number>;
  questions: JSONColumnType<ReportQuestion[]>;
  is_photo_required: Generated<boolean>;
  is_after_photo_required: Generated<boolean>;
  is_public: Generated<boolean>;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ReportRoutingRulesTable {
  id: Generated<string>;
  rule_no: Generated<number>;
  category_id: string | null;
  area_code: string | null;
  unit_id: string;
  note: Generated<string>;
  created_at: CreatedAt;
}

export interface ReportCodeCountersTable {
  day: string;
  last_value: number;
}

export interface ReportRouting {
  ruleNo: number | null;
  explanationVi: string;
  explanationEn: string;
}

export interface ReportsTable {
  id: Generated<string>;
  code: string;
  category_id: string;
  description: string;
  location: PointColumn;
  address: string | null;
  area_code: string;
  status: string;
  is_urgent: Generated<boolean>;
  is_public: boolean;
  reporter_id: string;
  channel: Generated<string>;
  answers: JSONColumnType<Record<string, string | number>>;
  unit_id: string | null;
  officer_id: string | null;
  routing: JSONColumnType<ReportRouting>;
  received_on: string;
  due_at: Timestamp;
  pending_extension: JSONColumnType<{ requestedBy: string; proposedDueAt: string; reason: string } | null> | null;
  escalation_level: Generated<number>;
  answer: string | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  rating: number | null;
  rating_comment: string | null;
  reopen_count: Generated<number>;
  merged_into: string | null;
  reporter_revealed_at: Timestamp | null;
  reporter_revealed_by: string | null;
  reporter_revealed_reason: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ReportPhotosTable {
  id: Generated<string>;
  report_id: string | null;
  kind: string;
  uploaded_by: string;
  content_type: string;
  width: number;
  height: number;
  image: Buffer;
  thumbnail: Buffer;
  byte_size: number;
  is_redacted: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ReportEventsTable {
  id: Generated<number>;
  report_id: string;
  at: CreatedAt;
  type: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_kind: string;
  details: JSONColumnType<Record<string, unknown>>;
  is_public: Generated<boolean>;
}

export interface ReportFollowersTable {
  report_id: string;
  user_id: string;
  created_at: CreatedAt;
}

// open311 module
export interface Open311ClientsTable {
  id: Generated<string>;
  name: string;
  contact: Generated<string>;
  api_key_hash: string;
  key_hint: string;
  service_user_id: string;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
}

/** What an Open311 client told us about the reporter; kept for the city's staff only. */
export interface Open311Contact {
  email?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  deviceId?: string;
  accountId?: string;
}

export interface Open311RequestsTable {
  id: Generated<string>;
  report_id: string;
  report_code: string;
  client_id: string;
  token: string;
  contact: JSONColumnType<Open311Contact>;
  media_url: string | null;
  created_at: CreatedAt;
}

export interface Open311UpdatesTable {
  id: Generated<string>;
  report_id: string;
  client_id: string;
  event_id: number;
  update_id_ext: string | null;
  status: string | null;
  contact: JSONColumnType<Open311Contact>;
  media_url: string | null;
  stated_at: Timestamp | null;
  created_at: CreatedAt;
}

// notifications module
export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  link: string | null;
  read_at: Timestamp | null;
  emailed_at: Timestamp | null;
  created_at: CreatedAt;
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
  report_categories: ReportCategoriesTable;
  report_routing_rules: ReportRoutingRulesTable;
  report_code_counters: ReportCodeCountersTable;
  reports: ReportsTable;
  report_events: ReportEventsTable;
  report_followers: ReportFollowersTable;
  report_photos: ReportPhotosTable;
  notifications: NotificationsTable;
  open311_clients: Open311ClientsTable;
  open311_requests: Open311RequestsTable;
  open311_updates: Open311UpdatesTable;
}
