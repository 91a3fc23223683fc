/**
 * The common frame of `npm run seed:history` and `npm run seed:scale`: read the configuration (DATABASE_URL or the
 * embedded database in DATA_DIR), migrate, make sure the demo city exists, generate, print what was made.
 */
import { ConfigError, loadConfig, type Config } from '../../config.ts';
import type { AppContext } from '../../core/context.ts';
import { openDatabase, type DatabaseHandle } from '../../core/db/database.ts';
import { migrateToLatest } from '../../core/db/migrate.ts';
import { ensureShippedHolidays } from '../../modules/calendar/index.ts';
import { rebuildAggregates } from '../../modules/operations/index.ts';
import { seedDemoCity } from '../../seed/demo-city.ts';
import { formatCount, formatDuration, parseOptions, Progress, type OptionSpec, type ParsedOptions } from './cli.ts';
import { daysNeeded, generateCity, hasGeneratedData, startOfLocalDay, type GenerateSummary } from './generate.ts';

/** Opens the configured database with the demo city in it (seeded when missing), for scripts and benchmarks. */
export async function openCity(config: Config, poolMax = 4): Promise<{ ctx: AppContext; handle: DatabaseHandle }> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax });
  try {
    await migrateToLatest(handle.db);
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const ctx: AppContext = { db: handle.db, config, log, canSend: () => false, kickMessageDelivery: () => undefined };
    await ensureShippedHolidays(ctx);
    const hasCity = await handle.db.selectFrom('areas').select('id').limit(1).executeTakeFirst();
    if (!hasCity) await seedDemoCity(ctx);
    return { ctx, handle };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Computes the operations centre's daily aggregates from the generated items (what `npm run operations:rebuild`
 * does): the data was loaded without the services, so the aggregation job would otherwise re-read every timeline
 * event while the city is being used or measured.
 */
export async function aggregateGenerated(ctx: AppContext, options: { quiet?: boolean } = {}): Promise<{ seconds: number; reports: number; dossiers: number; rows: number }> {
  const started = performance.now();
  const result = await rebuildWithProgress(ctx, options);
  return { seconds: Math.round((performance.now() - started) / 100) / 10, ...result };
}

/** `rebuildAggregates` with a progress bar per timeline (items recomputed of all, rate, time left) unless quiet. */
export async function rebuildWithProgress(ctx: AppContext, options: { quiet?: boolean } = {}) {
  if (options.quiet) return rebuildAggregates(ctx);
  const [reports, dossiers] = await Promise.all(
    (['reports', 'dossiers'] as const).map(async (table) => Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count)),
  );
  // Each bar starts when its timeline does, so its rate and time left are its own.
  const reportBar = new Progress('aggregates: reports', reports ?? 0);
  let dossierBar: Progress | null = null;
  const done = { report: 0, dossier: 0 };
  const result = await rebuildAggregates(ctx, new Date(), {
    onPage: (source, count) => {
      if (source === 'dossier' && dossierBar === null) {
        reportBar.finish();
        dossierBar = new Progress('aggregates: dossiers', dossiers ?? 0);
      }
      (source === 'report' ? reportBar : (dossierBar ?? reportBar)).tick(count - done[source]);
      done[source] = count;
    },
  });
  if (dossierBar === null) reportBar.finish();
  else (dossierBar as Progress).finish();
  return result;
}

export const GENERATOR_OPTIONS = {
  seed: { type: 'count', default: 1, min: 0, max: 1_000_000 },
  citizens: { type: 'count', default: 50_000, min: 1, max: 9_999_999 },
  reports: { type: 'count', default: 40_000, min: 0, max: 100_000_000 },
  dossiers: { type: 'count', default: 60_000, min: 0, max: 50_000_000 },
  days: { type: 'count', default: 0, min: 0, max: 20_000 },
  'as-of': { type: 'string', default: null },
  photos: { type: 'boolean', default: true },
  'no-photos': { type: 'boolean', default: false },
  jobs: { type: 'count', default: 2, min: 1, max: 16 },
  help: { type: 'boolean', default: false },
} satisfies Record<string, OptionSpec>;

