import { sql, type Kysely } from 'kysely';

/**
 * The public map by place and time together. A viewport's newest reports used to come from an index on place alone,
 * so every request visited every report ever filed in the viewport, and its cost grew with the city's history. Each
 * public report is now a point in three dimensions (longitude, latitude, days since 1970 divided by
 * MAP_DAYS_PER_UNIT) in an R-tree (the `cube` extension's GiST index): the map asks for the viewport over the last
 * two days, then over older and older slices, and stops as soon as it has enough reports, so a request visits about
 * as many reports as it shows, however long the history (reports.repository, publicMapSliceQuery). A second, small
 * index holds the open reports alone, for the map's "open" filter. Both carry what the map filters on and the row id
 * (and the key's inputs, which PostgreSQL needs to read a match from the index alone).
 *
 * The key and the query box are computed by the same two SQL functions, so a report on a slice's boundary lands on
 * the same float on both sides; the functions name the extension's schema because PostgreSQL 17 (PGlite) evaluates
 * index expressions with a restricted search_path.
 */
const MAP_DAYS_PER_UNIT = 100;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists cube`.execute(db);
  const { rows } = await sql<{ schema: string }>`select extnamespace::regnamespace::text as schema from pg_extension where extname = 'cube'`.execute(db);
  const schema = rows[0]?.schema ?? 'public';
  const day = `(extract(epoch from $1)::float8 / ${86_400 * MAP_DAYS_PER_UNIT})`;
  const dayOf = (parameter: string) => day.replace('$1', parameter);
  const statements = [
    `create function report_map_key(location point, at timestamptz) returns ${schema}.cube
      language sql immutable strict parallel safe
      as $$ select ${schema}.cube(array[location[0], location[1], ${dayOf('at')}]) $$`,
    `create function report_map_box(min_lng float8, min_lat float8, max_lng float8, max_lat float8, since timestamptz, until timestamptz) returns ${schema}.cube
      language sql immutable parallel safe
      as $$ select ${schema}.cube(array[min_lng, min_lat, coalesce(${dayOf('since')}, -1e9)], array[max_lng, max_lat, coalesce(${dayOf('until')}, 1e9)]) $$`,
    `drop index if exists reports_public_map_idx`,
    `create index reports_map_idx on reports using gist (report_map_key(location, created_at)) include (id, created_at, status, category_id, area_code, location) where is_public`,
    `create index reports_map_open_idx on reports using gist (report_map_key(location, created_at)) include (id, created_at, status, category_id, area_code, location)
      where is_public and status in ('submitted', 'assigned', 'in_progress')`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
