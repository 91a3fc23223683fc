import { sql, type Kysely } from 'kysely';

/**
 * Discrepancies found by the reconciliation are closed by staff: how (refunded, corrected, not an error), why (a
 * note), by whom and when. A resolved row always carries all four; an open one none.
 */
const statements = [
  `alter table payment_discrepancies add column resolution text check (resolution in ('refunded','corrected','not_an_error'))`,
  `alter table payment_discrepancies add column resolution_note text`,
  `alter table payment_discrepancies add column resolved_by uuid references users(id)`,
  `alter table payment_discrepancies add column resolved_at timestamptz`,
  `alter table payment_discrepancies add constraint payment_discrepancies_resolved_fields_check check (
    (status = 'open' and resolution is null and resolution_note is null and resolved_by is null and resolved_at is null)
    or (status = 'resolved' and resolution is not null and resolution_note is not null and resolved_by is not null and resolved_at is not null)
  )`,
  `create index payment_discrepancies_resolved_idx on payment_discrepancies (resolved_at desc) where status = 'resolved'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
