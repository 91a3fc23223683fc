/**
 * The raw ceiling of the read workloads: bare node:http and the same driver (pg.Pool with the API's pool size and
 * type parsers, or PGlite on the same data directory) running the same statements as the API (lib/queries.ts), with
 * no framework, no validation, no authentication and no presentation beyond JSON.stringify of the rows.
 * Started by run.ts as a child process: RAW_PORT, RAW_DATABASE_URL or RAW_DATA_DIR, RAW_POOL_MAX, RAW_DIRECTORY
 * (unit and agency subtree ids by code, which the API keeps in memory), RAW_SCOPES (the operations centre's subtrees
 * by code, as operations.scope makes them from the agencies it reads) and RAW_TIME_ZONE (the city's).
 * The operations centre's answers are figures, not lists: those routes answer with the rows of the aggregate
 * statements and the number of rows of each list of items (the API counts and sums them; the ceiling does not).
 */
import http from 'node:http';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgliteOptions } from '../apps/api/src/core/db/database.ts';
import { sharedParsers } from '../apps/api/src/core/db/type-parsers.ts';
import { addDays, localIso, localPeriod } from '../apps/api/src/modules/calendar/workflow/working-days.ts';
import { newestPublic, pageWithTotal } from '../apps/api/src/modules/reports/reports.repository.ts';
import {
  catchUpQueries,
  countersQueries,
  decision766Queries,
  dossierLookupQueries,
  publicMapQueries,
  queueQueries,
  reportPageQueries,
  statisticsQueries,
  type OperationsScope,
  type Statement,
} from './lib/queries.ts';

const port = Number(process.env.RAW_PORT ?? 3999);
const subtrees = JSON.parse(process.env.RAW_DIRECTORY ?? '{}') as Record<string, string[]>;
const scopes = JSON.parse(process.env.RAW_SCOPES ?? '{}') as Record<string, OperationsScope>;
const timeZone = process.env.RAW_TIME_ZONE ?? 'Asia/Ho_Chi_Minh';
const timeZoneOffset = '+07:00';
const localDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

type Runner = (statement: Statement) => Promise<Record<string, unknown>[]>;
let run: Runner;
if (process.env.RAW_DATABASE_URL) {
  const pool = new pg.Pool({
    connectionString: process.env.RAW_DATABASE_URL,
    max: Number(process.env.RAW_POOL_MAX ?? 10),
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => sharedParsers[oid] ?? pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser },
  });
  run = async (statement) => (await pool.query(statement.sql, statement.parameters as unknown[])).rows as Record<string, unknown>[];
} else {
  const pglite = await PGlite.create(path.join(process.env.RAW_DATA_DIR ?? './data', 'pglite'), pgliteOptions);
  run = async (statement) => (await pglite.query<Record<string, unknown>>(statement.sql, statement.parameters as unknown[])).rows;
}

