import { sql, type Kysely } from 'kysely';

/**
 * The operations centre: daily aggregates per agency and local day maintained from the reports' and dossiers'
 * timelines, each item's last contribution to them (so a change is applied as a difference and applying it twice
 * changes nothing), the cursor of each timeline, and units' comments on their monthly scorecards.
 */
const statements = [
  `create table operations_daily (
    agency_id uuid not null references agencies(id),
    day date not null,
    metric text not null,
    value bigint not null,
    primary key (agency_id, day, metric)
  )`,
  `create index operations_daily_day_idx on operations_daily (day, agency_id)`,
  `create table operations_item_contributions (
    source text not null check (source in ('report','dossier')),
    code text not null,
    contributions jsonb not null,
    updated_at timestamptz not null default now(),
    primary key (source, code)
  )`,
  `create table operations_cursors (
    source text primary key check (source in ('report','dossier')),
    last_event_id bigint not null default 0,
    updated_at timestamptz not null default now()
  )`,
  `insert into operations_cursors (source) values ('report'), ('dossier')`,
  `create table operations_scorecard_comments (
    id uuid primary key default gen_random_uuid(),
    agency_id uuid not null references agencies(id),
    month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    author_id uuid not null references users(id),
    text text not null,
    created_at timestamptz not null default now()
  )`,
  `create index operations_scorecard_comments_idx on operations_scorecard_comments (agency_id, month, created_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
