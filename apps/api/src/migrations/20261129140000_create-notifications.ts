import { sql, type Kysely } from 'kysely';

/** The in-app inbox: one row per recipient and message, written in the transaction of the change it tells about. */
const statements = [
  `create table notifications (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id),
    kind text not null,
    title_vi text not null,
    title_en text not null,
    body_vi text not null,
    body_en text not null,
    link text,
    read_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  `create index notifications_user_idx on notifications (user_id, created_at desc)`,
  `create index notifications_unread_idx on notifications (user_id) where read_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
