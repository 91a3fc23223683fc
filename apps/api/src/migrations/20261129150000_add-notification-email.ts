import { sql, type Kysely } from 'kysely';

/** Notices are also e-mailed when the deployment says so; this records which were handed to the outbox. */
const statements = [
  `alter table notifications add column emailed_at timestamptz`,
  `create index notifications_to_email_idx on notifications (created_at) where emailed_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
