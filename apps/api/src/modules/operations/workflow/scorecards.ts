/**
 * Monthly scorecards of units and officials: the measures, their definitions, the composite score units are ranked
 * by, and the ranking within comparable units. Pure.
 *
 * Units' figures come from the daily aggregates (workflow/daily-aggregates.ts metrics); officials' from the steps they
 * finished and the reports they answered.
 */
import type { ScorecardDefinitions, ScorecardFigure, ScorecardMeasure } from '@onecity/contracts';

export const SCORECARD_DEFINITIONS: ScorecardDefinitions = {
  formulaVi:
    'Điểm tổng hợp (0–100) = 70 × tỷ lệ đúng hạn + 30 × (điểm đánh giá trung bình − 1) ÷ 4. Thiếu một thành phần thì điểm tính trên thành phần còn lại; không có cả hai thì không xếp hạng. Xếp hạng trong các đơn vị cùng loại (sở, ngành; phường, xã; đơn vị trực thuộc; đơn vị sự nghiệp).',
  formulaEn:
    'Composite score (0–100) = 70 × on-time share + 30 × (average rating − 1) ÷ 4. With one part missing the score rests on the other; with neither the unit is not ranked. Units are ranked among units of the same kind (departments; wards and communes; divisions; service units).',
  measures: [
    { measure: 'handled', nameVi: 'Số việc đã giải quyết', nameEn: 'Items handled', definitionVi: 'Hồ sơ có kết quả và phản ánh được trả lời trong tháng (cán bộ: bước xử lý hồ sơ đã hoàn thành và phản ánh đã trả lời).', definitionEn: 'Dossiers finished and reports answered in the month (officials: dossier steps finished and reports answered).' },
    { measure: 'onTime', nameVi: 'Tỷ lệ đúng hạn', nameEn: 'On-time share', definitionVi: 'Số việc giải quyết đúng hạn ÷ số việc đã giải quyết trong tháng (hồ sơ: theo hạn luật định và quy tắc bổ sung của Quyết định 766; bước xử lý: theo hạn của bước).', definitionEn: 'Items handled on time ÷ items handled in the month (dossiers: legal deadline and Decision 766 supplement rule; steps: the step’s due date).' },
    { measure: 'handlingTime', nameVi: 'Thời gian xử lý so với thời hạn', nameEn: 'Handling time against the legal time', definitionVi: 'Tổng thời gian đã dùng ÷ tổng thời gian được phép của các hồ sơ (bước) hoàn thành trong tháng; dưới 1 là nhanh hơn thời hạn.', definitionEn: 'Time taken ÷ time allowed, over the dossiers (steps) finished in the month; below 1 is faster than the limit.' },
    { measure: 'overdue', nameVi: 'Việc quá hạn', nameEn: 'Overdue items', definitionVi: 'Đơn vị: hồ sơ và phản ánh hoàn thành quá hạn trong tháng. Cán bộ: thêm các việc đang giữ đã quá hạn.', definitionEn: 'Units: dossiers and reports finished late in the month. Officials: also the items they hold that are past due.' },
    { measure: 'supplements', nameVi: 'Yêu cầu bổ sung hồ sơ', nameEn: 'Supplement requests', definitionVi: 'Số lần yêu cầu bổ sung ÷ số hồ sơ tiếp nhận trong tháng (cán bộ: số yêu cầu đã gửi).', definitionEn: 'Supplement requests ÷ dossiers received in the month (officials: requests they sent).' },
    { measure: 'transfers', nameVi: 'Chuyển đơn vị khác', nameEn: 'Transfers', definitionVi: 'Số lần chuyển hồ sơ, phản ánh sang đơn vị khác ÷ số hồ sơ, phản ánh tiếp nhận trong tháng (cán bộ: số lần đã chuyển).', definitionEn: 'Transfers of dossiers and reports to another unit ÷ dossiers and reports received in the month (officials: transfers they made).' },
    { measure: 'ratings', nameVi: 'Đánh giá của người dân', nameEn: 'Citizen ratings', definitionVi: 'Điểm trung bình (1–5) của đánh giá phản ánh và tiêu chí hài lòng chung của khảo sát hồ sơ trong tháng.', definitionEn: 'Average (1–5) of report ratings and of the surveys’ overall criterion in the month.' },
  ],
};

