/**
 * `npm run operations:rebuild`: recomputes the operations centre's daily aggregates from every report and dossier of
 * the configured database (DATABASE_URL or the embedded one in DATA_DIR), e.g. after a restore or a change to the
 * aggregate rules. The running job keeps them up to date afterwards. Exit code 0 when done, 2 when it could not run.
 */
import { ConfigError, loadConfig } from '../config.ts';
import type { AppContext } from '../core/context.ts';
import { openDatabase } from '../core/db/database.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { rebuildWithProgress } from './city-data/run.ts';

try {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 });
  try {
    // The schema this code expects (as the API does when it starts).
    await migrateToLatest(handle.db);
    const log = { info: () => undefined, warn: (object: object, message: string) => process.stderr.write(`${message} ${JSON.stringify(object)}\n`), error: (object: object, message: string) => process.stderr.write(`${message} ${JSON.stringify(object)}\n`) };
    const ctx: AppContext = { db: handle.db, config, log, canSend: () => false, kickMessageDelivery: () => undefined };
    const started = Date.now();
    const result = await rebuildWithProgress(ctx);
    process.stdout.write(`Operations aggregates rebuilt: ${result.reports} reports, ${result.dossiers} dossiers, ${result.rows} daily rows in ${Date.now() - started} ms.\n`);
    process.exitCode = 0;
  } finally {
    await handle.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `operations:rebuild failed: ${(error as Error).message}`}\n`);
  process.exitCode = 2;
}
