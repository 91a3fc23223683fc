/**
 * What one report or dossier adds to the daily aggregates (agency × local day × metric), and the difference between
 * two such contributions. An item's contribution depends only on its current facts, so applying a change is
 * "remove what the item added before, add what it adds now": idempotent, independent of the order changes arrive in,
 * and equal to a rebuild from scratch by construction. Pure.
 */

/** [agency id, local day YYYY-MM-DD, metric, value]. */
export type Contribution = [string, string, string, number];

export const REPORT_METRICS = [
  'reports.received',
  'reports.received.app',
  'reports.received.open311',
  'reports.received.phone',
  'reports.received.desk',
  'reports.received.urgent',
  'reports.answered',
  'reports.answered_on_time',
  'reports.answer_seconds',
  'reports.rated',
  'reports.rating_sum',
  'reports.reopens',
  'reports.transfers',
] as const;

export const DOSSIER_METRICS = [
  'dossiers.received',
  'dossiers.received.online',
  'dossiers.received.in_person',
  'dossiers.received.post',
  'dossiers.fee_bearing',
  'dossiers.fee_paid_online',
  'dossiers.finished',
  'dossiers.finished_on_time',
  'dossiers.finished_late',
  'dossiers.handling_seconds',
  'dossiers.legal_seconds',
  'dossiers.electronic_result',
  'dossiers.supplement_requests',
  'dossiers.transfers',
  'dossiers.withdrawn_or_stopped',
  'dossiers.surveys',
  'dossiers.survey_overall_sum',
] as const;

export interface ReportContributionFacts {
  unitId: string | null;
  status: string;
  isUrgent: boolean;
  channel: string;
  createdAt: Date;
  dueAt: Date;
  resolvedAt: Date | null;
  rating: number | null;
  reopenCount: number;
  transferCount: number;
}

export interface DossierContributionFacts {
  agencyId: string;
  status: number;
  channel: string;
  receivedOn: string;
  submittedAt: Date;
  acceptedAt: Date | null;
  finishedAt: Date | null;
  closedAt: Date | null;
  legalDueAt: Date;
  supplementCount: number;
  feeTotal: number;
  feePaidVia: string | null;
  hasElectronicResult: boolean;
  transferCount: number;
  survey: Record<string, number> | null;
  surveyAt: Date | null;
}

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * A report's contribution: received on its filing day; answered (on time or not, with the time taken) and rated on
 * the day of its answer. Reports without a unit (awaiting triage) count for `rootAgencyId`, the city.
 */
export function reportContributions(report: ReportContributionFacts, rootAgencyId: string, dayOf: (instant: Date) => string): Contribution[] {
  const agency = report.unitId ?? rootAgencyId;
  const filed = dayOf(report.createdAt);
  const out: Contribution[] = [
    [agency, filed, 'reports.received', 1],
    [agency, filed, `reports.received.${report.channel}`, 1],
  ];
  if (report.isUrgent) out.push([agency, filed, 'reports.received.urgent', 1]);
  if (report.reopenCount > 0) out.push([agency, filed, 'reports.reopens', report.reopenCount]);
  if (report.transferCount > 0) out.push([agency, filed, 'reports.transfers', report.transferCount]);
  if (report.resolvedAt && report.status !== 'merged' && report.status !== 'rejected') {
    const answered = dayOf(report.resolvedAt);
    out.push([agency, answered, 'reports.answered', 1], [agency, answered, 'reports.answer_seconds', seconds(report.createdAt, report.resolvedAt)]);
    if (report.resolvedAt <= report.dueAt) out.push([agency, answered, 'reports.answered_on_time', 1]);
    if (report.rating !== null) out.push([agency, answered, 'reports.rated', 1], [agency, answered, 'reports.rating_sum', report.rating]);
  }
  return out;
}

/**
 * A dossier's contribution to its implementing agency: received (never for status 1 new or 3 refused) on its
 * receipt date, with its channel, fee, supplement requests and transfers; finished on the day of its result, on time
 * or late (Decision 766: after the legal deadline, or after more than one supplement request), with the time taken
 * and the legal time; withdrawn or stopped on the day it closed; surveyed on the day of the survey.
 */
