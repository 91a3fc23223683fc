import { sql, type Kysely } from 'kysely';

/**
 * The public map's index: public reports by place, carrying what the map filters and sorts on (status, creation time,
 * category) and the row id, so a viewport's newest reports are found from the index alone (an index-only scan once
 * the table is vacuumed) and only the rows shown are read from the table.
 */
const statements = [`create index reports_public_map_idx on reports using gist (location) include (status, created_at, category_id, id) where is_public`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
