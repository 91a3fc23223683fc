/**
 * The facts operations figures are computed from, read through the other modules' public functions only (module
 * walls, design.md §4): dossiers and the catalogue (procedures), field reports (reports), issued documents
 * (documents). Nothing here decides a figure; the rules are in workflow/.
 */
import type { AppContext } from '../../core/context.ts';
import { countIssuedDocuments, listIssuedDocumentFacts } from '../documents/index.ts';
import { dossierQueries } from '../procedures/index.ts';
import { reportQueries } from '../reports/index.ts';
import { dayFormatter, sumDailyByMetric } from './aggregates.service.ts';
import type { Scope } from './operations.scope.ts';
import { DECISION_766_METRIC_PREFIX, type Decision766Aggregates, type Decision766Input, type Period } from './workflow/decision-766.ts';

/** The scope's agencies as a filter: none for the city (every row, assigned or not), else its subtree. */
const agencyFilter = (scope: Scope) => (scope.isCity ? undefined : scope.agencyIds);

/** Dossiers of the scope to handle during the period. */
export function readDossiers(ctx: AppContext, scope: Scope, period: Period) {
  return dossierQueries.listDossierFacts(ctx, { agencyIds: agencyFilter(scope), activeDuring: { toDate: period.to, start: period.start } });
}

/** Reports handled by the scope's units (for the city: every report), created during the period. */
export function readReports(ctx: AppContext, scope: Scope, period: Period) {
  return reportQueries.listReportFacts(ctx, { unitIds: agencyFilter(scope), createdFrom: period.start, createdTo: period.end });
}

const EVERY_SOURCE = { dossiers: true, reports: true, procedures: true, documents: true };

/** Everything Decision 766 is computed from (or the sources asked for), for one agency's subtree and period. */
export async function readDecision766Input(ctx: AppContext, scope: Scope, period: Period, sources: Record<keyof typeof EVERY_SOURCE, boolean> = EVERY_SOURCE): Promise<Decision766Input> {
  const [dossiers, procedures, reports, documents] = await Promise.all([
    sources.dossiers ? readDossiers(ctx, scope, period) : [],
    sources.procedures ? dossierQueries.listProcedureFacts(ctx, scope.isCity ? null : scope.agencyIds, scope.includesWard) : [],
    sources.reports ? readReports(ctx, scope, period) : [],
    sources.documents ? listIssuedDocumentFacts(ctx, { agencyIds: agencyFilter(scope), start: period.start, end: period.end }) : [],
  ]);
  return { period, dossiers, procedures, reports, documents };
}

/**
 * Decision 766 from the daily aggregates (workflow/decision-766.ts, `scoreFromAggregates`): their sums over the
 * period, the items still open at asOf, the catalogue and the documents' counts.
 * The cost follows the number of agencies, days and open items, not the number of dossiers and reports ever filed.
 */
export async function readDecision766Aggregates(ctx: AppContext, scope: Scope, period: Period): Promise<Decision766Aggregates> {
  const agencyIds = agencyFilter(scope);
  const days = { agencyIds, fromDay: period.from, toDay: period.to, prefix: DECISION_766_METRIC_PREFIX };
  // The open reports are counted by class in the database (the city's open stock is tens of thousands of reports at
  // 1 M; reading and judging each was most of a request): the same verdicts, one per class, weighted by its count.
  const [sums, openDossiers, openReportClasses, procedures, documents] = await Promise.all([
    sumDailyByMetric(ctx, days),
    dossierQueries.listDossierFacts(ctx, { agencyIds, openAt: { toDate: period.to, asOf: period.asOf } }),
    reportQueries.countOpenReportClasses(ctx, { unitIds: agencyIds, createdFrom: period.start, createdTo: period.end, openAt: period.asOf }),
    dossierQueries.listProcedureFacts(ctx, scope.isCity ? null : scope.agencyIds, scope.includesWard),
    countIssuedDocuments(ctx, { agencyIds, start: period.start, end: period.end }),
  ]);
  return { period, sums, dayOf: dayFormatter(ctx), openDossiers, openReports: [], openReportClasses, procedures, documents: { all: documents.issued, met: documents.signed, late: 0, disliked: 0, centidays: 0 } };
}

