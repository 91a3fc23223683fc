import { sql, type Kysely } from 'kysely';

/**
 * The map's indexes carry each report's code instead of its id. The map reads a viewport's newest matches from the
 * index, then their rows: by id (a random UUID) each row was a random leaf of the primary key's index, which at 10 M
 * reports no longer stays in memory (about two pages read per row shown); codes follow filing time (PA-YYMMDD-NNNN),
 * so the newest reports' codes sit together in a few leaves of the code's unique index, as their rows sit together in
 * the table. The indexes are otherwise as migration 20261201090000 made them.
 */
const statements = [
  `drop index if exists reports_map_idx`,
  `drop index if exists reports_map_open_idx`,
  `create index reports_map_idx on reports using gist (report_map_key(location, created_at)) include (code, created_at, status, category_id, area_code, location) where is_public`,
  `create index reports_map_open_idx on reports using gist (report_map_key(location, created_at)) include (code, created_at, status, category_id, area_code, location)
    where is_public and status in ('submitted', 'assigned', 'in_progress')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
