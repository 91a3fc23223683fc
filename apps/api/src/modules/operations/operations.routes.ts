import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  Decision766Items,
  Decision766ItemsQuery,
  Decision766Query,
  Decision766Score,
  MonthField,
  OfficialScorecard,
  OperationsCounters,
  OperationsFilter,
  OperationsReport,
  OperationsReportsQuery,
  OverdueList,
  Problem,
  PublicStatistics,
  PublicStatisticsQuery,
  ScorecardComment,
  ScorecardCommentRequest,
  ScorecardDefinitions,
  ScorecardItems,
  ScorecardItemsQuery,
  UnitOfficials,
  UnitScorecard,
  UnitScorecardList,
  type OperationsChange,
} from '@onecity/contracts';
import { auditContextOf, type Actor } from '../../core/auth/actor.ts';
import type { App } from '../../core/http/types.ts';
import { getDecision766Score, listDecision766Items } from './decision-766.service.ts';
import { decision766Csv, decision766Pdf, unitScorecardsCsv, unitScorecardsPdf } from './exports.service.ts';
import { getOperationsCounters, listOperationsReports, listOverdue, resolveLiveScope, type LiveScope } from './live.service.ts';
import { LiveChanges, type LiveChange } from './live.stream.ts';
import { commentOnScorecard, getOfficialScorecard, getUnitScorecard, listOfficialScorecardItems, listUnitOfficials, listUnitScorecardItems, listUnitScorecards } from './scorecards.service.ts';
import { getPublicStatistics, publicStatisticsCsv } from './statistics.service.ts';