export function dossierContributions(dossier: DossierContributionFacts, dayOf: (instant: Date) => string): Contribution[] {
  const agency = dossier.agencyId;
  const out: Contribution[] = [];
  if (dossier.status !== 1 && dossier.status !== 3) {
    const day = dossier.receivedOn;
    out.push([agency, day, 'dossiers.received', 1], [agency, day, `dossiers.received.${dossier.channel}`, 1]);
    if (dossier.feeTotal > 0) {
      out.push([agency, day, 'dossiers.fee_bearing', 1]);
      if (dossier.feePaidVia === 'online') out.push([agency, day, 'dossiers.fee_paid_online', 1]);
    }
    if (dossier.supplementCount > 0) out.push([agency, day, 'dossiers.supplement_requests', dossier.supplementCount]);
    if (dossier.transferCount > 0) out.push([agency, day, 'dossiers.transfers', dossier.transferCount]);
  }
  if (dossier.finishedAt) {
    const day = dayOf(dossier.finishedAt);
    const began = dossier.acceptedAt ?? dossier.submittedAt;
    const isLate = dossier.finishedAt > dossier.legalDueAt || dossier.supplementCount > 1;
    out.push(
      [agency, day, 'dossiers.finished', 1],
      [agency, day, isLate ? 'dossiers.finished_late' : 'dossiers.finished_on_time', 1],
      [agency, day, 'dossiers.handling_seconds', seconds(began, dossier.finishedAt)],
      [agency, day, 'dossiers.legal_seconds', seconds(began, dossier.legalDueAt)],
    );
    if (dossier.hasElectronicResult) out.push([agency, day, 'dossiers.electronic_result', 1]);
  } else if (dossier.closedAt && (dossier.status === 7 || dossier.status === 8)) {
    out.push([agency, dayOf(dossier.closedAt), 'dossiers.withdrawn_or_stopped', 1]);
  }
  if (dossier.survey && dossier.surveyAt && typeof dossier.survey.overall === 'number') {
    const day = dayOf(dossier.surveyAt);
    out.push([agency, day, 'dossiers.surveys', 1], [agency, day, 'dossiers.survey_overall_sum', dossier.survey.overall]);
  }
  return out;
}

const keyOf = ([agency, day, metric]: Contribution) => `${agency}|${day}|${metric}`;

/** Sums contributions by key (agency, day, metric), dropping zeros. */
export function sumContributions(contributions: Iterable<Contribution>): Map<string, Contribution> {
  const sums = new Map<string, Contribution>();
  for (const contribution of contributions) {
    const key = keyOf(contribution);
    const existing = sums.get(key);
    if (existing) existing[3] += contribution[3];
    else sums.set(key, [...contribution]);
  }
  for (const [key, value] of sums) if (value[3] === 0) sums.delete(key);
  return sums;
}

/** What to add to the aggregates when an item's contribution goes from `before` to `after` (zeros left out). */
export function contributionDelta(before: readonly Contribution[], after: readonly Contribution[]): Contribution[] {
  return [...sumContributions([...after, ...before.map(([agency, day, metric, value]): Contribution => [agency, day, metric, -value])]).values()];
}

/**
 * Where a timeline's cursor may move after reading `events` (ascending ids after `cursor`): over every id present
 * without a gap, and over a gap once the event after it is `graceMs` old (the missing id is then a rolled-back
 * transaction, not one still to commit). Events past a held gap are applied anyway and again later, which is harmless.
 */
export function advanceCursor(cursor: number, events: readonly { id: number; at: Date }[], now: Date, graceMs: number): number {
  let next = cursor;
  for (const event of events) {
    if (event.id <= next) continue;
    if (event.id !== next + 1 && now.getTime() - event.at.getTime() < graceMs) break;
    next = event.id;
  }
  return next;
}
