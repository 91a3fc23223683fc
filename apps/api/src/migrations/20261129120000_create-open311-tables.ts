import { sql, type Kysely } from 'kysely';

/**
 * Open311 GeoReport v2: the API clients (keys stored only as SHA-256 hashes, each acting as its own service
 * user), the requests they filed (the token and the reporter's contact, which no public endpoint shows) and
 * the updates they posted (mySociety's servicerequestupdates), each tied to its internal timeline event.
 */
const statements = [
  `create table open311_clients (
    id uuid primary key default gen_random_uuid(),
    name text not null,
    contact text not null default '',
    api_key_hash text not null unique,
    key_hint text not null,
    service_user_id uuid not null references users(id),
    is_active boolean not null default true,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
  )`,
  `create table open311_requests (
    id uuid primary key default gen_random_uuid(),
    report_id uuid not null unique references reports(id),
    report_code text not null unique,
    client_id uuid not null references open311_clients(id),
    token text not null unique,
    contact jsonb not null default '{}'::jsonb,
    media_url text,
    created_at timestamptz not null default now()
  )`,
  `create index open311_requests_client_idx on open311_requests (client_id, created_at)`,
  `create table open311_updates (
    id uuid primary key default gen_random_uuid(),
    report_id uuid not null references reports(id),
    client_id uuid not null references open311_clients(id),
    event_id bigint not null unique references report_events(id),
    update_id_ext text,
    status text,
    contact jsonb not null default '{}'::jsonb,
    media_url text,
    stated_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  `create unique index open311_updates_ext_key on open311_updates (client_id, update_id_ext) where update_id_ext is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
