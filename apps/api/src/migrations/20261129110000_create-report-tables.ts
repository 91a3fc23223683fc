import { sql, type Kysely } from 'kysely';

/**
 * Field reports: categories (Open311 services), the routing table, reports with their place and deadline,
 * the public timeline, followers, and the daily counter behind readable report codes.
 */
const statements = [
  `create table report_categories (
    id uuid primary key default gen_random_uuid(),
    code text not null unique,
    name_vi text not null,
    name_en text not null,
    group_vi text not null,
    group_en text not null,
    description_vi text not null default '',
    description_en text not null default '',
    keywords text not null default '',
    sla_working_days integer not null default 7 check (sla_working_days between 1 and 60),
    urgent_sla_hours integer not null default 24 check (urgent_sla_hours between 1 and 168),
    questions jsonb not null default '[]'::jsonb,
    is_photo_required boolean not null default false,
    is_after_photo_required boolean not null default true,
    is_public boolean not null default true,
    is_active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table report_routing_rules (
    id uuid primary key default gen_random_uuid(),
    rule_no integer generated always as identity unique,
    category_id uuid references report_categories(id),
    area_code text references areas(code),
    unit_id uuid not null references agencies(id),
    note text not null default '',
    created_at timestamptz not null default now()
  )`,
  `create unique index report_routing_rules_key on report_routing_rules (
    coalesce(category_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(area_code, '')
  )`,
  `create table report_code_counters (
    day date primary key,
    last_value integer not null
  )`,
  `create table reports (
    id uuid primary key default gen_random_uuid(),
    code text not null unique,
    category_id uuid not null references report_categories(id),
    description text not null,
    location point not null,
    address text,
    area_code text not null references areas(code),
    status text not null check (status in ('submitted','assigned','in_progress','resolved','closed','rejected','merged')),
    is_urgent boolean not null default false,
    is_public boolean not null,
    reporter_id uuid not null references users(id),
    channel text not null default 'app' check (channel in ('app','open311','phone','desk')),
    answers jsonb not null default '{}'::jsonb,
    unit_id uuid references agencies(id),
    officer_id uuid references users(id),
    routing jsonb not null,
    received_on date not null,
    due_at timestamptz not null,
    pending_extension jsonb,
    escalation_level integer not null default 0,
    answer text,
    resolved_at timestamptz,
    closed_at timestamptz,
    rating integer check (rating between 1 and 5),
    rating_comment text,
    reopen_count integer not null default 0,
    merged_into uuid references reports(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index reports_location_idx on reports using gist (location)`,
  `create index reports_queue_idx on reports (unit_id, status, due_at)`,
  `create index reports_status_due_idx on reports (status, due_at)`,
  `create index reports_reporter_idx on reports (reporter_id, created_at)`,
  `create index reports_created_idx on reports (created_at)`,
  `create table report_events (
    id bigint generated always as identity primary key,
    report_id uuid not null references reports(id),
    at timestamptz not null default now(),
    type text not null,
    from_status text,
    to_status text not null,
    actor_id uuid references users(id),
    actor_kind text not null,
    details jsonb not null default '{}'::jsonb,
    is_public boolean not null default true
  )`,
  `create index report_events_report_idx on report_events (report_id, at)`,
  `create table report_followers (
    report_id uuid not null references reports(id),
    user_id uuid not null references users(id),
    created_at timestamptz not null default now(),
    primary key (report_id, user_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