export type GeneratorArgs = ParsedOptions<typeof GENERATOR_OPTIONS>;

/** Runs a generator script: parses the options (with the script's own defaults), generates, prints the summary. */
export async function runGenerator(name: string, usage: string, defaults: Partial<GeneratorArgs>, argv = process.argv.slice(2)): Promise<GenerateSummary | null> {
  let args: GeneratorArgs;
  try {
    const spec = Object.fromEntries(Object.entries(GENERATOR_OPTIONS).map(([key, option]) => [key, key in defaults ? { ...option, default: defaults[key as keyof GeneratorArgs] } : option])) as typeof GENERATOR_OPTIONS;
    args = parseOptions(argv, spec);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    process.exitCode = 2;
    return null;
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return null;
  }
  let handle: DatabaseHandle | null = null;
  try {
    const config = loadConfig();
    if (config.nodeEnv === 'production') throw new Error(`${name} writes invented people and reports: it refuses NODE_ENV=production`);
    const opened = await openCity(config);
    handle = opened.handle;
    if (await hasGeneratedData(opened.handle.db)) {
      throw new Error('this database already holds generated data (citizens 089…, staff @staff.gen.onecity.local): use a fresh database or DATA_DIR');
    }
    const asOf = args['as-of'] ? new Date(args['as-of']) : startOfLocalDay(new Date(), config.officeHours.timeZone);
    if (Number.isNaN(asOf.getTime())) throw new Error(`--as-of must be a date or an ISO instant (got "${args['as-of']}")`);
    const days = args.days > 0 ? Math.max(args.days, daysNeeded(args.reports)) : daysNeeded(args.reports);
    process.stdout.write(
      `${name}: ${formatCount(args.citizens)} citizens, ${formatCount(args.reports)} reports, ${formatCount(args.dossiers)} dossiers over ${days} days before ${asOf.toISOString()} ` +
        `(seed ${args.seed}) into ${config.databaseUrl ? `PostgreSQL ${new URL(config.databaseUrl).pathname.slice(1)}` : `PGlite ${config.dataDir}`}\n`,
    );
    const summary = await generateCity(opened.ctx, {
      seed: args.seed,
      citizens: args.citizens,
      reports: args.reports,
      dossiers: args.dossiers,
      asOf,
      days,
      photos: args.photos && !args['no-photos'],
      batch: config.databaseUrl ? 50_000 : 10_000,
      jobs: config.databaseUrl ? args.jobs : 1,
    });
    process.stdout.write(
      `Done in ${formatDuration(summary.seconds.total)}: ${formatCount(summary.citizens)} citizens (${formatDuration(summary.seconds.citizens)}), ` +
        `${formatCount(summary.reports)} reports with ${formatCount(summary.reportEvents)} timeline events (${formatDuration(summary.seconds.reports)}, ` +
        `${formatCount(summary.reports / Math.max(summary.seconds.reports, 0.001))} reports/s), ${formatCount(summary.dossiers)} dossiers (${formatDuration(summary.seconds.dossiers)}), indexes rebuilt in ${formatDuration(summary.seconds.indexes)}, ` +
        `${summary.staff} staff; history ${summary.from} → ${summary.to}. Citizens log in with their phone (089…) and the password OneCity-bench-2026.\n`,
    );
    const aggregates = await aggregateGenerated(opened.ctx);
    process.stdout.write(`Operations aggregates rebuilt in ${formatDuration(aggregates.seconds)} (${formatCount(aggregates.rows)} daily rows).\n`);
    return summary;
  } catch (error) {
    process.stderr.write(`${name} failed: ${error instanceof ConfigError ? error.message : (error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
    return null;
  } finally {
    await handle?.close();
  }
}
