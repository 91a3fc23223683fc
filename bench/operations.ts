/**
 * `npm run bench:operations [-- --database onecity_bench_1m] [--runs 5]`: on a database the bench or `seed:scale`
 * loaded (PostgreSQL), times the operations centre's period figures one request at a time, straight through the
 * module functions (no HTTP): the Decision 766 score from the daily aggregates (what the API serves) against the same
 * score computed from every item of the period (the drill-down's path), for the city and a ward over a year, a
 * month and half a year, checking both give the same figures; then the public statistics. Rebuilds the aggregates
 * first when they are empty.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../apps/api/src/config.ts';
import type { AppContext } from '../apps/api/src/core/context.ts';
import { openDatabase } from '../apps/api/src/core/db/database.ts';
import { rebuildAggregates } from '../apps/api/src/modules/operations/index.ts';
import { readDecision766Aggregates, readDecision766Input } from '../apps/api/src/modules/operations/operations.sources.ts';
import { localToday, periodOf, resolveScope } from '../apps/api/src/modules/operations/operations.scope.ts';
import { getPublicStatistics } from '../apps/api/src/modules/operations/statistics.service.ts';
import { scoreDecision766, scoreFromAggregates } from '../apps/api/src/modules/operations/workflow/decision-766.ts';
import { addDays } from '../apps/api/src/modules/calendar/index.ts';

const { values } = parseArgs({ options: { database: { type: 'string', default: 'onecity_bench_1m' }, 'admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' }, runs: { type: 'string', default: '5' } } });
const url = new URL(values['admin-url'] ?? '');
url.pathname = `/${values.database}`;
process.env.DATABASE_URL = url.toString();
const runs = Number(values.runs);
const log = (text: string) => process.stdout.write(`${text}\n`);

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 4 });
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const ctx = { db: handle.db, config, log: quiet, canSend: () => false, kickMessageDelivery: () => undefined } as unknown as AppContext;
try {
  const counts = await handle.db.selectNoFrom((eb) => [eb.selectFrom('reports').select(eb.fn.countAll<number>().as('n')).as('reports'), eb.selectFrom('dossiers').select(eb.fn.countAll<number>().as('n')).as('dossiers'), eb.selectFrom('operations_daily').select(eb.fn.countAll<number>().as('n')).as('daily')]).executeTakeFirstOrThrow();
  log(`${values.database}: ${Number(counts.reports).toLocaleString('en-US')} reports, ${Number(counts.dossiers).toLocaleString('en-US')} dossiers`);
  if (Number(counts.daily) === 0) {
    const started = performance.now();
    const rebuilt = await rebuildAggregates(ctx);
    log(`aggregates rebuilt: ${rebuilt.rows.toLocaleString('en-US')} daily rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const ward = (await handle.db.selectFrom('agencies').select('code').where('kind', '=', 'ward').orderBy('path').executeTakeFirstOrThrow()).code;
  const today = localToday(ctx);
  const cases: [string, string, string][] = [
    ['HUE', addDays(today, -364), today],
    ['HUE', addDays(today, -29), today],
    ['HUE', addDays(today, -364), addDays(today, -183)],
    [ward, addDays(today, -364), today],
  ];
  const ms = (started: number) => Math.round(performance.now() - started);
  log('\nScope, period                    | open dossiers | open reports | from aggregates, ms (each run) | from every item, ms | same figures');
  for (const [code, from, to] of cases) {
    const scope = await resolveScope(ctx, code);
    const period = periodOf(ctx, from, to);
    const times: number[] = [];
    let parts = await readDecision766Aggregates(ctx, scope, period);
    let served = scoreFromAggregates(parts);
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      parts = await readDecision766Aggregates(ctx, scope, period);
      served = scoreFromAggregates(parts);
      times.push(ms(started));
    }
    const started = performance.now();
    const reference = scoreDecision766(await readDecision766Input(ctx, scope, period));
    const itemsMs = ms(started);
    const figures = (result: typeof reference) => JSON.stringify(result.indicators.map((indicator) => [indicator.definition.code, indicator.numerator, indicator.denominator, indicator.points]));
    log(`${`${code} ${from}..${to}`.padEnd(32)} | ${String(parts.openDossiers.length).padStart(13)} | ${String(parts.openReports.length + (parts.openReportClasses ?? []).reduce((sum, openClass) => sum + openClass.count, 0)).padStart(12)} | ${times.join(' ').padStart(30)} | ${String(itemsMs).padStart(19)} | ${figures(served) === figures(reference) ? 'yes' : 'NO'}`);
  }
  const statistics: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    // A different period each time: the statistics are kept for a minute per period.
    await getPublicStatistics(ctx, { from: addDays(today, -364 + run), to: today });
    statistics.push(ms(started));
  }
  log(`\nPublic statistics (city and every agency under it, a year), ms: ${statistics.join(' ')}`);
} finally {
  await handle.close();
}