const Errors = { 400: Problem, 401: Problem, 403: Problem };
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
const UserParams = Type.Object({ userId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const MonthQuery = Type.Object({ month: MonthField }, { additionalProperties: false });
const UnitScorecardsQuery = Type.Object({ month: MonthField, kind: Type.Enum(['department', 'ward', 'commune', 'unit', 'service_unit']) }, { additionalProperties: false });
const CSV = 'text/csv; charset=utf-8';
const PDF = 'application/pdf';
const HEARTBEAT_MS = 25_000;
const COUNTERS_DEBOUNCE_MS = 1000;

/** Whether a change concerns the screen's filter. */
function matches(live: LiveScope, { change, agencyId }: LiveChange): boolean {
  if (!live.scope.isCity && (agencyId === null || !live.scope.agencyIds.includes(agencyId))) return false;
  if (live.areaCode && change.areaCode !== live.areaCode) return false;
  if (live.categoryCode && change.categoryCode !== live.categoryCode) return false;
  return true;
}

/** Operations centre: Decision 766 scoring, public statistics, live figures, map, overdue list and the change stream. */
export async function operationsRoutes(app: App): Promise<void> {
  const { ctx } = app;
  const tags = ['operations'];
  const live = new LiveChanges(ctx);
  // Screens watching the same filter share one read of the counters per second.
  const recentCounters = new Map<string, { at: number; value: Promise<OperationsCounters> }>();
  const countersFor = (actor: Actor | null, scope: LiveScope): Promise<OperationsCounters> => {
    const key = `${scope.scope.agency.code}|${scope.areaCode ?? ''}|${scope.categoryCode ?? ''}`;
    const hit = recentCounters.get(key);
    if (hit && Date.now() - hit.at < COUNTERS_DEBOUNCE_MS) return hit.value;
    const value = getOperationsCounters(ctx, actor, scope);
    recentCounters.set(key, { at: Date.now(), value });
    value.catch(() => recentCounters.delete(key));
    for (const [other, entry] of recentCounters) if (Date.now() - entry.at >= COUNTERS_DEBOUNCE_MS) recentCounters.delete(other);
    return value;
  };
  const streams = new Set<() => void>();
  // Open streams would keep the server from closing: they end first.
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
    live.stop();
  });

  app.get(
    '/api/v1/operations/decision-766',
    { schema: { tags, summary: "Decision 766/QĐ-TTg score of an agency's subtree over a period: every indicator with its formula, points and items count", querystring: Decision766Query, response: { 200: Decision766Score, ...Errors } } },
    async (request) => getDecision766Score(ctx, request.actor, request.query),
  );

  app.get(
    '/api/v1/operations/decision-766/items',
    { schema: { tags, summary: 'The dossiers, reports, procedures or documents behind one Decision 766 figure, with the facts that decided each', querystring: Decision766ItemsQuery, response: { 200: Decision766Items, ...Errors } } },
    async (request) => listDecision766Items(ctx, request.actor, request.query),
  );

  /** Sends a file made from the figures: never cached by shared caches (staff figures), named for the download. */
  const sendFile = (reply: FastifyReply, type: string, filename: string, body: string | Uint8Array) =>
    reply
      .type(type)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(typeof body === 'string' ? body : Buffer.from(body));

  app.get(
    '/api/v1/operations/decision-766.csv',
    { schema: { tags, summary: 'The Decision 766 table as CSV (UTF-8 with BOM, Vietnamese headers): every indicator, each group and the total', querystring: Decision766Query, response: { ...Errors, 404: Problem } } },
    async (request, reply) => {
      const score = await getDecision766Score(ctx, request.actor, request.query);
      return sendFile(reply, CSV, `chi-so-766-${score.agency.code}-${score.from}-${score.to}.csv`, decision766Csv(score));
    },
  );

  app.get(
    '/api/v1/operations/decision-766.pdf',
    { schema: { tags, summary: 'The Decision 766 table as a PDF report: agency, period, every indicator with its points, the total and band', querystring: Decision766Query, response: { ...Errors, 404: Problem } } },
    async (request, reply) => {
      const score = await getDecision766Score(ctx, request.actor, request.query);
      return sendFile(reply, PDF, `chi-so-766-${score.agency.code}-${score.from}-${score.to}.pdf`, await decision766Pdf(ctx, score));
    },
  );

  app.get(
    '/api/v1/public/statistics',
    { schema: { tags, summary: 'Headline figures, city-wide and per agency, each with numerator, denominator and definition (no login; JSON or CSV)', querystring: PublicStatisticsQuery, response: { 200: PublicStatistics, 400: Problem } } },
    async (request, reply) => {
      const statistics = await getPublicStatistics(ctx, request.query);
      reply.header('cache-control', 'public, max-age=60');
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="thong-ke-${statistics.from}-${statistics.to}.csv"`)
          .serializer((payload: unknown) => String(payload))
          // The CSV bypasses the JSON schema of the 200 answer (same figures, other format).
          .send(publicStatisticsCsv(statistics) as never);
      }
      return statistics;
    },
  );

  app.get(
    '/api/v1/operations/counters',
    { schema: { tags, summary: 'Open and overdue work and today’s intake by channel (IOC, unit leads, auditors)', querystring: OperationsFilter, response: { 200: OperationsCounters, ...Errors } } },
    async (request) => getOperationsCounters(ctx, request.actor, await resolveLiveScope(ctx, request.actor, request.query)),
  );

  app.get(
    '/api/v1/operations/reports',
    { schema: { tags, summary: 'Open reports for the operations map (no reporter), optionally only overdue or urgent ones', querystring: OperationsReportsQuery, response: { 200: Type.Object({ items: Type.Array(OperationsReport) }), ...Errors } } },
    async (request) => {
      const { overdue, urgent, limit, ...filter } = request.query;
      return { items: await listOperationsReports(ctx, await resolveLiveScope(ctx, request.actor, filter), { overdue, urgent, limit }) };
    },
  );

  app.get(
    '/api/v1/operations/overdue',
    { schema: { tags, summary: 'Overdue reports with their escalation and overdue dossiers with their apology letters', querystring: OperationsFilter, response: { 200: OverdueList, ...Errors } } },
    async (request) => listOverdue(ctx, await resolveLiveScope(ctx, request.actor, request.query)),
  );

  app.get(
    '/api/v1/operations/scorecards/units',
    {
      schema: {
        tags,
        summary: 'Monthly scorecards of the units of one kind the caller may read, ranked among all units of that kind, with the formula',
        querystring: UnitScorecardsQuery,
        response: { 200: UnitScorecardList, ...Errors },
      },
    },
    async (request) => listUnitScorecards(ctx, request.actor, request.query),
  );

  app.get(
    '/api/v1/operations/scorecards/units.csv',
    { schema: { tags, summary: 'The monthly unit scorecards the caller may read as CSV (UTF-8 with BOM, Vietnamese headers)', querystring: UnitScorecardsQuery, response: Errors } },
    async (request, reply) => {
      const list = await listUnitScorecards(ctx, request.actor, request.query);
      return sendFile(reply, CSV, `danh-gia-don-vi-${list.kind}-${list.month}.csv`, unitScorecardsCsv(list));
    },
  );

  app.get(
    '/api/v1/operations/scorecards/units.pdf',
    { schema: { tags, summary: 'The monthly unit scorecards the caller may read as a PDF report, with the formula', querystring: UnitScorecardsQuery, response: Errors } },
    async (request, reply) => {
      const list = await listUnitScorecards(ctx, request.actor, request.query);
      return sendFile(reply, PDF, `danh-gia-don-vi-${list.kind}-${list.month}.pdf`, await unitScorecardsPdf(ctx, list));
    },
  );

  app.get(
    '/api/v1/operations/scorecards/units/:code',
    { schema: { tags, summary: "A unit's monthly scorecard with its rank and the unit's comments", params: CodeParams, querystring: MonthQuery, response: { 200: Type.Intersect([UnitScorecard, Type.Object({ definitions: ScorecardDefinitions })]), ...Errors, 404: Problem } } },
    async (request) => getUnitScorecard(ctx, request.actor, request.params.code, request.query.month),
  );

  app.get(
    '/api/v1/operations/scorecards/units/:code/items',
    { schema: { tags, summary: "The dossiers and reports behind one figure of a unit's scorecard", params: CodeParams, querystring: ScorecardItemsQuery, response: { 200: ScorecardItems, ...Errors, 404: Problem } } },
    async (request) => listUnitScorecardItems(ctx, request.actor, request.params.code, request.query),
  );

  app.get(
    '/api/v1/operations/scorecards/units/:code/officials',
    { schema: { tags, summary: "The unit's officials whose scorecards the caller may open (its unit leads, IOC operators, auditors, admins)", params: CodeParams, response: { 200: UnitOfficials, ...Errors, 404: Problem } } },
    async (request) => listUnitOfficials(ctx, request.actor, request.params.code),
  );

  app.post(
    '/api/v1/operations/scorecards/units/:code/comments',
    { schema: { tags, summary: "The unit's comment on its scorecard of a month (its unit leads; audited)", params: CodeParams, body: ScorecardCommentRequest, response: { 201: ScorecardComment, ...Errors, 404: Problem } } },
    async (request, reply) => reply.code(201).send(await commentOnScorecard(ctx, auditContextOf(request), request.actor, request.params.code, request.body)),
  );

  app.get(
    '/api/v1/operations/scorecards/officials/:userId',
    { schema: { tags, summary: "An official's monthly scorecard (the official, their unit leads, IOC operators, auditors)", params: UserParams, querystring: MonthQuery, response: { 200: OfficialScorecard, ...Errors, 404: Problem } } },
    async (request) => getOfficialScorecard(ctx, request.actor, request.params.userId, request.query.month),
  );

  app.get(
    '/api/v1/operations/scorecards/officials/:userId/items',
    { schema: { tags, summary: "The steps and reports behind one figure of an official's scorecard", params: UserParams, querystring: ScorecardItemsQuery, response: { 200: ScorecardItems, ...Errors, 404: Problem } } },
    async (request) => listOfficialScorecardItems(ctx, request.actor, request.params.userId, request.query),
  );

  app.get(
    '/api/v1/operations/stream',
    { schema: { tags, summary: 'Server-sent events: `counters` now and after changes, `change` for each new report or dossier event in the filter', querystring: OperationsFilter } },
    async (request, reply) => {
      const scope = await resolveLiveScope(ctx, request.actor, request.query);
      const actor = request.actor;
      const initial = await countersFor(actor, scope);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      const send = (event: string, data: unknown, id?: string) => {
        if (!raw.writableEnded) raw.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      raw.write('retry: 5000\n\n');
      send('counters', initial);

      let countersTimer: NodeJS.Timeout | null = null;
      const pushCounters = () => {
        countersTimer = null;
        countersFor(actor, scope).then(
          (counters) => send('counters', counters),
          (error: unknown) => request.log.warn({ err: error }, 'operations: counters for the stream failed'),
        );
      };
      const onChanges = (changes: LiveChange[]) => {
        const relevant = changes.filter((change) => matches(scope, change));
        if (relevant.length === 0) return;
        for (const { change } of relevant) send('change', change satisfies OperationsChange, `${change.source}-${change.eventId}`);
        countersTimer ??= setTimeout(pushCounters, COUNTERS_DEBOUNCE_MS);
      };
      const heartbeat = setInterval(() => !raw.writableEnded && raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      let unsubscribe: (() => void) | null = null;
      const end = () => {
        clearInterval(heartbeat);
        if (countersTimer) clearTimeout(countersTimer);
        unsubscribe?.();
        unsubscribe = null;
        streams.delete(end);
        if (!raw.writableEnded) raw.end();
      };
      streams.add(end);
      raw.on('close', end);
      try {
        unsubscribe = await live.subscribe(onChanges);
      } catch (error) {
        request.log.error({ err: error }, 'operations: the change stream could not start');
        end();
        return;
      }
      if (raw.destroyed) end();
    },
  );
}
