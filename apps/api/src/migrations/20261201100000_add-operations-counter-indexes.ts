import { sql, type Kysely } from 'kysely';

/**
 * The operations centre's live counters without reading the city's history: reports answered today are found by their
 * answer time (only answered reports are in the index), and the dossiers in progress (received, neither finished nor
 * closed) by their agency, with their legal deadline at hand. Before, both were a pass over every report or every
 * dossier of the scope, whose cost grew with the years of data.
 */
const statements = [
  `create index reports_resolved_idx on reports (resolved_at) where resolved_at is not null`,
  `create index dossiers_in_progress_idx on dossiers (agency_id) include (legal_due_at, received_on) where status not in (1, 3) and finished_at is null and closed_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
