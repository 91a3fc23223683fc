import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { openDatabase } from './database.ts';
import { migrations } from '../../migrations/index.ts';
import { migrateToLatest } from './migrate.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

describe(`database (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('migrates once even when two instances start together', async () => {
    const second = await openDatabase({ databaseUrl: database.databaseUrl, dataDir: '', inMemory: true });
    const shared = database.databaseUrl ? second : database.handle;
    const [a, b] = await Promise.all([migrateToLatest(database.handle.db), migrateToLatest(shared.db)]);
    expect([...a, ...b]).toEqual(Object.keys(migrations));
    if (shared !== database.handle) await second.close();
    else await second.close();
    expect(await migrateToLatest(database.handle.db)).toEqual([]);
  });

  it('returns identical types from both drivers: counts, timestamps, dates, points, JSON', async () => {
    const { rows } = await sql<{
      n: number;
      big: number;
      at: Date;
      day: string;
      p: { x: number; y: number };
      j: { a: number[]; b: string };
      price: string;
    }>`select count(*)::int as n, 9007199254740991::bigint as big, '2026-02-17T01:30:00.123Z'::timestamptz as at,
         '2026-04-30'::date as day, point(107.5786, 16.4698) as p, '{"a":[1,2],"b":"Huế"}'::jsonb as j, 12500.50::numeric as price
       from agencies`.execute(database.handle.db);
    const row = rows[0];
    expect(row).toEqual({
      n: 0,
      big: 9007199254740991,
      at: new Date('2026-02-17T01:30:00.123Z'),
      day: '2026-04-30',
      p: { x: 107.5786, y: 16.4698 },
      j: { a: [1, 2], b: 'Huế' },
      price: '12500.50',
    });
    expect(row?.at).toBeInstanceOf(Date);
  });

  it('keeps Vietnamese text intact', async () => {
    const { rows } = await sql<{ t: string; upper: string }>`select ${'Thừa Thiên Huế'}::text as t, upper(${'đường phố'}) as upper`.execute(database.handle.db);
    expect(rows[0]).toEqual({ t: 'Thừa Thiên Huế', upper: 'ĐƯỜNG PHỐ' });
  });
});
