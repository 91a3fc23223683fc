import { sql, type Kysely } from 'kysely';

/** The working-day calendar: one row per year (its source) and its exceptions to the Monday–Friday week. */
const statements = [
  `create table calendar_years (
    year integer primary key check (year between 2000 and 2100),
    basis text not null check (basis in ('announced','statutory','mixed')),
    source text not null,
    updated_at timestamptz not null default now(),
    updated_by uuid references users(id)
  )`,
  `create table calendar_days (
    date date primary key,
    year integer not null references calendar_years(year) on delete cascade,
    kind text not null check (kind in ('holiday','compensatory','swapped_off','working_saturday')),
    name_vi text not null,
    name_en text not null,
    check (extract(year from date) = year)
  )`,
  `create index calendar_days_year_idx on calendar_days (year)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
