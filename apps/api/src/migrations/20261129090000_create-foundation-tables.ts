import { sql, type Kysely } from 'kysely';

// The audit trail is append-only: the database itself refuses updates and deletes (last statements).

/** Agencies, areas, identity, sessions, one-time codes, the message outbox and the audit chain. */
const statements = [
  `create table agencies (
    id uuid primary key default gen_random_uuid(),
    code text not null unique,
    name_vi text not null,
    name_en text not null,
    kind text not null check (kind in ('city','department','ward','commune','unit','service_unit')),
    parent_id uuid references agencies(id),
    path text not null unique,
    is_active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index agencies_parent_idx on agencies (parent_id)`,
  `create index agencies_path_idx on agencies (path text_pattern_ops)`,
  `create table areas (
    id uuid primary key default gen_random_uuid(),
    agency_id uuid not null unique references agencies(id),
    code text not null unique,
    name_vi text not null,
    name_en text not null,
    kind text not null check (kind in ('ward','commune')),
    centre point not null,
    boundary jsonb not null,
    is_demo_boundary boolean not null default false,
    updated_at timestamptz not null default now()
  )`,
  `create table users (
    id uuid primary key default gen_random_uuid(),
    full_name text not null,
    email text,
    phone text,
    password_hash text not null,
    is_verified boolean not null default false,
    verified_at timestamptz,
    assurance smallint not null default 1 check (assurance in (1, 2)),
    locale text not null default 'vi' check (locale in ('vi','en')),
    failed_login_count integer not null default 0,
    locked_at timestamptz,
    last_login_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (email is not null or phone is not null)
  )`,
  `create unique index users_email_key on users (email) where email is not null`,
  `create unique index users_phone_key on users (phone) where phone is not null`,
  `create table role_grants (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id),
    role text not null check (role in ('citizen','officer','unit_lead','desk_officer','ioc_operator','auditor','admin')),
    agency_id uuid references agencies(id),
    granted_by uuid references users(id),
    created_at timestamptz not null default now(),
    check ((role = 'citizen') = (agency_id is null))
  )`,
  `create unique index role_grants_unique on role_grants (user_id, role, coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
  `create table sessions (
    id uuid primary key default gen_random_uuid(),
    token_hash text not null unique,
    user_id uuid not null references users(id),
    kind text not null check (kind in ('cookie','bearer')),
    csrf_token text not null,
    ip text,
    user_agent text,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`,
  `create index sessions_user_idx on sessions (user_id)`,
  `create table one_time_codes (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id),
    purpose text not null check (purpose in ('verify','reset')),
    code_hash text not null,
    attempts integer not null default 0,
    expires_at timestamptz not null,
    consumed_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  `create index one_time_codes_user_idx on one_time_codes (user_id, purpose)`,
  `create table login_failures (
    id bigint generated always as identity primary key,
    ip text not null,
    login text not null,
    at timestamptz not null default now()
  )`,
  `create index login_failures_ip_idx on login_failures (ip, at)`,
  `create table outbox_messages (
    id uuid primary key default gen_random_uuid(),
    channel text not null check (channel in ('email','sms')),
    recipient text not null,
    subject text not null,
    body text not null,
    code text,
    status text not null default 'pending' check (status in ('pending','sent','failed')),
    attempts integer not null default 0,
    last_error text,
    created_at timestamptz not null default now(),
    sent_at timestamptz
  )`,
  `create index outbox_messages_pending_idx on outbox_messages (created_at) where status = 'pending'`,
  `create index outbox_messages_recipient_idx on outbox_messages (recipient, created_at)`,
  `create table audit_log (
    seq bigint primary key,
    at timestamptz not null,
    actor_id uuid,
    actor_role text,
    action text not null,
    target_type text not null,
    target_id text,
    diff jsonb not null,
    ip text,
    request_id text,
    prev_hash text not null,
    hash text not null
  )`,
  `create index audit_log_target_idx on audit_log (target_type, target_id)`,
  `create index audit_log_actor_idx on audit_log (actor_id)`,
  `create table audit_head (
    id integer primary key check (id = 1),
    seq bigint not null,
    hash text not null
  )`,
  `insert into audit_head (id, seq, hash) values (1, 0, 'genesis')`,
  `create function audit_log_refuse_change() returns trigger language plpgsql as $$
  begin
    raise exception 'audit_log is append-only';
  end $$`,
  `create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per call: PGlite's extended protocol takes a single statement at a time.
  for (const statement of statements) await sql.raw(statement).execute(db);
}
