import { sql, type Kysely } from 'kysely';

/**
 * Decision 766 from the daily aggregates: the items still open at a period's end are found through the span each one
 * is open over (filed → finished or answered; unbounded while open), so scoring reads that stock, never the period's
 * history. The expressions are the ones the dossier and report queries use (`openAt`). The aggregates now also hold
 * the indicators' tallies: they are emptied and their cursors reset, so the aggregation job (or
 * `npm run operations:rebuild`, faster on a large database) computes them again from every item.
 */
const statements = [
  `create index dossiers_open_span_idx on dossiers using gist (
    tstzrange(submitted_at, case when finished_at is not null then greatest(submitted_at, finished_at) when status in (7, 8) and closed_at is not null then greatest(submitted_at, closed_at) end, '[]')
  ) where status not in (1, 3)`,
  `create index reports_open_span_idx on reports using gist (
    tstzrange(created_at, case when resolved_at is not null then greatest(created_at, resolved_at) end, '[]')
  ) where status not in ('merged', 'rejected')`,
  // The city's share of signed documents counts every agency's: by issue time alone.
  `create index documents_issued_idx on documents (issued_at)`,
  `delete from operations_daily`,
  `delete from operations_item_contributions`,
  `update operations_cursors set last_event_id = 0, updated_at = now()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
