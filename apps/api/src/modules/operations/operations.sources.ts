/**
 * The facts operations figures are computed from, read through the other modules' public functions only (module
 * walls, design.md §4): dossiers and the catalogue (procedures), field reports (reports), issued documents
 * (documents). Nothing here decides a figure; the rules are in workflow/.
 */
import type { AppContext } from '../../core/context.ts';
import { listIssuedDocumentFacts } from '../documents/index.ts';
import { dossierQueries } from '../procedures/index.ts';
import { reportQueries } from '../reports/index.ts';
import type { Scope } from './operations.scope.ts';
import type { Decision766Input, Period } from './workflow/decision-766.ts';

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

/** Everything Decision 766 is computed from, for one agency's subtree and period. */
export async function readDecision766Input(ctx: AppContext, scope: Scope, period: Period): Promise<Decision766Input> {
  const [dossiers, procedures, reports, documents] = await Promise.all([
    readDossiers(ctx, scope, period),
    dossierQueries.listProcedureFacts(ctx, scope.isCity ? null : scope.agencyIds, scope.includesWard),
    readReports(ctx, scope, period),
    listIssuedDocumentFacts(ctx, { agencyIds: agencyFilter(scope), start: period.start, end: period.end }),
  ]);
  return { period, dossiers, procedures, reports, documents };
}
