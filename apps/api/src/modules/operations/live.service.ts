/**
 * The live operations centre's figures: counters of open and overdue work, today's intake by channel, the open reports
 * for the map and the overdue list with escalation state, for an agency's subtree (default: the city) and optionally
 * one ward and one report category. Read on demand through the modules' public functions.
 */
import type { OperationsCounters, OperationsFilter, OperationsReport, OverdueDossier, OverdueList } from '@onecity/contracts';
import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { addDays, localIso } from '../calendar/index.ts';
import { dossierQueries, getDossiersInProgress } from '../procedures/index.ts';
import { reportQueries } from '../reports/index.ts';
import { listAllAgencies, localToday, refOf, requireReader, scopeOf, type Scope } from './operations.scope.ts';

/** The operations centre's audience (IOC_ROLES): IOC operators, unit leads, auditors and admins, within their grants. */
export const IOC_READERS = ['ioc_operator', 'unit_lead', 'auditor', 'admin'] as const;
const OPEN_DOSSIER_EXCLUDED = new Set([1, 3, 7, 8, 9, 10]);

export interface LiveScope {
  scope: Scope;
  areaCode?: string;
  categoryCode?: string;
}

/** The filter's subtree (default: the city) after checking the caller may watch it. */
export async function resolveLiveScope(ctx: AppContext, actor: Actor | null, filter: OperationsFilter): Promise<LiveScope> {
  const agencies = await listAllAgencies(ctx);
  const agency = filter.agencyCode ? agencies.find((row) => row.code === filter.agencyCode) : agencies.find((row) => row.parent_id === null);
  if (!agency) throw new AppError('operations.agency_not_found', { params: { code: filter.agencyCode ?? '-' }, fields: [{ field: 'query.agencyCode', message: 'unknown agency' }] });
  if (filter.areaCode && !agencies.some((row) => row.code === filter.areaCode && (row.kind === 'ward' || row.kind === 'commune'))) {
    throw new AppError('operations.agency_not_found', { params: { code: filter.areaCode }, fields: [{ field: 'query.areaCode', message: 'not a ward or commune' }] });
  }
  const scope = scopeOf(agencies, agency);
  requireReader(actor, scope, IOC_READERS);
  return { scope, areaCode: filter.areaCode, categoryCode: filter.categoryCode };
}

const reportFilter = (live: LiveScope) => ({
  unitIds: live.scope.isCity ? undefined : live.scope.agencyIds,
  areaCodes: live.areaCode ? [live.areaCode] : undefined,
  categoryCodes: live.categoryCode ? [live.categoryCode] : undefined,
});

const countBy = <T>(rows: T[], key: (row: T) => string) => {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
};

/** The counters the wall shows, as of now. */
export async function getOperationsCounters(ctx: AppContext, actor: Actor | null, live: LiveScope, now = new Date()): Promise<OperationsCounters> {
  const today = localToday(ctx, now);
  const dayStart = new Date(localIso(today, 0, ctx.config.officeHours.timeZone));
  const filter = reportFilter(live);
  const [open, receivedToday, resolvedToday] = await Promise.all([
    reportQueries.countOpenReports(ctx, filter, now),
    reportQueries.listReportFacts(ctx, { ...filter, createdFrom: dayStart }),
    reportQueries.listReportFacts(ctx, { ...filter, resolvedFrom: dayStart }),
  ]);
  // Dossiers have no ward or category: with such a filter they are left out rather than shown unfiltered.
  let dossiers: OperationsCounters['dossiers'] = null;
  let dossierIntake: Record<string, number> = {};
  if (!live.areaCode && !live.categoryCode) {
    // The one-stop statistics' in-progress figures (same definitions as the console) judge the open dossiers now; the
    // period runs a month ahead because a dossier filed after office hours counts as received on the next working day.
    const statistics = await getDossiersInProgress(ctx, actor, live.scope.agency.code, today, addDays(today, 30), now).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'auth.forbidden') return null;
      throw error;
    });
    if (statistics) {
      const agencyIds = live.scope.isCity ? undefined : live.scope.agencyIds;
      const [filed, finished] = await Promise.all([
        dossierQueries.listDossierFacts(ctx, { agencyIds, submittedFrom: dayStart }),
        dossierQueries.listDossierFacts(ctx, { agencyIds, finishedFrom: dayStart }),
      ]);
      dossiers = {
        inProgressNotDue: statistics.inProgressNotDue,
        inProgressNearlyDue: statistics.inProgressNearlyDue,
        inProgressOverdue: statistics.inProgressOverdue,
        receivedToday: filed.length,
        finishedToday: finished.length,
      };
      dossierIntake = { online: 0, in_person: 0, post: 0, ...countBy(filed, (row) => row.channel) };
    }
  }
  return {
    asOf: now.toISOString(),
    reports: {
      open: open.open,
      overdue: open.overdue,
      urgentOpen: open.urgent,
      escalatedToLead: open.escalatedToLead,
      escalatedToIoc: open.escalatedToIoc,
      awaitingTriage: open.awaitingTriage,
      receivedToday: receivedToday.length,
      resolvedToday: resolvedToday.length,
    },
    dossiers,
    intakeToday: { reports: { app: 0, open311: 0, phone: 0, desk: 0, ...countBy(receivedToday, (row) => row.channel) }, dossiers: dossierIntake },
  };
}

/** Open reports for the map (no reporter), soonest deadline first; optionally only overdue or only urgent ones. */
export async function listOperationsReports(ctx: AppContext, live: LiveScope, options: { overdue?: boolean; urgent?: boolean; limit: number }): Promise<OperationsReport[]> {
  return reportQueries.listOpenReportsForOperations(ctx, {
    unitIds: live.scope.isCity ? undefined : live.scope.agencyIds,
    areaCode: live.areaCode,
    categoryCode: live.categoryCode,
    isOverdue: options.overdue,
    isUrgent: options.urgent,
    limit: options.limit,
  });
}

/** Overdue reports (with how far they were escalated) and overdue dossiers (with their apology letters), most overdue first. */
export async function listOverdue(ctx: AppContext, live: LiveScope, now = new Date()): Promise<OverdueList> {
  const reports = await listOperationsReports(ctx, live, { overdue: true, limit: 500 });
  if (live.areaCode || live.categoryCode) return { reports, dossiers: null };
  const agencies = await listAllAgencies(ctx);
  const byId = new Map(agencies.map((row) => [row.id, row]));
  const facts = await dossierQueries.listDossierFacts(ctx, { agencyIds: live.scope.isCity ? undefined : live.scope.agencyIds, activeDuring: { toDate: localToday(ctx, now), start: now } });
  const dossiers: OverdueDossier[] = facts
    .filter((row) => !OPEN_DOSSIER_EXCLUDED.has(row.status) && row.finishedAt === null && row.legalDueAt < now)
    .sort((left, right) => left.legalDueAt.getTime() - right.legalDueAt.getTime())
    .slice(0, 500)
    .map((row) => {
      const agency = byId.get(row.agencyId);
      return {
        code: row.code,
        procedureNameVi: row.procedureNameVi,
        agency: agency ? refOf(agency) : { code: '-', nameVi: '-', nameEn: '-', kind: '-' },
        status: String(row.status),
        legalDueAt: row.legalDueAt.toISOString(),
        hoursOverdue: Math.round(((now.getTime() - row.legalDueAt.getTime()) / 3_600_000) * 10) / 10,
        apologyCount: row.apologyCount,
        supplementCount: row.supplementCount,
      };
    });
  return { reports, dossiers };
}