const ratio = (measure: ScorecardMeasure, numerator: number, denominator: number): ScorecardFigure => ({ measure, numerator, denominator, value: denominator === 0 ? null : numerator / denominator });

/** A unit's figures from its monthly sums of the daily metrics. */
export function unitFigures(sums: ReadonlyMap<string, number>): ScorecardFigure[] {
  const get = (metric: string) => sums.get(metric) ?? 0;
  const handled = get('dossiers.finished') + get('reports.answered');
  const onTime = get('dossiers.finished_on_time') + get('reports.answered_on_time');
  return [
    { measure: 'handled', numerator: handled, denominator: handled, value: handled },
    ratio('onTime', onTime, handled),
    ratio('handlingTime', get('dossiers.handling_seconds'), get('dossiers.legal_seconds')),
    { measure: 'overdue', numerator: handled - onTime, denominator: handled, value: handled - onTime },
    ratio('supplements', get('dossiers.supplement_requests'), get('dossiers.received')),
    ratio('transfers', get('dossiers.transfers') + get('reports.transfers'), get('dossiers.received') + get('reports.received')),
    ratio('ratings', get('reports.rating_sum') + get('dossiers.survey_overall_sum'), get('reports.rated') + get('dossiers.surveys')),
  ];
}

/** The composite score of SCORECARD_DEFINITIONS.formula, rounded to 0.1; null when neither part exists. */
export function compositeScore(figures: readonly ScorecardFigure[]): number | null {
  const onTime = figures.find((figure) => figure.measure === 'onTime')?.value ?? null;
  const rating = figures.find((figure) => figure.measure === 'ratings')?.value ?? null;
  const parts: [number, number][] = [];
  if (onTime !== null) parts.push([70, onTime]);
  if (rating !== null) parts.push([30, (rating - 1) / 4]);
  if (parts.length === 0) return null;
  const weight = parts.reduce((sum, [w]) => sum + w, 0);
  return Math.round((parts.reduce((sum, [w, value]) => sum + w * value, 0) / weight) * 1000) / 10;
}

/** Which units are compared with which: departments; wards with communes; divisions; service units. */
export function peerGroupOf(kind: string): string {
  return kind === 'ward' || kind === 'commune' ? 'ward' : kind;
}

/** Competition ranking (1, 2, 2, 4) by descending score; units without a score get no rank. */
export function rankByScore<T extends { score: number | null }>(entries: readonly T[]): (T & { rank: number | null })[] {
  const scored = entries.filter((entry) => entry.score !== null).map((entry) => entry.score as number).sort((a, b) => b - a);
  return entries.map((entry) => ({ ...entry, rank: entry.score === null ? null : scored.indexOf(entry.score) + 1 }));
}

export interface OfficialStepFacts {
  dossierCode: string;
  startedAt: Date | null;
  dueAt: Date;
  finishedAt: Date | null;
  finishedBy: string | null;
  assigneeId: string | null;
}

export interface OfficialReportFacts {
  code: string;
  officerId: string | null;
  status: string;
  dueAt: Date;
  resolvedAt: Date | null;
  rating: number | null;
}

export interface OfficialInput {
  userId: string;
  start: Date;
  end: Date;
  /** Items held past due are judged at this instant (the month's end, or now if earlier). */
  asOf: Date;
  steps: OfficialStepFacts[];
  reports: OfficialReportFacts[];
  supplementRequests: { dossierCode: string; at: Date }[];
  transfers: { dossierCode: string; at: Date }[];
}

export interface OfficialItem {
  kind: 'dossier' | 'report';
  code: string;
  isMet: boolean;
  outcome: string;
  fields: Record<string, string | number | boolean | null>;
}

const inMonth = (instant: Date | null, input: OfficialInput) => instant !== null && instant >= input.start && instant < input.end;
const iso = (instant: Date | null) => instant?.toISOString() ?? null;

