import { sql, type Kysely } from 'kysely';

/**
 * Report photos (before and after), kept only as re-encoded copies without metadata (no EXIF location),
 * in the database so every instance serves them; and the IOC's audited reveal of a reporter to the unit.
 */
const statements = [
  `create table report_photos (
    id uuid primary key default gen_random_uuid(),
    report_id uuid references reports(id),
    kind text not null check (kind in ('before','after')),
    uploaded_by uuid not null references users(id),
    content_type text not null,
    width integer not null,
    height integer not null,
    image bytea not null,
    thumbnail bytea not null,
    byte_size integer not null,
    is_redacted boolean not null default false,
    created_at timestamptz not null default now()
  )`,
  `create index report_photos_report_idx on report_photos (report_id, kind)`,
  `create index report_photos_unattached_idx on report_photos (created_at) where report_id is null`,
  `alter table reports add column reporter_revealed_at timestamptz`,
  `alter table reports add column reporter_revealed_by uuid references users(id)`,
  `alter table reports add column reporter_revealed_reason text`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
