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
  /** 'pending' | 'published' | 'withheld': citizens' photos are public only once staff publish them. */
  review_status: Generated<'pending' | 'published' | 'withheld'>;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_reason: string | null;
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

// procedures module
export interface ProcedureSnapshot {
  code: string;
  nameVi: string;
  nameEn: string;
  processingTime: { amount: number; unit: 'working_days' | 'working_hours' | 'days' };
  fees: { code: string; nameVi: string; nameEn: string; amount: number }[];
  components: { code: string; nameVi: string; nameEn: string; isRequired: boolean; copies: number; templateUrl: string | null; isReusable: boolean }[];
  formSchema: Record<string, unknown>;
  onlineLevel: 'full' | 'partial';
  resultType: 'paper' | 'electronic' | 'both';
  resultTemplate: { titleVi: string; titleEn: string; bodyVi: string[] };
  workflow: { code: string; kind: 'reception' | 'review' | 'approval' | 'result'; nameVi: string; nameEn: string; role: 'desk_officer' | 'officer' | 'unit_lead'; agency: string; share: number }[];
}

export interface ProceduresTable {
  id: Generated<string>;
  code: string;
  name_vi: string;
  name_en: string;
  field_vi: string;
  field_en: string;
  level: 'department' | 'ward';
  agency_id: string | null;
  processing_amount: number;
  processing_unit: 'working_days' | 'working_hours' | 'days';
  fees: JSONColumnType<ProcedureSnapshot['fees']>;
  components: JSONColumnType<ProcedureSnapshot['components']>;
  form_schema: JSONColumnType<Record<string, unknown>>;
  online_level: 'full' | 'partial';
  result_type: 'paper' | 'electronic' | 'both';
  result_template: JSONColumnType<ProcedureSnapshot['resultTemplate']>;
  workflow: JSONColumnType<ProcedureSnapshot['workflow']>;
  legal_basis_vi: Generated<string>;
  search_text: string;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DossierCodeSequencesTable {
  prefix: string;
  day: string;
  last_value: number;
}

export interface DossierApplicant {
  fullName: string;
  idNumber: string;
  phone: string;
  email?: string | null;
  address: string;
}

export interface DossiersTable {
  id: Generated<string>;
  code: string;
  procedure_id: string;
  procedure_snapshot: JSONColumnType<ProcedureSnapshot>;
  agency_id: string;
  owner_user_id: string | null;
  received_by: string | null;
  channel: 'online' | 'in_person' | 'post';
  delivery_method: 'online' | 'post' | 'in_person';
  status: number;
  applicant: JSONColumnType<DossierApplicant>;
  form_data: JSONColumnType<Record<string, unknown>>;
  fee_total: Generated<number>;
  fee_paid_at: Timestamp | null;
  fee_paid_via: 'desk' | 'online' | null;
  fee_reference: string | null;
  submitted_at: ColumnType<Date, Date | string | undefined, Date | string>;
  received_on: string;
  accepted_at: Timestamp | null;
  appointment_date: string;
  appointment_at: Timestamp;
  original_appointment_date: string;
  /** The legal deadline (recomputed after a completed supplement, never moved by an apology): lateness is judged on it. */
  legal_due_at: Timestamp;
  current_step: number | null;
  supplement_count: Generated<number>;
  status_before_supplement: number | null;
  finished_at: Timestamp | null;
  delivered_at: Timestamp | null;
  closed_at: Timestamp | null;
  is_late: boolean | null;
  has_electronic_result: Generated<boolean>;
  apology_count: Generated<number>;
  last_apology_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DossierStepsTable {
  id: Generated<string>;
  dossier_id: string;
  step_index: number;
  code: string;
  kind: 'reception' | 'review' | 'approval' | 'result';
  name_vi: string;
  name_en: string;
  role: 'desk_officer' | 'officer' | 'unit_lead';
  agency_id: string;
  assignee_id: string | null;
  started_at: Timestamp | null;
  due_at: Timestamp;
  finished_at: Timestamp | null;
  finished_by: string | null;
  note: string | null;
}

export interface DossierFilesTable {
  id: Generated<string>;
  dossier_id: string | null;
  uploaded_by: string | null;
  component_code: string | null;
  kind: 'component' | 'result' | 'apology';
  file_name: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  content: Buffer;
  is_superseded: Generated<boolean>;
  created_at: CreatedAt;
}

export interface DossierEventsTable {
  id: Generated<number>;
  dossier_id: string;
  at: CreatedAt;
  actor_id: string | null;
  agency_id: string | null;
  action: string;
  status: number;
  note: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface DossierSupplementsTable {
  id: Generated<string>;
  dossier_id: string;
  requested_at: CreatedAt;
  requested_by: string;
  items: JSONColumnType<{ componentCode: string | null; text: string }[]>;
  note: string | null;
  previous_appointment_date: string;
  completed_at: Timestamp | null;
  new_appointment_date: string | null;
}

export interface DossierSurveysTable {
  dossier_id: string;
  user_id: string | null;
  answers: JSONColumnType<Record<string, number>>;
  comment: string | null;
  submitted_at: CreatedAt;
}

// documents module
export interface SigningCertificatesTable {
  id: Generated<string>;
  kind: 'personal' | 'seal';
  user_id: string | null;
  agency_id: string | null;
  common_name: string;
  serial_number: string;
  issuer_common_name: string;
  not_before: Timestamp;
  not_after: Timestamp;
  certificate_pem: string;
  chain_pem: string;
  key_provider: Generated<string>;
  encrypted_key: Buffer | null;
  /** The key's id at the remote signing service (key_provider 'remote'). */
  remote_key_id: string | null;
  image_png: Buffer | null;
  is_demo: Generated<boolean>;
  revoked_at: Timestamp | null;
  revocation_reason: string | null;
  created_at: CreatedAt;
}

export interface TrustAnchorsTable {
  id: Generated<string>;
  name: string;
  certificate_pem: string;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
}

export interface DemoCertificateAuthorityTable {
  id: number;
  root_pem: string;
  root_key: Buffer;
  issuing_pem: string;
  issuing_key: Buffer;
  created_at: CreatedAt;
}

export interface DocumentsTable {
  id: Generated<string>;
  kind: 'result' | 'apology' | 'copy' | 'notice' | 'receipt';
  title_vi: string;
  number_symbol: string;
  agency_id: string;
  owner_user_id: string | null;
  dossier_code: string | null;
  issued_by: string | null;
  issued_at: Timestamp;
  signer_name: string | null;
  signature_count: number;
  sha256: string;
  byte_size: number;
  pdf: Buffer;
  status: Generated<'valid' | 'revoked' | 'superseded'>;
  status_reason: string | null;
  status_changed_at: Timestamp | null;
  status_changed_by: string | null;
  superseded_by: string | null;
}

// payments module
export type PaymentIntentStatus = 'requires_payment' | 'processing' | 'succeeded' | 'failed' | 'cancelled' | 'expired' | 'refunded' | 'partially_refunded';

export interface PaymentIntentItem {
  code: string;
  nameVi: string;
  nameEn: string;
  amount: number;
}

export interface PaymentIntentsTable {
  id: Generated<string>;
  reference: string;
  dossier_code: string;
  procedure_code: string;
  owner_user_id: string | null;
  agency_id: string;
  desk_agency_id: string;
  amount: number;
  currency: Generated<string>;
  items: JSONColumnType<PaymentIntentItem[]>;
  description: string;
  status: PaymentIntentStatus;
  amount_received: Generated<number>;
  amount_refunded: Generated<number>;
  provider: string | null;
  provider_transaction_id: string | null;
  expires_at: Timestamp;
  succeeded_at: Timestamp | null;
  closed_at: Timestamp | null;
  close_reason: string | null;
  receipt_document_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PaymentAttemptsTable {
  id: Generated<string>;
  intent_id: string;
  provider: string;
  provider_reference: string;
  amount: number;
  status: 'pending' | 'succeeded' | 'failed';
  failure_code: string | null;
  redirect_url: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PaymentEventsTable {
  id: Generated<number>;
  intent_id: string | null;
  provider: string | null;
  kind: string;
  provider_transaction_id: string | null;
  amount: number | null;
  from_status: string | null;
  to_status: string | null;
  data: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  actor_id: string | null;
  occurred_at: CreatedAt;
}

export interface PaymentBankCreditsTable {
  id: Generated<string>;
  bank_reference: string;
  bank_bin: string | null;
  account_number: string;
  amount: number;
  description: string;
  transaction_at: Timestamp;
  received_at: CreatedAt;
  status: 'matched' | 'unmatched' | 'linked' | 'not_ours';
  reason: string | null;
  intent_id: string | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  resolution_note: string | null;
  raw: JSONColumnType<Record<string, unknown>>;
}

export interface PaymentRefundsTable {
  id: Generated<string>;
  intent_id: string;
  amount: number;
  reason: string;
  status: 'succeeded' | 'recorded';
  provider_refund_id: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface PaymentIdempotencyKeysTable {
  caller: string;
  key: string;
  fingerprint: string;
  status_code: number | null;
  response_body: string | null;
  content_type: string | null;
  created_at: CreatedAt;
  completed_at: Timestamp | null;
}

export interface PaymentDiscrepanciesTable {
  id: Generated<string>;
  fingerprint: string;
  kind: string;
  day: string;
  intent_id: string | null;
  provider: string | null;
  provider_transaction_id: string | null;
  expected_amount: number | null;
  actual_amount: number | null;
  details: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<'open' | 'resolved'>;
  detected_at: CreatedAt;
  resolution: 'refunded' | 'corrected' | 'not_an_error' | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
}

export interface PaymentSettingsTable {
  id: number;
  cashier_user_id: string | null;
}

export interface PaymentSandboxLedgerTable {
  id: Generated<number>;
  provider: string;
  provider_transaction_id: string;
  reference: string;
  amount: number;
  created_at: CreatedAt;
}

// operations module
export interface OperationsDailyTable {
  agency_id: string;
  day: string;
  metric: string;
  /** int8 arrives as a number (shared type parsers); sums of seconds stay far below 2^53. */
  value: number;
}

/** The city's daily aggregates: operations_daily summed over every agency. */
export interface OperationsDailyCityTable {
  day: string;
  metric: string;
  value: number;
}

export interface OperationsItemContributionsTable {
  source: 'report' | 'dossier';
  code: string;
  contributions: JSONColumnType<[string, string, string, number][]>;
  updated_at: UpdatedAt;
}

export interface OperationsCursorsTable {
  source: 'report' | 'dossier';
  last_event_id: number;
  updated_at: UpdatedAt;
  /** While a rebuild runs: the last item code it has recomputed ('' at its start); null otherwise. */
  rebuild_after_code: string | null;
}

export interface OperationsScorecardCommentsTable {
  id: Generated<string>;
  agency_id: string;
  month: string;
  author_id: string;
  text: string;
  created_at: CreatedAt;
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
  procedures: ProceduresTable;
  dossier_code_sequences: DossierCodeSequencesTable;
  dossiers: DossiersTable;
  dossier_steps: DossierStepsTable;
  dossier_files: DossierFilesTable;
  dossier_events: DossierEventsTable;
  dossier_supplements: DossierSupplementsTable;
  dossier_surveys: DossierSurveysTable;
  signing_certificates: SigningCertificatesTable;
  trust_anchors: TrustAnchorsTable;
  demo_certificate_authority: DemoCertificateAuthorityTable;
  documents: DocumentsTable;
  payment_intents: PaymentIntentsTable;
  payment_attempts: PaymentAttemptsTable;
  payment_events: PaymentEventsTable;
  payment_bank_credits: PaymentBankCreditsTable;
  payment_refunds: PaymentRefundsTable;
  payment_idempotency_keys: PaymentIdempotencyKeysTable;
  payment_discrepancies: PaymentDiscrepanciesTable;
  payment_settings: PaymentSettingsTable;
  payment_sandbox_ledger: PaymentSandboxLedgerTable;
  operations_daily: OperationsDailyTable;
  operations_daily_city: OperationsDailyCityTable;
  operations_item_contributions: OperationsItemContributionsTable;
  operations_cursors: OperationsCursorsTable;
  operations_scorecard_comments: OperationsScorecardCommentsTable;
}
