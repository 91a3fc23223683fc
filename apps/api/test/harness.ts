/**
 * Test harness: a whole app on a fresh database per test file. PGlite in memory by default; a freshly
 * created PostgreSQL database (dropped afterwards) when TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp, type BuiltApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/core/db/database.ts';

export const DEMO_PASSWORD = 'OneCity-demo-2026';

export interface TestDatabase {
  handle: DatabaseHandle;
  databaseUrl: string | null;
  driver: 'pglite' | 'postgres';
  /** Closes the handle and drops the PostgreSQL database. */
  dispose(): Promise<void>;
}

/** Creates an empty database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const handle = await openDatabase({ databaseUrl: null, dataDir: '', inMemory: true });
    return { handle, databaseUrl: null, driver: 'pglite', dispose: () => handle.close() };
  }
  const name = `onecity_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const handle = await openDatabase({ databaseUrl, dataDir: '', poolMax: 5 });
  return {
    handle,
    databaseUrl,
    driver: 'postgres',
    async dispose() {
      // The database is dropped even when the pool was already closed by the test.
      await handle.close().catch(() => undefined);
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Test configuration: cheap password hashing (tests only), demo seed on, no web bundle. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'true',
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_ITERATIONS: '1',
    WEB_DIST_DIR: '/nonexistent-web-dist',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
}

export interface TestApp extends BuiltApp {
  database: TestDatabase;
  dispose(): Promise<void>;
}

/** Builds the app on a fresh database; call dispose() in afterAll. */
export async function createTestApp(options: { jobs?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig({ ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}), ...options.env });
  const built = await buildApp({ config, database: database.handle, jobs: options.jobs ?? false });
  return {
    ...built,
    database,
    async dispose() {
      await built.close();
      await database.dispose();
    },
  };
}

/** Logs in through the API and returns the bearer token. */
export async function loginToken(app: BuiltApp['app'], login: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`login ${login} failed: ${response.statusCode} ${response.body}`);
  return response.json<{ token: string }>().token;
}

/** Counts rows of a table (used to prove a rejected request wrote nothing). */
export async function countRows(built: BuiltApp, table: 'users' | 'audit_log' | 'agencies' | 'sessions' | 'outbox_messages' | 'areas' | 'reports'): Promise<number> {
  const { sql } = await import('kysely');
  const row = await sql<{ count: number }>`select count(*)::int as count from ${sql.table(table)}`.execute(built.handle.db);
  return row.rows[0]?.count ?? -1;
}

/** The newest one-time code the development sender recorded for a recipient. */
export async function latestCode(built: BuiltApp, recipient: string): Promise<string> {
  const row = await built.handle.db
    .selectFrom('outbox_messages')
    .select('code')
    .where('recipient', '=', recipient)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  if (!row.code) throw new Error(`no code for ${recipient}`);
  return row.code;
}

/** Files a report through the API as the demo citizen and returns its code (a template for `copyReport`). */
export async function fileDemoReport(built: BuiltApp, payload: Record<string, unknown>): Promise<string> {
  const token = await loginToken(built.app, 'citizen@demo.onecity.local');
  const response = await built.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { authorization: `Bearer ${token}` }, payload });
  if (response.statusCode !== 201) throw new Error(`filing a report failed: ${response.statusCode} ${response.body}`);
  return response.json<{ code: string }>().code;
}

/**
 * Inserts a copy of a report with a new id and some columns replaced, given as JSON values (uuids and instants as
 * strings, a point as "(lng,lat)"): many reports with chosen facts without filing each through the API.
 */
export async function copyReport(built: BuiltApp, template: string, columns: Record<string, unknown>): Promise<void> {
  const { sql } = await import('kysely');
  await sql`
    insert into reports select * from jsonb_populate_record(null::reports, (select to_jsonb(r) from reports r where code = ${template})
      || ${JSON.stringify(columns)}::jsonb || jsonb_build_object('id', gen_random_uuid()))`.execute(built.handle.db);
}
