/**
 * Durable jobs on pg-boss, on the same database as the data: PGlite embedded or PostgreSQL.
 */
import { PgBoss, fromPglite } from 'pg-boss';
import type { DatabaseHandle } from '../db/database.ts';

export type JobQueue = PgBoss;

/** Creates and starts the queue for the given database handle. */
export async function startJobQueue(handle: DatabaseHandle, databaseUrl: string | null, onError: (error: Error) => void): Promise<PgBoss> {
  const boss =
    handle.pglite !== null
      ? new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite' })
      : new PgBoss({ connectionString: databaseUrl ?? undefined, max: 4 });
  boss.on('error', onError);
  await boss.start();
  return boss;
}
