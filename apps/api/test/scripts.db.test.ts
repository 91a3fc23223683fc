/**
 * The command-line scripts run as a separate process against a real data directory (PGlite) or database
 * (PostgreSQL), as an operator would run them.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { openDatabase, type DatabaseHandle } from '../src/core/db/database.ts';
import { createTestDatabase, testConfig, type TestDatabase } from './harness.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
let dataDir: string;
let database: TestDatabase | null = null;
let env: Record<string, string>;

async function open(): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: database?.databaseUrl ?? null, dataDir });
}

async function script(name: string, args: string[] = []) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'src/scripts', name), ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onecity-scripts-'));
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    await database.handle.close();
  }
  env = { DATA_DIR: dataDir, NODE_ENV: 'test', ...(database?.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}) };
  // Seed through the real app, then close it so the scripts can open the same database.
  const built = await buildApp({ config: testConfig({ DATA_DIR: dataDir, ...(database?.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}) }), jobs: false });
  await built.close();
});

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (database) {
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${new URL(database.databaseUrl ?? '').pathname.slice(1)} with (force)`);
    await admin.end();
  }
});

describe('npm run import:areas', () => {
  it('imports a boundary file and rejects a bad one without changes', async () => {
    const good = path.join(dataDir, 'good.geojson');
    fs.writeFileSync(
      good,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { code: 'KIMLONG', name: 'Phường Kim Long' }, geometry: { type: 'Polygon', coordinates: [[[107.54, 16.45], [107.56, 16.45], [107.56, 16.46], [107.54, 16.45]]] } }],
      }),
    );
    const ok = await script('import-areas.ts', [good]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Imported 1 areas/);
    const bad = path.join(dataDir, 'bad.geojson');
    fs.writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'ATLANTIS' }, geometry: { type: 'Polygon', coordinates: [[[1, 1], [2, 1], [2, 2], [1, 1]]] } }] }));
    const refused = await script('import-areas.ts', [bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/ATLANTIS/);
    const handle = await open();
    const area = await handle.db.selectFrom('areas').selectAll().where('code', '=', 'KIMLONG').executeTakeFirstOrThrow();
    expect(area.is_demo_boundary).toBe(false);
    await handle.close();
  });
});

describe('npm run audit:verify', () => {
  it('passes on an intact chain and names the first altered row', async () => {
    const intact = await script('audit-verify.ts');
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/Audit chain intact: \d+ rows/);

    const handle = await open();
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(handle.db);
    await sql`update audit_log set actor_role = 'admin' where seq = 42`.execute(handle.db);
    await handle.close();

    const broken = await script('audit-verify.ts');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN at row 42/);
  });
});
