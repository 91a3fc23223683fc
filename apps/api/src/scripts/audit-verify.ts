/**
 * `npm run audit:verify`: walks the audit hash chain of the configured database (DATABASE_URL or the
 * embedded one in DATA_DIR) and names the first row that was altered or removed. Exit code 0 when intact,
 * 1 when broken, 2 when it could not run.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { verifyAuditChain } from '../core/audit/audit.ts';
import { openDatabase } from '../core/db/database.ts';

try {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 });
  try {
    const result = await verifyAuditChain(handle.db);
    if (result.ok) {
      process.stdout.write(`Audit chain intact: ${result.rows} rows, head at row ${result.headSeq}.\n`);
      process.exitCode = 0;
    } else {
      process.stdout.write(`Audit chain BROKEN at row ${result.firstBadSeq}: ${result.message} (${result.rows} rows verified before it).\n`);
      process.exitCode = 1;
    }
  } finally {
    await handle.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `audit:verify failed: ${(error as Error).message}`}\n`);
  process.exitCode = 2;
}
