/**
 * The city's headline figures for the public statistics page: each a numerator over a denominator with its written
 * definition, computed from the same facts as Decision 766 and with the same rules where they overlap (on-time
 * dossiers are indicator 2.1's; dossiers filed online are the DVCQG statistics' received-online share), and kept the
 * same way: as daily aggregates, with the reports still open at a period's end judged then. Pure.
 */
import type { FigureDefinition, HeadlineFigure, HeadlineFigureKey } from '@onecity/contracts';
import { EVER, sumDayTallies, type DayTally, type DossierInput, type Period, type ProcedureInput, type ReportInput } from './decision-766.ts';

export const FIGURE_DEFINITIONS: readonly FigureDefinition[] = [
  {
    key: 'proceduresOnline',
    nameVi: 'Thủ tục cung cấp trực tuyến',
    nameEn: 'Procedures offered online',
    definitionVi: 'Số thủ tục đang áp dụng cho phép nộp hồ sơ trực tuyến (toàn trình hoặc một phần) ÷ số thủ tục đang áp dụng thuộc thẩm quyền.',
    definitionEn: 'Active procedures that accept dossiers online (fully or partly) ÷ active procedures under the authority.',
  },
  {
    key: 'proceduresFullyOnline',
    nameVi: 'Thủ tục trực tuyến toàn trình',
    nameEn: 'Procedures offered fully online',
    definitionVi: 'Số thủ tục đang áp dụng thực hiện trực tuyến toàn trình (nộp, xử lý, nộp phí và nhận kết quả trực tuyến) ÷ số thủ tục đang áp dụng thuộc thẩm quyền.',
    definitionEn: 'Active procedures done fully online (filing, handling, fees and result online) ÷ active procedures under the authority.',
  },
  {
    key: 'dossiersFiledOnline',
    nameVi: 'Hồ sơ nộp trực tuyến',
    nameEn: 'Dossiers filed online',
    definitionVi: 'Số hồ sơ tiếp nhận trong kỳ được nộp trực tuyến ÷ số hồ sơ tiếp nhận trong kỳ (không tính hồ sơ chưa tiếp nhận hoặc bị từ chối tiếp nhận).',
    definitionEn: 'Dossiers received in the period that were filed online ÷ dossiers received in the period (not counting those not yet accepted or refused at intake).',
  },
  {
    key: 'dossiersOnTime',
    nameVi: 'Hồ sơ giải quyết đúng hạn',
    nameEn: 'Dossiers handled on time',
    definitionVi: 'Số hồ sơ đã giải quyết đúng hạn hoặc đang giải quyết trong hạn ÷ số hồ sơ phải giải quyết trong kỳ (chỉ số 2.1 của Quyết định 766).',
    definitionEn: 'Dossiers finished on time or still within their time ÷ dossiers to handle in the period (Decision 766 indicator 2.1).',
  },
  {
    key: 'documentsSigned',
    nameVi: 'Văn bản được ký số',
    nameEn: 'Documents digitally signed',
    definitionVi: 'Số văn bản phát hành trong kỳ có chữ ký số ÷ số văn bản phát hành trong kỳ.',
    definitionEn: 'Documents issued in the period that carry a digital signature ÷ documents issued in the period.',
  },
  {
    key: 'reportsSatisfied',
    nameVi: 'Người phản ánh hài lòng',
    nameEn: 'Reporters satisfied',
    definitionVi: 'Số phản ánh gửi trong kỳ được người phản ánh chấm 4–5 sao ÷ số phản ánh gửi trong kỳ đã được chấm sao.',
    definitionEn: 'Reports filed in the period rated 4–5 stars by their reporter ÷ reports filed in the period that were rated.',
  },
  {
    key: 'surveysSatisfied',
    nameVi: 'Người dân hài lòng với thủ tục',
    nameEn: 'Citizens satisfied with procedures',
    definitionVi: 'Số phiếu khảo sát gửi trong kỳ chấm tiêu chí "hài lòng chung" 4–5 điểm ÷ số phiếu khảo sát gửi trong kỳ về hồ sơ của cơ quan.',
    definitionEn: 'Surveys sent in the period rating "overall" 4–5 of 5 ÷ surveys sent in the period about the agency’s dossiers.',
  },
  {
    key: 'reportsHandled',
    nameVi: 'Phản ánh đã được trả lời',
    nameEn: 'Reports answered',
    definitionVi: 'Số phản ánh gửi trong kỳ đã có kết quả xử lý ÷ số phản ánh gửi trong kỳ (không tính phản ánh bị gộp vào phản ánh trùng hoặc không được tiếp nhận).',
    definitionEn: 'Reports filed in the period that have an answer ÷ reports filed in the period (not counting duplicates merged into another or reports refused).',
  },
  {
    key: 'reportsOnTime',
    nameVi: 'Phản ánh trả lời đúng hạn',
    nameEn: 'Reports answered on time',
    definitionVi: 'Số phản ánh gửi trong kỳ được trả lời trước hạn xử lý ÷ số phản ánh gửi trong kỳ đã được trả lời.',
    definitionEn: 'Reports filed in the period answered by their deadline ÷ reports filed in the period that have been answered.',
  },
];