/** Runs a statement, or nothing for a null one (the API skips a query whose filter list is empty). */
const runOrNone = (statement: Statement | null) => (statement ? run(statement) : Promise.resolve([]));

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://raw');
  const query = url.searchParams;
  if (url.pathname === '/raw/reports/map') {
    const categories = await run(publicMapQueries.categories());
    const codes = query.get('category')?.split(',').filter(Boolean);
    const categoryIds = codes ? categories.filter((row) => codes.includes(String(row.code))).map((row) => String(row.id)) : undefined;
    const box = query.get('bbox')?.split(',').map(Number);
    const bbox = box ? { minLng: box[0] ?? 0, minLat: box[1] ?? 0, maxLng: box[2] ?? 0, maxLat: box[3] ?? 0 } : undefined;
    const filter = { bbox, statuses: query.getAll('status'), categoryIds, limit: Number(query.get('limit') ?? 500) };
    const { rows, total } = await newestPublic(
      filter,
      new Date(),
      (slice, limit) => run(publicMapQueries.slice(filter, slice, limit)),
      async () => Number((await run(publicMapQueries.count(filter)))[0]?.count),
    );
    return send(response, 200, { items: rows, total });
  }
  if (url.pathname === '/raw/dossiers/lookup') {
    const [row] = await run(dossierLookupQueries(query.get('code') ?? '')[0] as Statement);
    return row ? send(response, 200, row) : send(response, 404, { code: 'dossiers.not_found' });
  }
  if (url.pathname.startsWith('/raw/reports/')) {
    const page = reportPageQueries(decodeURIComponent(url.pathname.slice('/raw/reports/'.length)));
    const [report] = await run(page.first);
    if (!report) return send(response, 404, { code: 'reports.not_found' });
    const [category, events, photos] = await Promise.all(page.then(report as { id: string; category_id: string }).map(run));
    return send(response, 200, { ...report, category: category?.[0], timeline: events, photos });
  }
  if (url.pathname === '/raw/queue') {
    const unit = query.get('unit');
    const filter = {
      unitIds: unit ? (subtrees[unit] ?? []) : undefined,
      statuses: ['submitted', 'assigned', 'in_progress', 'resolved'],
      overdueBefore: query.get('overdue') === 'true' ? new Date() : undefined,
    };
    const page = { limit: Number(query.get('limit') ?? 100), offset: 0 };
    const rows = await run(queueQueries.page(filter, page));
    const listed = await pageWithTotal(rows, page, async (cap) => Number((await run(queueQueries.count(filter, cap)))[0]?.count));
    return send(response, 200, { items: listed.rows, total: listed.total, isTotalCapped: listed.isTotalCapped });
  }
  if (url.pathname === '/raw/statistics') {
    const from = query.get('from') ?? '';
    const to = query.get('to') ?? '';
    const start = new Date(`${from}T00:00:00${timeZoneOffset}`);
    const end = new Date(new Date(`${to}T00:00:00${timeZoneOffset}`).getTime() + 86_400_000);
    const asOf = new Date(Math.min(Date.now(), end.getTime()));
    const [row] = await run(statisticsQueries({ agencyIds: subtrees[query.get('agencyCode') ?? ''] ?? [], from, to, start, end, asOf, nearly: new Date(asOf.getTime() + 86_400_000) })[0] as Statement);
    return send(response, 200, row);
  }
  if (url.pathname === '/raw/operations/counters') {
    const code = query.get('agencyCode') ?? '';
    const scope = scopes[code];
    if (!scope) return send(response, 400, { code: 'operations.agency_not_found' });
    const now = new Date();
    const today = localDay.format(now);
    const { start, end } = localPeriod(today, addDays(today, 30), timeZone);
    const asOf = new Date(Math.min(now.getTime(), end.getTime()));
    const statements = countersQueries({
      scope,
      dayStart: new Date(localIso(today, 0, timeZone)),
      now,
      statistics: { agencyIds: subtrees[code] ?? [], from: today, to: addDays(today, 30), start, end, asOf, nearly: new Date(asOf.getTime() + 86_400_000) },
    });
    await run(statements.agencies);
    const [open, receivedToday, resolvedToday] = await Promise.all(statements.reports.map(runOrNone));
    const [statistics] = await run(statements.statistics);
    const [filedToday, finishedToday] = await Promise.all(statements.dossiers.map(runOrNone));
    return send(response, 200, { open: open?.[0], receivedToday: receivedToday?.length, resolvedToday: resolvedToday?.length, statistics, filedToday: filedToday?.length, finishedToday: finishedToday?.length });
  }
  if (url.pathname === '/raw/operations/decision-766') {
    const scope = scopes[query.get('agencyCode') ?? ''];
    if (!scope) return send(response, 400, { code: 'operations.agency_not_found' });
    const from = query.get('from') ?? '';
    const to = query.get('to') ?? '';
    const { start, end } = localPeriod(from, to, timeZone);
    const statements = decision766Queries({ scope, period: { from, to, start, end, asOf: new Date(Math.min(Date.now(), end.getTime())) } });
    await run(statements.agencies);
    await run(statements.agencies);
    for (const source of ['report', 'dossier'] as const) {
      const [cursor] = await run(catchUpQueries.cursor(source));
      if (cursor?.rebuild_after_code === null) await run(catchUpQueries.eventsAfter(source, Number(cursor.last_event_id)));
    }
    const { reads } = statements;
    const [sums, openDossiers, openReports, procedures, documents] = await Promise.all([reads.sums, reads.openDossiers, reads.openReports, reads.procedures, reads.documents].map(runOrNone));
    return send(response, 200, { sums, openDossiers: openDossiers?.length, openReports: openReports?.length, procedures: procedures?.length, documents: documents?.[0] });
  }
  if (url.pathname === '/health') return send(response, 200, { status: 'ok' });
  return send(response, 404, { code: 'not_found' });
}

const server = http.createServer((request, response) => {
  handle(request, response).catch((error: unknown) => send(response, 500, { error: String(error) }));
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`raw ceiling server on ${port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
