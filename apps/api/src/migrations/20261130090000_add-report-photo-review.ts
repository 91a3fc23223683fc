import { sql, type Kysely } from 'kysely';

/**
 * A citizen's photo is shown publicly only after staff review it (it may show faces, number plates or be abusive):
 * pending until published or withheld with a reason. Photos that exist already were public, so they stay
 * published; new rows start pending unless the code says otherwise (the officials' after-photos are published
 * when they are attached to the answer).
 */
const statements = [
  `alter table report_photos add column review_status text not null default 'published' check (review_status in ('pending','published','withheld'))`,
  `alter table report_photos alter column review_status set default 'pending'`,
  `alter table report_photos add column reviewed_by uuid references users(id)`,
  `alter table report_photos add column reviewed_at timestamptz`,
  `alter table report_photos add column review_reason text`,
  `alter table report_photos add constraint report_photos_review_check check (
    (review_status = 'pending' and reviewed_by is null and reviewed_at is null and review_reason is null)
    or (review_status = 'published' and review_reason is null)
    or (review_status = 'withheld' and reviewed_by is not null and reviewed_at is not null and review_reason is not null)
  )`,
  `create index report_photos_pending_idx on report_photos (report_id) where review_status = 'pending'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
