/**
 * `npm run import:areas -- file.geojson`: imports ward/commune boundaries (a GeoJSON FeatureCollection whose
 * features carry properties.code = the agency code) into the configured database. All or nothing; audited.
 */
import fs from 'node:fs';
import { ConfigError, loadConfig } from '../config.ts';
import type { AppContext } from '../core/context.ts';
import { openDatabase } from '../core/db/database.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { isAppError } from '../core/errors.ts';
import { messageCatalogue } from '../core/i18n/error-messages.ts';
import { interpolate } from '../core/i18n/locale.ts';
import { importAreas } from '../modules/agencies/index.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('Usage: npm run import:areas -- <file.geojson>\n');
  process.exit(2);
}

try {
  const config = loadConfig();
  const collection: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 });
  try {
    await migrateToLatest(handle.db);
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const ctx: AppContext = { db: handle.db, config, log, canSend: () => false, kickMessageDelivery: () => undefined };
    const result = await importAreas(
      ctx,
      { actorId: null, actorRole: 'system', ip: null, requestId: `import:areas ${file}` },
      collection,
      { onProgress: (done, total) => process.stdout.write(`\rImporting areas: ${done}/${total}`) },
    );
    process.stdout.write(`\nImported ${result.imported} areas from ${file}.\n`);
  } finally {
    await handle.close();
  }
} catch (error) {
  if (isAppError(error)) {
    process.stderr.write(`${interpolate(messageCatalogue[error.code].en, error.params, 'en')}\n`);
  } else {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `import:areas failed: ${(error as Error).message}`}\n`);
  }
  process.exitCode = 1;
}
