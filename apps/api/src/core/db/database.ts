/**
 * Opens the database: embedded PGlite in DATA_DIR when DATABASE_URL is unset, PostgreSQL with a pool otherwise.
 * Both go through Kysely with the same dialect of SQL and the same type parsers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { sharedParsers } from './type-parsers.ts';

export type Database = Kysely<DB>;

/**
 * What PGlite loads besides PostgreSQL itself: the contrib extensions the migrations create (`cube`, for the public
 * map's index by place and time). PostgreSQL ships them in its contrib package.
 */
export const pgliteOptions = { parsers: sharedParsers, extensions: { cube } };
export type DriverKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: DriverKind;
  /** The embedded instance, when the driver is PGlite (pg-boss runs on the same instance). */
  pglite: PGlite | null;
  /** The pool, when the driver is PostgreSQL. */
  pool: pg.Pool | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  poolMax?: number;
  /** Opens PGlite in memory instead of DATA_DIR (tests). */
  inMemory?: boolean;
}

/** Opens the configured database; the caller owns the handle and must close it. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl !== null) return openPostgres(options.databaseUrl, options.poolMax ?? 10);
  return openPglite(options);
}

function openPostgres(databaseUrl: string, poolMax: number): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolMax,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        sharedParsers[oid] ?? pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    driver: 'postgres',
    pglite: null,
    pool,
    close: () => db.destroy(),
  };
}

async function openPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  let releaseLock = (): void => undefined;
  let dataDir: string | undefined;
  if (!options.inMemory) {
    // PGlite's own mkdir is not recursive: make the whole path first.
    dataDir = path.join(options.dataDir, 'pglite');
    fs.mkdirSync(options.dataDir, { recursive: true });
    releaseLock = lockDataDir(options.dataDir);
  }
  try {
    const pglite = await PGlite.create(dataDir, pgliteOptions);
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      driver: 'pglite',
      pglite,
      pool: null,
      close: async () => {
        await db.destroy();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt it.
 * A pid file refuses the second process while the first is alive and is taken over when it is stale.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'onecity.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new Error(`The data directory ${dataDir} is in use by process ${holder}; stop it or set another DATA_DIR.`, { cause: error });
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
