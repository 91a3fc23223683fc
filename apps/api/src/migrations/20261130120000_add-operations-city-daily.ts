import { sql, type Kysely } from 'kysely';

/**
 * The city's daily aggregates (local day × metric, every agency together), kept in the same transactions as
 * `operations_daily`: the city's figures over a year then read a few thousand rows instead of one per agency.
 */
const statements = [
  `create table operations_daily_city (
    day date not null,
    metric text not null,
    value bigint not null,
    primary key (day, metric)
  )`,
  `insert into operations_daily_city (day, metric, value)
    select day, metric, sum(value) from operations_daily group by day, metric having sum(value) <> 0`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
