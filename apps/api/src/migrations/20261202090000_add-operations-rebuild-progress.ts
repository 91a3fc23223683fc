import { sql, type Kysely } from 'kysely';

/**
 * A rebuild of the operations aggregates runs page by page, each page its own transaction (one transaction over a
 * 10 M-report city did not finish in 42 minutes). While it runs, each timeline's cursor row records the last item code
 * it has recomputed; the minute job applies nothing until the rebuild clears it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table operations_cursors add column rebuild_after_code text`.execute(db);
}