/** A figure's additive counts: the items it is about and those that meet it. */
export interface Count {
  all: number;
  met: number;
}

export type HeadlineCounts = Record<HeadlineFigureKey, Count>;

/** Prefix of the headline figures' metrics in the daily aggregates. */
export const HEADLINE_METRIC_PREFIX = 'headline:';

/** The report's verdicts within the period (it was filed in it): the figures it counts in, and whether it meets each. */
function reportVerdicts(report: ReportInput, period: Period): [HeadlineFigureKey, boolean][] {
  const out: [HeadlineFigureKey, boolean][] = [];
  if (report.rating !== null) out.push(['reportsSatisfied', report.rating >= 4]);
  if (report.status === 'merged' || report.status === 'rejected') return out;
  const isAnswered = report.resolvedAt !== null && report.resolvedAt < period.asOf;
  out.push(['reportsHandled', isAnswered]);
  if (isAnswered) out.push(['reportsOnTime', (report.resolvedAt as Date) <= report.dueAt]);
  return out;
}

/** The dossier's verdict on receipt within the period: received in it, filed online or not. */
function receiptVerdicts(dossier: HeadlineDossier, period: Period): [HeadlineFigureKey, boolean][] {
  const isReceived = dossier.status !== 1 && dossier.status !== 3 && dossier.receivedOn >= period.from && dossier.receivedOn <= period.to;
  return isReceived ? [['dossiersFiledOnline', dossier.channel === 'online']] : [];
}

/** The dossier's survey within the period: sent in it, satisfied or not. */
function surveyVerdicts(dossier: HeadlineDossier, period: Period): [HeadlineFigureKey, boolean][] {
  const isSent = dossier.survey !== null && dossier.surveyAt !== null && dossier.surveyAt >= period.start && dossier.surveyAt < period.asOf;
  return isSent ? [['surveysSatisfied', (dossier.survey?.overall ?? 0) >= 4]] : [];
}

export type HeadlineDossier = DossierInput & { surveyAt: Date | null };

const emptyCounts = (): HeadlineCounts => Object.fromEntries(FIGURE_DEFINITIONS.map((definition) => [definition.key, { all: 0, met: 0 }])) as HeadlineCounts;

/** The counts of the dossier- and report-based figures over the given items, judged within the period. */
export function headlineCountsOf(period: Period, dossiers: readonly HeadlineDossier[], reports: readonly ReportInput[]): HeadlineCounts {
  const counts = emptyCounts();
  for (const [key, isMet] of [...dossiers.flatMap((dossier) => [...receiptVerdicts(dossier, period), ...surveyVerdicts(dossier, period)]), ...reports.flatMap((report) => reportVerdicts(report, period))]) {
    counts[key].all += 1;
    if (isMet) counts[key].met += 1;
  }
  return counts;
}