/** The items behind each of an official's measures (the figures are computed from these). */
export function officialItems(input: OfficialInput): Record<ScorecardMeasure, OfficialItem[]> {
  const steps = input.steps.filter((step) => step.finishedBy === input.userId && inMonth(step.finishedAt, input));
  const reports = input.reports.filter((report) => report.officerId === input.userId && inMonth(report.resolvedAt, input));
  const handled: OfficialItem[] = [
    ...steps.map((step) => {
      const isOnTime = (step.finishedAt as Date) <= step.dueAt;
      return { kind: 'dossier' as const, code: step.dossierCode, isMet: isOnTime, outcome: isOnTime ? 'step_on_time' : 'step_late', fields: { startedAt: iso(step.startedAt), dueAt: iso(step.dueAt), finishedAt: iso(step.finishedAt) } };
    }),
    ...reports.map((report) => {
      const isOnTime = (report.resolvedAt as Date) <= report.dueAt;
      return { kind: 'report' as const, code: report.code, isMet: isOnTime, outcome: isOnTime ? 'answered_on_time' : 'answered_late', fields: { dueAt: iso(report.dueAt), resolvedAt: iso(report.resolvedAt), rating: report.rating } };
    }),
  ];
  const held: OfficialItem[] = [
    ...input.steps
      .filter((step) => step.finishedAt === null && step.assigneeId === input.userId && step.dueAt < input.asOf)
      .map((step) => ({ kind: 'dossier' as const, code: step.dossierCode, isMet: false, outcome: 'held_past_due', fields: { dueAt: iso(step.dueAt) } })),
    ...input.reports
      .filter((report) => report.officerId === input.userId && report.resolvedAt === null && ['assigned', 'in_progress'].includes(report.status) && report.dueAt < input.asOf)
      .map((report) => ({ kind: 'report' as const, code: report.code, isMet: false, outcome: 'held_past_due', fields: { dueAt: iso(report.dueAt) } })),
  ];
  const timed = steps.filter((step) => step.startedAt !== null);
  return {
    handled: handled.map((item) => ({ ...item, isMet: true })),
    onTime: handled,
    handlingTime: timed.map((step) => ({
      kind: 'dossier' as const,
      code: step.dossierCode,
      isMet: (step.finishedAt as Date) <= step.dueAt,
      outcome: 'step_finished',
      fields: { takenSeconds: Math.round(((step.finishedAt as Date).getTime() - (step.startedAt as Date).getTime()) / 1000), allowedSeconds: Math.max(0, Math.round((step.dueAt.getTime() - (step.startedAt as Date).getTime()) / 1000)) },
    })),
    overdue: [...handled.filter((item) => !item.isMet), ...held],
    supplements: input.supplementRequests.filter((entry) => inMonth(entry.at, input)).map((entry) => ({ kind: 'dossier' as const, code: entry.dossierCode, isMet: true, outcome: 'supplement_requested', fields: { at: iso(entry.at) } })),
    transfers: input.transfers.filter((entry) => inMonth(entry.at, input)).map((entry) => ({ kind: 'dossier' as const, code: entry.dossierCode, isMet: true, outcome: 'transferred', fields: { at: iso(entry.at) } })),
    ratings: reports.filter((report) => report.rating !== null).map((report) => ({ kind: 'report' as const, code: report.code, isMet: (report.rating as number) >= 4, outcome: `rated_${report.rating}`, fields: { rating: report.rating } })),
  };
}

/** An official's figures from their items. */
export function officialFigures(items: Record<ScorecardMeasure, OfficialItem[]>): ScorecardFigure[] {
  const handled = items.handled.length;
  const sum = (list: OfficialItem[], field: string) => list.reduce((total, item) => total + Number(item.fields[field] ?? 0), 0);
  return [
    { measure: 'handled', numerator: handled, denominator: handled, value: handled },
    ratio('onTime', items.onTime.filter((item) => item.isMet).length, handled),
    ratio('handlingTime', sum(items.handlingTime, 'takenSeconds'), sum(items.handlingTime, 'allowedSeconds')),
    { measure: 'overdue', numerator: items.overdue.length, denominator: items.overdue.length, value: items.overdue.length },
    { measure: 'supplements', numerator: items.supplements.length, denominator: items.supplements.length, value: items.supplements.length },
    { measure: 'transfers', numerator: items.transfers.length, denominator: items.transfers.length, value: items.transfers.length },
    ratio('ratings', sum(items.ratings, 'rating'), items.ratings.length),
  ];
}