const dayTallies = (day: string, verdicts: [HeadlineFigureKey, boolean][]): DayTally[] =>
  verdicts.flatMap(([key, isMet]): DayTally[] => [[day, `${HEADLINE_METRIC_PREFIX}${key}:all`, 1], ...(isMet ? [[day, `${HEADLINE_METRIC_PREFIX}${key}:met`, 1] as DayTally] : [])]);

/**
 * What one dossier adds to the daily aggregates of the headline figures: its receipt on its receipt day, its survey on
 * the survey's day (neither depends on when it is judged).
 */
export function dossierHeadlineTallies(dossier: HeadlineDossier, dayOf: (instant: Date) => string): DayTally[] {
  return [...dayTallies(dossier.receivedOn, receiptVerdicts(dossier, EVER)), ...(dossier.surveyAt ? dayTallies(dayOf(dossier.surveyAt), surveyVerdicts(dossier, EVER)) : [])];
}

/**
 * What one report adds, on its filing day, judged after everything: a report answered after a period's end is
 * judged again as open by `headlineFromAggregates` (as for Decision 766).
 */
export function reportHeadlineTallies(report: ReportInput, dayOf: (instant: Date) => string): DayTally[] {
  return dayTallies(dayOf(report.createdAt), reportVerdicts(report, EVER));
}

export interface HeadlineAggregates {
  period: Period;
  /** Daily sums over the period's days and the scope's agencies, by metric; the city's local day of an instant. */
  sums: ReadonlyMap<string, number>;
  dayOf: (instant: Date) => string;
  openDossiers: HeadlineDossier[];
  openReports: ReportInput[];
  procedures: ProcedureInput[];
  documents: Count;
  /** Decision 766 indicator 2.1's numerator and denominator. */
  progress: Count;
}

/** The headline figures from the daily aggregates, the open items judged at the period's end. */
export function headlineFromAggregates(parts: HeadlineAggregates): HeadlineFigure[] {
  const counts = headlineCountsOf(parts.period, parts.openDossiers, parts.openReports);
  const take = (sums: ReadonlyMap<string, number>, sign: 1 | -1) => {
    for (const [metric, value] of sums) {
      if (!metric.startsWith(HEADLINE_METRIC_PREFIX)) continue;
      const [key, part] = metric.slice(HEADLINE_METRIC_PREFIX.length).split(':') as [HeadlineFigureKey, keyof Count];
      if (counts[key]) counts[key][part] += sign * value;
    }
  };
  take(parts.sums, 1);
  // The open items' share of the sums, from the same facts the aggregation recorded, gives way to their verdicts above.
  take(sumDayTallies([...parts.openDossiers.flatMap((dossier) => dossierHeadlineTallies(dossier, parts.dayOf)), ...parts.openReports.flatMap((report) => reportHeadlineTallies(report, parts.dayOf))], parts.period), -1);
  return figuresOf(parts.procedures, counts, parts.documents, parts.progress);
}

const figureOf = (key: HeadlineFigureKey, count: Count): HeadlineFigure => ({ key, numerator: count.met, denominator: count.all, value: count.all === 0 ? null : count.met / count.all });

/** Every headline figure, in the definitions' order. */
export function figuresOf(procedures: readonly ProcedureInput[], counts: HeadlineCounts, documents: Count, progress: Count): HeadlineFigure[] {
  const online = procedures.filter((procedure) => procedure.onlineLevel === 'full' || procedure.onlineLevel === 'partial').length;
  const fullyOnline = procedures.filter((procedure) => procedure.onlineLevel === 'full').length;
  const byKey: Record<HeadlineFigureKey, Count> = {
    ...counts,
    proceduresOnline: { all: procedures.length, met: online },
    proceduresFullyOnline: { all: procedures.length, met: fullyOnline },
    dossiersOnTime: progress,
    documentsSigned: documents,
  };
  return FIGURE_DEFINITIONS.map((definition) => figureOf(definition.key, byKey[definition.key]));
}
