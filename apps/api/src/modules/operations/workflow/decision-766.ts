/**
 * Decision 766/QĐ-TTg (23 Jun 2022), the index of service to citizens and businesses: every indicator with its
 * formula, its points and its threshold, and the pure rules that decide, item by item, what each figure counts
 * (domain-vn.md §3). Pure: the facts come in, the items, the values, the points and the band come out, so every
 * figure can be traced to the dossiers, reports, procedures or documents behind it.
 *
 * Points: full points from `fullPointsAt` up, pro rata below (value × max ÷ threshold, the formula document's rule:
 * 3.1, 3.5 and 4.2 at 80 %, 3.3 at 50 %, 5.4 at 90 %); where the decision states no threshold, pro rata on 100 %.
 * The decision groups "online services" as one 22-point group; the DVCQG dashboard splits it 12 + 10. Our sources
 * do not publish the split of the 12 points between 3.1, 3.2 and 3.3; the platform uses 4 + 2 + 6 (written in the
 * notes) until the official split is known.
 */

import type { IndicatorGroup, IndicatorItemKind, RatingBand } from '@onecity/contracts';

export interface Period {
  /** Local dates, inclusive. */
  from: string;
  to: string;
  /** The instants the local dates start and end at ([start, end)). */
  start: Date;
  end: Date;
  /** Open items are judged at this instant: the end of the period, or now if earlier. */
  asOf: Date;
}

export interface DossierInput {
  code: string;
  procedureCode: string;
  resultType: 'paper' | 'electronic' | 'both';
  channel: 'online' | 'in_person' | 'post';
  /** DVCQG status number (1 new … 10 delivered). */
  status: number;
  receivedOn: string;
  submittedAt: Date;
  acceptedAt: Date | null;
  finishedAt: Date | null;
  closedAt: Date | null;
  legalDueAt: Date;
  supplementCount: number;
  lastSupplementRequestedAt: Date | null;
  feeTotal: number;
  feePaidAt: Date | null;
  feePaidVia: 'desk' | 'online' | null;
  hasElectronicResult: boolean;
  componentFileCount: number;
  hasResultFile: boolean;
  survey: Record<string, number> | null;
}

export interface ProcedureInput {
  code: string;
  onlineLevel: 'full' | 'partial';
  resultType: 'paper' | 'electronic' | 'both';
  hasFee: boolean;
}

export interface ReportInput {
  code: string;
  status: string;
  createdAt: Date;
  dueAt: Date;
  resolvedAt: Date | null;
  rating: number | null;
  reopenCount: number;
}

export interface DocumentInput {
  id: string;
  numberSymbol: string;
  kind: string;
  issuedAt: Date;
  signatureCount: number;
}

export interface Decision766Input {
  period: Period;
  /** Dossiers of the agency to handle during the period (received by its end, not finished or closed before it). */
  dossiers: DossierInput[];
  /** The active procedures under the agency's authority. */
  procedures: ProcedureInput[];
  /** Reports handled by the agency's units, created during the period. */
  reports: ReportInput[];
  /** Documents the agency issued during the period. */
  documents: DocumentInput[];
}

export type FieldValue = string | number | boolean | null;

/** One item behind an indicator and the rule's verdict on it. */
export interface ItemOutcome {
  kind: IndicatorItemKind;
  code: string;
  isMet: boolean;
  outcome: string;
  fields: Record<string, FieldValue>;
}

interface Ratio {
  numerator: number;
  denominator: number;
}

export interface IndicatorDefinition {
  code: string;
  group: IndicatorGroup;
  nameVi: string;
  nameEn: string;
  formulaVi: string;
  formulaEn: string;
  maxPoints: number;
  /** Full points from this share up; null: informational, no points. */
  fullPointsAt: number | null;
  unit: 'share' | 'days';
  itemKind: IndicatorItemKind | null;
  noteVi: string | null;
  noteEn: string | null;
  /** The items and their verdicts; absent when the platform cannot measure the indicator. */
  measure?: (input: Decision766Input) => ItemOutcome[];
  /** What one item adds to the indicator's tally besides `all` and `met` (5.4's late and disliked, 2.2's days). */
  tally?: (item: ItemOutcome) => Partial<Tally>;
  /** The figure from the tally (default: met ÷ all). */
  ratio?: (tally: Tally) => Ratio;
}

/**
 * The additive counts an indicator's figure is made of: its items, those met, and what a formula needs besides. Tallies
 * of disjoint sets of items add up, which is what lets the figures be kept as daily aggregates.
 */
export interface Tally {
  all: number;
  met: number;
  late: number;
  disliked: number;
  /** Hundredths of a day (2.2's handling time). */
  centidays: number;
}

export const TALLY_KEYS = ['all', 'met', 'late', 'disliked', 'centidays'] as const satisfies readonly (keyof Tally)[];

export const emptyTally = (): Tally => ({ all: 0, met: 0, late: 0, disliked: 0, centidays: 0 });

export interface IndicatorResult {
  definition: IndicatorDefinition;
  measurable: boolean;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  points: number | null;
}

export const GROUP_MAX_POINTS: Record<IndicatorGroup, number> = {
  publicity: 18,
  progress: 20,
  online_services: 12,
  online_payment: 10,
  satisfaction: 18,
  digitisation: 22,
};

// ---------------------------------------------------------------- rules on single items

const DOSSIER_NEW = 1;
const DOSSIER_REJECTED = 3;
const DOSSIER_SUPPLEMENT_REQUESTED = 5;
const DOSSIER_WITHDRAWN = 7;
const DOSSIER_STOPPED = 8;

export type ProgressOutcome =
  | 'not_counted'
  | 'done_on_time'
  | 'done_late'
  | 'supplement_on_time'
  | 'supplement_late'
  | 'over_one_supplement'
  | 'in_progress_in_time'
  | 'in_progress_overdue';

const ON_TIME_OUTCOMES: ReadonlySet<ProgressOutcome> = new Set(['done_on_time', 'supplement_on_time', 'in_progress_in_time']);

/** When a dossier's handling ended, by the decision's priority: finished (status 9/10), else stopped or withdrawn. */
export function finishOf(dossier: Pick<DossierInput, 'finishedAt' | 'closedAt' | 'status'>): Date | null {
  if (dossier.finishedAt) return dossier.finishedAt;
  if (dossier.closedAt && (dossier.status === DOSSIER_WITHDRAWN || dossier.status === DOSSIER_STOPPED)) return dossier.closedAt;
  return null;
}

/**
 * Indicator 2.1's verdict on one dossier:
 * - never accepted (status 1 new, 3 rejected at intake), received after the period, or finished before it: not counted;
 * - finished (or stopped, withdrawn) by `asOf`: late when after the legal deadline — which the procedures module moves
 *   to the day a supplement is completed, so the citizen's supplement time is not counted — or when more than one
 *   supplement was requested (the decision counts a second request as overdue);
 * - more than one supplement request and still open: overdue;
 * - waiting for its only supplement (status 5): counts as finished on the request date;
 * - otherwise still being handled: overdue when the legal deadline has passed.
 */
export function classifyProgress(dossier: DossierInput, period: Period): ProgressOutcome {
  if (dossier.status === DOSSIER_NEW || dossier.status === DOSSIER_REJECTED) return 'not_counted';
  if (dossier.receivedOn > period.to) return 'not_counted';
  const finish = finishOf(dossier);
  if (finish && finish < period.start) return 'not_counted';
  if (finish && finish < period.asOf) {
    return finish > dossier.legalDueAt || dossier.supplementCount > 1 ? 'done_late' : 'done_on_time';
  }
  if (dossier.supplementCount > 1) return 'over_one_supplement';
  const requestedAt = dossier.lastSupplementRequestedAt;
  if (dossier.status === DOSSIER_SUPPLEMENT_REQUESTED && requestedAt && requestedAt < period.asOf) {
    return requestedAt <= dossier.legalDueAt ? 'supplement_on_time' : 'supplement_late';
  }
  return dossier.legalDueAt < period.asOf ? 'in_progress_overdue' : 'in_progress_in_time';
}

/** True when the dossier was received (and accepted) within the period's dates. */
function isReceivedInPeriod(dossier: DossierInput, period: Period): boolean {
  return dossier.status !== DOSSIER_NEW && dossier.status !== DOSSIER_REJECTED && dossier.receivedOn >= period.from && dossier.receivedOn <= period.to;
}

/** True when the dossier's result was produced (status 9 reached) within [start, asOf). */
function isFinishedInPeriod(dossier: DossierInput, period: Period): boolean {
  return dossier.finishedAt !== null && dossier.finishedAt >= period.start && dossier.finishedAt < period.asOf;
}

/** A report answered before `asOf` is judged on its answer; one still open, on whether its deadline has passed. */
export function isReportOnTime(report: ReportInput, asOf: Date): boolean {
  if (report.resolvedAt && report.resolvedAt < asOf) return report.resolvedAt <= report.dueAt;
  return report.dueAt >= asOf;
}

/** Reports that stand for feedback (PAKN) in scope: duplicates merged into another and refused reports are not. */
function isReportInScope(report: ReportInput): boolean {
  return report.status !== 'merged' && report.status !== 'rejected';
}

/** A survey's "dislike": the overall criterion rated 1 or 2 of 5. */
export function isDisliked(survey: Record<string, number> | null): boolean {
  return survey !== null && typeof survey.overall === 'number' && survey.overall <= 2;
}

// ---------------------------------------------------------------- points

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Points for a share: full points at or above the threshold, pro rata below (value × max ÷ threshold). */
export function pointsFor(value: number, maxPoints: number, fullPointsAt: number): number {
  if (fullPointsAt <= 0) return maxPoints;
  return round2(Math.min(1, Math.max(0, value) / fullPointsAt) * maxPoints);
}

/** The rating band of a 100-point total: ≥ 90 excellent, ≥ 80 good, ≥ 70 fair, ≥ 50 average, else weak. */
export function ratingBand(total: number): RatingBand {
  if (total >= 90) return 'excellent';
  if (total >= 80) return 'good';
  if (total >= 70) return 'fair';
  if (total >= 50) return 'average';
  return 'weak';
}

// ---------------------------------------------------------------- the indicators

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function dossierFields(dossier: DossierInput): Record<string, FieldValue> {
  return {
    procedureCode: dossier.procedureCode,
    status: dossier.status,
    channel: dossier.channel,
    receivedOn: dossier.receivedOn,
    legalDueAt: iso(dossier.legalDueAt),
    finishedAt: iso(finishOf(dossier)),
    supplementCount: dossier.supplementCount,
  };
}

function progressItems(input: Decision766Input): ItemOutcome[] {
  const items: ItemOutcome[] = [];
  for (const dossier of input.dossiers) {
    const outcome = classifyProgress(dossier, input.period);
    if (outcome === 'not_counted') continue;
    items.push({
      kind: 'dossier',
      code: dossier.code,
      isMet: ON_TIME_OUTCOMES.has(outcome),
      outcome,
      fields: { ...dossierFields(dossier), lastSupplementRequestedAt: iso(dossier.lastSupplementRequestedAt) },
    });
  }
  return items;
}

function procedureItems(procedures: readonly ProcedureInput[], select: (procedure: ProcedureInput) => boolean, verdict: (procedure: ProcedureInput) => { isMet: boolean; outcome: string; fields?: Record<string, FieldValue> }): ItemOutcome[] {
  return procedures.filter(select).map((procedure) => {
    const { isMet, outcome, fields } = verdict(procedure);
    return { kind: 'procedure', code: procedure.code, isMet, outcome, fields: { onlineLevel: procedure.onlineLevel, resultType: procedure.resultType, hasFee: procedure.hasFee, ...fields } };
  });
}

/** A dossier filed online and received (accepted) within the period (3.2). */
export function isFiledOnline(dossier: DossierInput, period: Period): boolean {
  return dossier.channel === 'online' && isReceivedInPeriod(dossier, period);
}

/** A dossier whose fee was paid online within [start, asOf) (3.5b). */
export function isPaidOnline(dossier: DossierInput, period: Period): boolean {
  return dossier.feePaidVia === 'online' && dossier.feePaidAt !== null && dossier.feePaidAt >= period.start && dossier.feePaidAt < period.asOf;
}

/** How many of the dossiers pass `test`, by procedure code. */
export function countByProcedure(dossiers: readonly DossierInput[], test: (dossier: DossierInput) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const dossier of dossiers) if (test(dossier)) counts.set(dossier.procedureCode, (counts.get(dossier.procedureCode) ?? 0) + 1);
  return counts;
}

/** 3.2's items: every procedure, met when at least one dossier was filed online for it. */
export function onlineDossierProcedureItems(procedures: readonly ProcedureInput[], counts: ReadonlyMap<string, number>): ItemOutcome[] {
  return procedureItems(procedures, () => true, (procedure) => {
    const count = counts.get(procedure.code) ?? 0;
    return { isMet: count > 0, outcome: count > 0 ? 'has_online_dossiers' : 'no_online_dossiers', fields: { onlineDossiers: count } };
  });
}

/** 3.5b's items: the fee-bearing procedures, met when at least one dossier's fee was paid online. */
export function paidOnlineProcedureItems(procedures: readonly ProcedureInput[], counts: ReadonlyMap<string, number>): ItemOutcome[] {
  return procedureItems(procedures, (procedure) => procedure.hasFee, (procedure) => {
    const count = counts.get(procedure.code) ?? 0;
    return { isMet: count > 0, outcome: count > 0 ? 'paid_online' : 'no_online_payment', fields: { dossiersPaidOnline: count } };
  });
}

const NOT_MEASURABLE = {
  publicationDates: {
    vi: 'Danh mục thủ tục chưa lưu ngày hiệu lực của văn bản quy định và ngày công bố, nên chưa tính được.',
    en: 'The catalogue does not record the effective date of the legal basis or the publication date, so this cannot be measured.',
  },
  nationalDatabase: {
    vi: 'Nền tảng chưa đồng bộ với Cơ sở dữ liệu quốc gia về thủ tục hành chính.',
    en: 'The platform is not synchronised with the National Database of administrative procedures.',
  },
  mandatoryParts: {
    vi: 'Danh mục chưa lưu đủ các bộ phận bắt buộc theo Nghị định 63/2010 Điều 8 khoản 2 (thiếu đối tượng thực hiện).',
    en: 'The catalogue does not hold every mandatory part of Decree 63/2010 Art. 8(2) (the applicant type is missing).',
  },
  dvcqgSync: {
    vi: 'Nền tảng chưa đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia.',
    en: 'The platform does not synchronise dossiers to the National Public Service Portal.',
  },
  paymentIntegration: {
    vi: 'Việc từng thủ tục có phí đã tích hợp thanh toán trực tuyến do phân hệ thanh toán quản lý, chưa cung cấp cho phân hệ điều hành.',
    en: 'Whether each fee-bearing procedure is connected to online payment belongs to the payments module, which does not expose it yet.',
  },
  certifiedCopies: {
    vi: 'Nền tảng chưa ghi nhận việc cấp bản sao điện tử từ bản chính trong hồ sơ.',
    en: 'The platform does not record electronic certified copies made from originals within dossiers.',
  },
  reuse: {
    vi: 'Hồ sơ chưa ghi nhận thành phần nào được tái sử dụng từ dữ liệu đã số hóa.',
    en: 'Dossiers do not record which components were reused from digitised data.',
  },
  dataStore: {
    vi: 'Nền tảng chưa kết nối Kho quản lý dữ liệu điện tử của tổ chức, cá nhân trên Cổng Dịch vụ công quốc gia.',
    en: "The platform is not connected to the citizens' data store on the National Public Service Portal.",
  },
  population: {
    vi: 'Nền tảng chưa xác thực qua VNeID hay khai thác Cơ sở dữ liệu quốc gia về dân cư.',
    en: 'The platform does not authenticate through VNeID or use the National Population Database.',
  },
};

/** Every indicator of the decision, in the dashboard's order; those the platform cannot measure have no `measure`. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  // Group 1 — publicity and transparency (18)
  {
    code: '1.1', group: 'publicity', maxPoints: 6, fullPointsAt: 1, unit: 'share', itemKind: 'procedure',
    nameVi: 'Công bố, công khai thủ tục hành chính đúng hạn', nameEn: 'Procedures published on time',
    formulaVi: 'Số thủ tục công bố đúng hạn ÷ tổng số thủ tục công bố trong kỳ × 100 (tỉnh: quyết định công bố ≤ ngày hiệu lực của văn bản − 5 ngày làm việc).',
    formulaEn: 'Procedures published on time ÷ procedures published in the period × 100 (province: publication decision ≤ effective date of the legal basis − 5 working days).',
    noteVi: NOT_MEASURABLE.publicationDates.vi, noteEn: NOT_MEASURABLE.publicationDates.en,
  },
  {
    code: '1.2', group: 'publicity', maxPoints: 4, fullPointsAt: 1, unit: 'share', itemKind: 'procedure',
    nameVi: 'Cập nhật, công khai thủ tục trên Cơ sở dữ liệu quốc gia đúng hạn', nameEn: 'Procedures updated in the National Database on time',
    formulaVi: 'Số thủ tục được cập nhật ≤ 5 ngày làm việc (tỉnh) sau quyết định công bố ÷ số thủ tục công bố.',
    formulaEn: 'Procedures updated ≤ 5 working days (province) after the publication decision ÷ procedures published.',
    noteVi: NOT_MEASURABLE.nationalDatabase.vi, noteEn: NOT_MEASURABLE.nationalDatabase.en,
  },
  {
    code: '1.3', group: 'publicity', maxPoints: 2, fullPointsAt: 1, unit: 'share', itemKind: 'procedure',
    nameVi: 'Thủ tục có đủ các bộ phận bắt buộc', nameEn: 'Procedures with every mandatory part',
    formulaVi: 'Số thủ tục có đủ tên, trình tự, cách thức, thành phần hồ sơ, thời hạn, đối tượng, cơ quan thực hiện ÷ tổng số thủ tục.',
    formulaEn: 'Procedures with name, sequence, method, dossier components, time limit, applicant type and implementing agency ÷ all procedures.',
    noteVi: NOT_MEASURABLE.mandatoryParts.vi, noteEn: NOT_MEASURABLE.mandatoryParts.en,
  },
  {
    code: '1.4', group: 'publicity', maxPoints: 6, fullPointsAt: 1, unit: 'share', itemKind: 'dossier',
    nameVi: 'Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia', nameEn: 'Dossiers synchronised to the National Public Service Portal',
    formulaVi: 'Số hồ sơ đồng bộ có ngày tiếp nhận trong kỳ ÷ số hồ sơ phải đồng bộ.',
    formulaEn: 'Dossiers synchronised with a receipt date in the period ÷ dossiers expected.',
    noteVi: NOT_MEASURABLE.dvcqgSync.vi, noteEn: NOT_MEASURABLE.dvcqgSync.en,
  },
  // Group 2 — progress of handling (20)
  {
    code: '2.1', group: 'progress', maxPoints: 20, fullPointsAt: 1, unit: 'share', itemKind: 'dossier',
    nameVi: 'Hồ sơ giải quyết đúng hạn, trước hạn', nameEn: 'Dossiers handled on time or early',
    formulaVi:
      'Số hồ sơ đã giải quyết hoặc đang giải quyết trong hạn ÷ số hồ sơ tiếp nhận hoặc phải giải quyết trong kỳ × 100. Thời điểm kết thúc lấy theo thứ tự: đã xử lý xong > đã trả kết quả > dừng, rút. Không tính thời gian công dân bổ sung hồ sơ; hồ sơ chỉ có một lần yêu cầu bổ sung được coi là kết thúc tại ngày yêu cầu; yêu cầu bổ sung từ lần thứ hai bị tính là quá hạn.',
    formulaEn:
      'Dossiers finished or still in progress within the legal time ÷ dossiers received or to handle in the period × 100. The finish is, in priority: done > delivered > stopped or withdrawn. The citizen’s supplement time is not counted; a dossier with a single supplement request counts as finished on the request date; a second request counts as overdue.',
    noteVi: 'Điểm tỷ lệ thuận với giá trị (đủ điểm ở 100 %).', noteEn: 'Points are pro rata to the value (full points at 100 %).',
    measure: progressItems,
  },
  {
    code: '2.2', group: 'progress', maxPoints: 0, fullPointsAt: null, unit: 'days', itemKind: 'dossier',
    nameVi: 'Thời gian giải quyết trung bình', nameEn: 'Average handling time',
    formulaVi: 'Tổng số ngày từ khi tiếp nhận đến khi có kết quả của các hồ sơ đã giải quyết trong kỳ ÷ số hồ sơ đó (chỉ để theo dõi, không tính điểm).',
    formulaEn: 'Total days from acceptance to result of the dossiers finished in the period ÷ their number (informational, no points).',
    noteVi: null, noteEn: null,
    measure: (input) =>
      input.dossiers
        .filter((dossier) => isFinishedInPeriod(dossier, input.period))
        .map((dossier) => {
          const began = dossier.acceptedAt ?? dossier.submittedAt;
          const centidays = Math.round((((dossier.finishedAt as Date).getTime() - began.getTime()) / 86_400_000) * 100);
          return { kind: 'dossier', code: dossier.code, isMet: true, outcome: 'finished', fields: { ...dossierFields(dossier), acceptedAt: iso(began), days: centidays / 100 } };
        }),
    tally: (item) => ({ centidays: Math.round(Number(item.fields.days) * 100) }),
    ratio: (tally) => ({ numerator: round2(tally.centidays / 100), denominator: tally.all }),
  },
  // Online services (12)
  {
    code: '3.1', group: 'online_services', maxPoints: 4, fullPointsAt: 0.8, unit: 'share', itemKind: 'procedure',
    nameVi: 'Thủ tục cung cấp dịch vụ công trực tuyến', nameEn: 'Procedures offered online',
    formulaVi: 'Số thủ tục cung cấp dịch vụ công trực tuyến (toàn trình hoặc một phần) ÷ số thủ tục thuộc thẩm quyền × 100; đủ điểm khi ≥ 80 %, dưới đó tính tỷ lệ.',
    formulaEn: 'Procedures offered online (fully or partly) ÷ procedures under the agency’s authority × 100; full points at ≥ 80 %, pro rata below.',
    noteVi: 'Tỷ trọng điểm 4/12 của nhóm là cách chia của nền tảng.', noteEn: 'The 4-of-12 weight within the group is the platform’s split.',
    measure: (input) => procedureItems(input.procedures, () => true, () => ({ isMet: true, outcome: 'online' })),
  },
  {
    code: '3.1b', group: 'online_services', maxPoints: 0, fullPointsAt: null, unit: 'share', itemKind: 'procedure',
    nameVi: 'Thủ tục cung cấp dịch vụ công trực tuyến toàn trình', nameEn: 'Procedures offered fully online',
    formulaVi: 'Số thủ tục trực tuyến toàn trình ÷ số thủ tục thuộc thẩm quyền × 100 (chỉ để theo dõi).',
    formulaEn: 'Procedures offered fully online ÷ procedures under the agency’s authority × 100 (informational).',
    noteVi: 'Quyết định tính trên số thủ tục đủ điều kiện toàn trình; danh mục chưa lưu điều kiện này nên mẫu số là mọi thủ tục thuộc thẩm quyền.',
    noteEn: 'The decision divides by the procedures eligible for full online service; the catalogue does not record eligibility, so every procedure under the authority is the denominator.',
    measure: (input) => procedureItems(input.procedures, () => true, (procedure) => ({ isMet: procedure.onlineLevel === 'full', outcome: procedure.onlineLevel === 'full' ? 'full_online' : 'partial_online' })),
  },
  {
    code: '3.2', group: 'online_services', maxPoints: 2, fullPointsAt: 1, unit: 'share', itemKind: 'procedure',
    nameVi: 'Dịch vụ công trực tuyến có phát sinh hồ sơ', nameEn: 'Online services with at least one dossier',
    formulaVi: 'Số thủ tục trực tuyến có ít nhất một hồ sơ nộp trực tuyến tiếp nhận trong kỳ ÷ số thủ tục trực tuyến thuộc thẩm quyền × 100.',
    formulaEn: 'Online procedures with at least one online dossier received in the period ÷ online procedures under the agency’s authority × 100.',
    noteVi: 'Tỷ trọng điểm 2/12 của nhóm là cách chia của nền tảng.', noteEn: 'The 2-of-12 weight within the group is the platform’s split.',
    measure: (input) => onlineDossierProcedureItems(input.procedures, countByProcedure(input.dossiers, (dossier) => isFiledOnline(dossier, input.period))),
  },
  {
    code: '3.3', group: 'online_services', maxPoints: 6, fullPointsAt: 0.5, unit: 'share', itemKind: 'dossier',
    nameVi: 'Hồ sơ nộp trực tuyến', nameEn: 'Dossiers filed online',
    formulaVi:
      'Số hồ sơ tiếp nhận trực tuyến ÷ tổng số hồ sơ tiếp nhận trong kỳ × 100; hồ sơ của thủ tục yêu cầu kết quả giấy chỉ tính là trực tuyến khi có kết quả điện tử. Đủ điểm khi ≥ 50 %.',
    formulaEn:
      'Dossiers received online ÷ all dossiers received in the period × 100; a finished dossier of a procedure whose result is on paper counts as online only with an electronic result. Full points at ≥ 50 %.',
    noteVi: 'Không nhân với tỷ lệ đồng bộ lên Cổng Dịch vụ công quốc gia (nền tảng chưa đồng bộ). Tỷ trọng điểm 6/12 là cách chia của nền tảng.',
    noteEn: 'Not multiplied by the synchronisation rate to the national portal (the platform does not synchronise). The 6-of-12 weight is the platform’s split.',
    measure: (input) =>
      input.dossiers
        .filter((dossier) => isReceivedInPeriod(dossier, input.period))
        .map((dossier) => {
          const isFinished = dossier.finishedAt !== null && dossier.finishedAt < input.period.asOf;
          const lacksElectronicResult = isFinished && dossier.resultType === 'paper' && !dossier.hasElectronicResult;
          const isMet = dossier.channel === 'online' && !lacksElectronicResult;
          return { kind: 'dossier', code: dossier.code, isMet, outcome: dossier.channel !== 'online' ? `filed_${dossier.channel}` : lacksElectronicResult ? 'online_without_electronic_result' : 'filed_online', fields: { ...dossierFields(dossier), resultType: dossier.resultType, hasElectronicResult: dossier.hasElectronicResult } };
        }),
  },
  // Online payment (10)
  {
    code: '3.5', group: 'online_payment', maxPoints: 2, fullPointsAt: 0.8, unit: 'share', itemKind: 'procedure',
    nameVi: 'Thủ tục có phí đã tích hợp thanh toán trực tuyến', nameEn: 'Fee-bearing procedures integrated with online payment',
    formulaVi: 'Số thủ tục có phí, lệ phí đã tích hợp thanh toán trực tuyến ÷ số thủ tục có phí, lệ phí × 100; đủ điểm khi ≥ 80 %.',
    formulaEn: 'Fee-bearing procedures integrated with online payment ÷ fee-bearing procedures × 100; full points at ≥ 80 %.',
    noteVi: NOT_MEASURABLE.paymentIntegration.vi, noteEn: NOT_MEASURABLE.paymentIntegration.en,
  },
  {
    code: '3.5b', group: 'online_payment', maxPoints: 2, fullPointsAt: 1, unit: 'share', itemKind: 'procedure',
    nameVi: 'Thủ tục có phát sinh giao dịch thanh toán trực tuyến', nameEn: 'Procedures with online payments',
    formulaVi: 'Số thủ tục có phí có ít nhất một hồ sơ thanh toán trực tuyến trong kỳ ÷ số thủ tục có phí, lệ phí thuộc thẩm quyền × 100.',
    formulaEn: 'Fee-bearing procedures with at least one dossier paid online in the period ÷ fee-bearing procedures under the agency’s authority × 100.',
    noteVi: null, noteEn: null,
    measure: (input) => paidOnlineProcedureItems(input.procedures, countByProcedure(input.dossiers, (dossier) => isPaidOnline(dossier, input.period))),
  },
  {
    code: '3.6', group: 'online_payment', maxPoints: 6, fullPointsAt: 1, unit: 'share', itemKind: 'dossier',
    nameVi: 'Hồ sơ thanh toán trực tuyến', nameEn: 'Dossiers paid online',
    formulaVi: 'Số hồ sơ có phí đã thanh toán trực tuyến ÷ (số hồ sơ có phí, lệ phí tiếp nhận trong kỳ − hồ sơ mà mọi khoản phí bằng 0) × 100.',
    formulaEn: 'Fee-bearing dossiers paid online ÷ (fee-bearing dossiers received in the period − those whose every fee is 0) × 100.',
    noteVi: null, noteEn: null,
    measure: (input) =>
      input.dossiers
        .filter((dossier) => isReceivedInPeriod(dossier, input.period) && dossier.feeTotal > 0)
        .map((dossier) => ({
          kind: 'dossier',
          code: dossier.code,
          isMet: dossier.feePaidVia === 'online',
          outcome: dossier.feePaidVia === 'online' ? 'paid_online' : dossier.feePaidVia === 'desk' ? 'paid_at_desk' : 'not_paid',
          fields: { ...dossierFields(dossier), feeTotal: dossier.feeTotal, feePaidVia: dossier.feePaidVia, feePaidAt: iso(dossier.feePaidAt) },
        })),
  },
  // Satisfaction (18)
  {
    code: '5.1', group: 'satisfaction', maxPoints: 6, fullPointsAt: 1, unit: 'share', itemKind: 'report',
    nameVi: 'Phản ánh, kiến nghị được xử lý đúng hạn', nameEn: 'Feedback handled on time',
    formulaVi: 'Số phản ánh, kiến nghị xử lý đúng hạn, trước hạn ÷ số phản ánh, kiến nghị tiếp nhận thuộc phạm vi × 100.',
    formulaEn: 'Feedback handled on time or early ÷ feedback received in scope × 100.',
    noteVi: 'Phản ánh hiện trường do các đơn vị của cơ quan xử lý, tiếp nhận trong kỳ (trừ phản ánh bị gộp hoặc không tiếp nhận); phản ánh chưa trả lời được tính theo hạn xử lý.',
    noteEn: "Field reports handled by the agency's units and received in the period stand for feedback (merged and refused reports excluded); unanswered ones are judged on their deadline.",
    measure: (input) =>
      input.reports.filter(isReportInScope).map((report) => {
        const isMet = isReportOnTime(report, input.period.asOf);
        const isAnswered = report.resolvedAt !== null && report.resolvedAt < input.period.asOf;
        return { kind: 'report', code: report.code, isMet, outcome: `${isAnswered ? 'answered' : 'open'}_${isMet ? 'on_time' : 'late'}`, fields: { status: report.status, createdAt: iso(report.createdAt), dueAt: iso(report.dueAt), resolvedAt: iso(report.resolvedAt) } };
      }),
  },
  {
    code: '5.2', group: 'satisfaction', maxPoints: 6, fullPointsAt: 1, unit: 'share', itemKind: 'report',
    nameVi: 'Mức độ hài lòng về xử lý phản ánh, kiến nghị', nameEn: 'Satisfaction with the handling of feedback',
    formulaVi: '(Tổng số phản ánh, kiến nghị − số không hài lòng − số phản ánh lặp lại − số quá hạn) ÷ tổng số × 100.',
    formulaEn: '(All feedback − unsatisfied − repeated − overdue) ÷ all feedback × 100.',
    noteVi: 'Không hài lòng: người phản ánh chấm 1–2 sao; lặp lại: phản ánh bị mở lại; mỗi phản ánh chỉ bị trừ một lần.',
    noteEn: 'Unsatisfied: rated 1–2 stars by the reporter; repeated: reopened; each report is deducted at most once.',
    measure: (input) =>
      input.reports.filter(isReportInScope).map((report) => {
        const outcome = report.rating !== null && report.rating <= 2 ? 'unsatisfied' : report.reopenCount > 0 ? 'repeated' : !isReportOnTime(report, input.period.asOf) ? 'overdue' : 'satisfied';
        return { kind: 'report', code: report.code, isMet: outcome === 'satisfied', outcome, fields: { status: report.status, rating: report.rating, reopenCount: report.reopenCount, dueAt: iso(report.dueAt), resolvedAt: iso(report.resolvedAt) } };
      }),
  },
  {
    code: '5.4', group: 'satisfaction', maxPoints: 6, fullPointsAt: 0.9, unit: 'share', itemKind: 'dossier',
    nameVi: 'Mức độ hài lòng về giải quyết thủ tục hành chính', nameEn: 'Satisfaction with the handling of procedures',
    formulaVi: '100 % − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ có phản ánh hoặc đánh giá không hài lòng); đủ điểm khi ≥ 90 %.',
    formulaEn: '100 % − (overdue rate + rate of dossiers with a complaint or a "dislike"); full points at ≥ 90 %.',
    noteVi: 'Hồ sơ quá hạn theo chỉ số 2.1; không hài lòng: khảo sát chấm tiêu chí chung 1–2 điểm. Hai tỷ lệ được cộng như công thức.',
    noteEn: 'Overdue as in indicator 2.1; dislike: the survey’s overall criterion rated 1–2. The two rates are added, as the formula says.',
    measure: (input) =>
      input.dossiers.flatMap((dossier): ItemOutcome[] => {
        const progress = classifyProgress(dossier, input.period);
        if (progress === 'not_counted') return [];
        const isLate = !ON_TIME_OUTCOMES.has(progress);
        const isDislike = isDisliked(dossier.survey);
        const outcome = isLate && isDislike ? 'late_and_disliked' : isLate ? 'late' : isDislike ? 'disliked' : 'satisfied';
        return [{ kind: 'dossier', code: dossier.code, isMet: !isLate && !isDislike, outcome, fields: { ...dossierFields(dossier), progress, surveyOverall: dossier.survey?.overall ?? null } }];
      }),
    tally: (item) => ({
      late: item.outcome === 'late' || item.outcome === 'late_and_disliked' ? 1 : 0,
      disliked: item.outcome === 'disliked' || item.outcome === 'late_and_disliked' ? 1 : 0,
    }),
    ratio: (tally) => ({ numerator: Math.max(0, tally.all - tally.late - tally.disliked), denominator: tally.all }),
  },
  // Digitisation (22)
  {
    code: '4.1', group: 'digitisation', maxPoints: 6, fullPointsAt: 1, unit: 'share', itemKind: 'dossier',
    nameVi: 'Hồ sơ có kết quả điện tử', nameEn: 'Dossiers with an electronic result',
    formulaVi: 'Số hồ sơ giải quyết xong trong kỳ có kết quả điện tử ÷ số hồ sơ giải quyết xong của các thủ tục có kết quả là giấy tờ × 100.',
    formulaEn: 'Dossiers finished in the period with an electronic result ÷ dossiers finished of procedures whose result is a paper document × 100.',
    noteVi: null, noteEn: null,
    measure: (input) =>
      input.dossiers
        .filter((dossier) => isFinishedInPeriod(dossier, input.period) && dossier.resultType !== 'electronic')
        .map((dossier) => ({ kind: 'dossier', code: dossier.code, isMet: dossier.hasElectronicResult, outcome: dossier.hasElectronicResult ? 'electronic_result' : 'paper_only', fields: { ...dossierFields(dossier), resultType: dossier.resultType, hasElectronicResult: dossier.hasElectronicResult } })),
  },
  {
    code: '4.2', group: 'digitisation', maxPoints: 4, fullPointsAt: 0.8, unit: 'share', itemKind: 'dossier',
    nameVi: 'Hồ sơ được số hóa', nameEn: 'Dossiers digitised',
    formulaVi: 'Số hồ sơ giải quyết xong trong kỳ có cả thành phần hồ sơ và kết quả dạng điện tử ÷ số hồ sơ giải quyết xong × 100; đủ điểm khi ≥ 80 %.',
    formulaEn: 'Dossiers finished in the period whose components and result are both electronic files ÷ dossiers finished × 100; full points at ≥ 80 %.',
    noteVi: null, noteEn: null,
    measure: (input) =>
      input.dossiers
        .filter((dossier) => isFinishedInPeriod(dossier, input.period))
        .map((dossier) => {
          const isMet = dossier.componentFileCount > 0 && dossier.hasResultFile;
          return { kind: 'dossier', code: dossier.code, isMet, outcome: isMet ? 'digitised' : dossier.componentFileCount === 0 ? 'components_not_digitised' : 'result_not_digitised', fields: { ...dossierFields(dossier), componentFiles: dossier.componentFileCount, hasResultFile: dossier.hasResultFile } };
        }),
  },
  {
    code: '4.2b', group: 'digitisation', maxPoints: 2, fullPointsAt: 1, unit: 'share', itemKind: 'dossier',
    nameVi: 'Cấp bản sao điện tử từ bản chính', nameEn: 'Electronic certified copies from originals',
    formulaVi: 'Số hồ sơ có thành phần được chứng thực điện tử từ bản chính ÷ số hồ sơ tiếp nhận × 100.',
    formulaEn: 'Dossiers with components certified electronically from originals ÷ dossiers received × 100.',
    noteVi: NOT_MEASURABLE.certifiedCopies.vi, noteEn: NOT_MEASURABLE.certifiedCopies.en,
  },
  {
    code: '4.3', group: 'digitisation', maxPoints: 2, fullPointsAt: 0.8, unit: 'share', itemKind: 'dossier',
    nameVi: 'Tái sử dụng dữ liệu đã số hóa', nameEn: 'Reuse of digitised data',
    formulaVi: 'Số hồ sơ có ít nhất một thành phần được tái sử dụng ÷ số hồ sơ tiếp nhận × 100; đủ điểm khi ≥ 80 %.',
    formulaEn: 'Dossiers with at least one reused component ÷ dossiers received × 100; full points at ≥ 80 %.',
    noteVi: NOT_MEASURABLE.reuse.vi, noteEn: NOT_MEASURABLE.reuse.en,
  },
  {
    code: '4.4', group: 'digitisation', maxPoints: 4, fullPointsAt: 1, unit: 'share', itemKind: 'dossier',
    nameVi: 'Hồ sơ kết nối Kho dữ liệu của công dân', nameEn: "Dossiers linked to the citizen's data store",
    formulaVi: 'Số hồ sơ lấy thành phần từ Kho hoặc đẩy kết quả vào Kho ÷ số hồ sơ × 100.',
    formulaEn: 'Dossiers taking components from, or pushing results to, the data store ÷ dossiers × 100.',
    noteVi: NOT_MEASURABLE.dataStore.vi, noteEn: NOT_MEASURABLE.dataStore.en,
  },
  {
    code: '4.5a', group: 'digitisation', maxPoints: 2, fullPointsAt: 1, unit: 'share', itemKind: 'procedure',
    nameVi: 'Thủ tục khai thác Cơ sở dữ liệu quốc gia về dân cư', nameEn: 'Procedures using the Population Database',
    formulaVi: 'Số thủ tục sử dụng tài khoản VNeID hoặc khai thác dữ liệu dân cư ÷ số thủ tục × 100.',
    formulaEn: 'Procedures using VNeID accounts or population data ÷ procedures × 100.',
    noteVi: NOT_MEASURABLE.population.vi, noteEn: NOT_MEASURABLE.population.en,
  },
  {
    code: '4.5b', group: 'digitisation', maxPoints: 2, fullPointsAt: 1, unit: 'share', itemKind: 'dossier',
    nameVi: 'Hồ sơ khai thác Cơ sở dữ liệu quốc gia về dân cư', nameEn: 'Dossiers using the Population Database',
    formulaVi: 'Số hồ sơ nộp bằng tài khoản VNeID hoặc khai thác dữ liệu dân cư ÷ số hồ sơ × 100.',
    formulaEn: 'Dossiers filed with VNeID accounts or using population data ÷ dossiers × 100.',
    noteVi: NOT_MEASURABLE.population.vi, noteEn: NOT_MEASURABLE.population.en,
  },
  {
    code: 'DS', group: 'digitisation', maxPoints: 0, fullPointsAt: null, unit: 'share', itemKind: 'document',
    nameVi: 'Văn bản phát hành được ký số', nameEn: 'Issued documents digitally signed',
    formulaVi: 'Số văn bản phát hành trong kỳ có chữ ký số ÷ số văn bản phát hành × 100 (chỉ số của nền tảng, đặt cạnh nhóm số hóa, không tính điểm).',
    formulaEn: 'Documents issued in the period that carry a digital signature ÷ documents issued × 100 (a platform indicator beside the digitisation group, no points).',
    noteVi: null, noteEn: null,
    measure: (input) =>
      input.documents.map((document) => ({
        kind: 'document',
        code: document.numberSymbol,
        isMet: document.signatureCount > 0,
        outcome: document.signatureCount > 0 ? 'signed' : 'unsigned',
        fields: { id: document.id, kind: document.kind, issuedAt: iso(document.issuedAt), signatures: document.signatureCount },
      })),
  },
];

/** The definition of an indicator by its code, or undefined. */
export function findIndicator(code: string): IndicatorDefinition | undefined {
  return INDICATORS.find((indicator) => indicator.code === code);
}

/** The items behind one indicator (empty when it cannot be measured). */
export function indicatorItems(definition: IndicatorDefinition, input: Decision766Input): ItemOutcome[] {
  return definition.measure ? definition.measure(input) : [];
}

/** An indicator's tally from its items. */
export function tallyItems(definition: IndicatorDefinition, items: readonly ItemOutcome[]): Tally {
  const tally = emptyTally();
  for (const item of items) {
    tally.all += 1;
    if (item.isMet) tally.met += 1;
    const extra = definition.tally?.(item);
    if (extra) for (const key of TALLY_KEYS) tally[key] += extra[key] ?? 0;
  }
  return tally;
}

/** One indicator's figure and points from its tally; a null tally: the platform cannot measure it. */
export function scoreTally(definition: IndicatorDefinition, tally: Tally | null): IndicatorResult {
  if (!definition.measure || !tally) return { definition, measurable: false, numerator: null, denominator: null, value: null, points: null };
  const { numerator, denominator } = definition.ratio ? definition.ratio(tally) : { numerator: tally.met, denominator: tally.all };
  const value = denominator === 0 ? null : numerator / denominator;
  const points = value === null || definition.fullPointsAt === null ? null : pointsFor(value, definition.maxPoints, definition.fullPointsAt);
  return { definition, measurable: true, numerator, denominator, value, points };
}

/** One indicator's figure and points from its items. */
export function scoreIndicator(definition: IndicatorDefinition, input: Decision766Input): IndicatorResult {
  return scoreTally(definition, definition.measure ? tallyItems(definition, definition.measure(input)) : null);
}

export interface Decision766Result {
  indicators: IndicatorResult[];
  groups: { group: IndicatorGroup; maxPoints: number; measuredMaxPoints: number; points: number }[];
  total: number;
  maxPoints: number;
  measuredMaxPoints: number;
  band: RatingBand;
}

/** Every indicator from the tallies of the measurable ones (by code), the group totals, the 100-point total and its band. */
export function scoreFromTallies(tallies: ReadonlyMap<string, Tally>): Decision766Result {
  const indicators = INDICATORS.map((definition) => scoreTally(definition, definition.measure ? (tallies.get(definition.code) ?? emptyTally()) : null));
  const groups = (Object.keys(GROUP_MAX_POINTS) as IndicatorGroup[]).map((group) => {
    const members = indicators.filter((result) => result.definition.group === group);
    const scored = members.filter((result) => result.points !== null);
    return {
      group,
      maxPoints: GROUP_MAX_POINTS[group],
      measuredMaxPoints: scored.reduce((sum, result) => sum + result.definition.maxPoints, 0),
      points: round2(scored.reduce((sum, result) => sum + (result.points ?? 0), 0)),
    };
  });
  const total = round2(groups.reduce((sum, group) => sum + group.points, 0));
  return {
    indicators,
    groups,
    total,
    maxPoints: groups.reduce((sum, group) => sum + group.maxPoints, 0),
    measuredMaxPoints: groups.reduce((sum, group) => sum + group.measuredMaxPoints, 0),
    band: ratingBand(total),
  };
}

/** Every indicator, the group totals, the 100-point total and its band, from the items themselves. */
export function scoreDecision766(input: Decision766Input): Decision766Result {
  return scoreFromTallies(new Map(INDICATORS.filter((definition) => definition.measure).map((definition) => [definition.code, tallyItems(definition, indicatorItems(definition, input))])));
}

// ---------------------------------------------------------------- the same figures from daily aggregates

/**
 * Kept per agency and local day, so that scoring reads a few thousand sums instead of every item of the period: the
 * tallies of the indicators whose items are dossiers or reports, and, by procedure, the dossiers filed online (3.2) and
 * paid online (3.5b). An item adds what the rules say of it "judged after everything" (asOf at the end of time) on
 * the day that puts it in a period: its finish (2.1, 5.4), its result (2.2, 4.1, 4.2), its receipt (3.3, 3.6), its
 * filing (5.1, 5.2), its payment (3.5b). For an item finished before a period's asOf that is exactly what the rules
 * say of it within the period. The others, items still open at asOf (a small set: the stock being handled), are
 * judged when the figure is asked for: what they hold in the aggregates is taken back and their verdict at asOf put in
 * its place (`scoreFromAggregates`). An item still open adds nothing to the figures that judge open items at asOf.
 */
export const AGGREGATED_INDICATORS = ['2.1', '2.2', '3.3', '3.6', '4.1', '4.2', '5.1', '5.2', '5.4'] as const;
export const DECISION_766_METRIC_PREFIX = '766:';
const metricOf = (code: string, key: string) => `${DECISION_766_METRIC_PREFIX}${code}:${key}`;
const PROCEDURE_METRIC = { '3.2': metricOf('3.2', 'procedure:'), '3.5b': metricOf('3.5b', 'procedure:') } as const;

/** A period covering all time and judged after it: an item's verdicts once nothing about it can change. */
export const EVER: Period = { from: '0001-01-01', to: '9999-12-31', start: new Date(-8.64e15), end: new Date(8.64e15), asOf: new Date(8.64e15) };

/** [local day YYYY-MM-DD, metric, value]. */
export type DayTally = [string, string, number];

function addTallies(out: DayTally[], code: (typeof AGGREGATED_INDICATORS)[number], day: string, input: Decision766Input): void {
  const definition = findIndicator(code) as IndicatorDefinition;
  const tally = tallyItems(definition, indicatorItems(definition, input));
  for (const key of TALLY_KEYS) if (tally[key] !== 0) out.push([day, metricOf(code, key), tally[key]]);
}

/** What one dossier adds to the daily Decision 766 aggregates of its agency. */
export function dossierDayTallies(dossier: DossierInput, dayOf: (instant: Date) => string): DayTally[] {
  const input: Decision766Input = { period: EVER, dossiers: [dossier], procedures: [], reports: [], documents: [] };
  const out: DayTally[] = [];
  const finish = finishOf(dossier);
  if (finish) for (const code of ['2.1', '5.4'] as const) addTallies(out, code, dayOf(finish), input);
  if (dossier.finishedAt) for (const code of ['2.2', '4.1', '4.2'] as const) addTallies(out, code, dayOf(dossier.finishedAt), input);
  for (const code of ['3.3', '3.6'] as const) addTallies(out, code, dossier.receivedOn, input);
  if (isFiledOnline(dossier, EVER)) out.push([dossier.receivedOn, `${PROCEDURE_METRIC['3.2']}${dossier.procedureCode}`, 1]);
  if (isPaidOnline(dossier, EVER)) out.push([dayOf(dossier.feePaidAt as Date), `${PROCEDURE_METRIC['3.5b']}${dossier.procedureCode}`, 1]);
  return out;
}

/** What one report adds to the daily Decision 766 aggregates of its unit: nothing until it is answered. */
export function reportDayTallies(report: ReportInput, dayOf: (instant: Date) => string): DayTally[] {
  if (report.resolvedAt === null) return [];
  const input: Decision766Input = { period: EVER, dossiers: [], procedures: [], reports: [report], documents: [] };
  const out: DayTally[] = [];
  for (const code of ['5.1', '5.2'] as const) addTallies(out, code, dayOf(report.createdAt), input);
  return out;
}

/** Day tallies summed by metric over the period's days. */
export function sumDayTallies(tallies: Iterable<DayTally>, period: Pick<Period, 'from' | 'to'>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [day, metric, value] of tallies) if (day >= period.from && day <= period.to) sums.set(metric, (sums.get(metric) ?? 0) + value);
  return sums;
}

/**
 * Open reports as the database counts them: grouped by what the rules read of a report besides its code and creation
 * (all created in the period): its status, rating and reopenings, and how its deadline and answer stand to asOf and to
 * each other. `isResolvedBefore` and `isResolvedOnTime` are null for a report not answered.
 */
export interface OpenReportClass {
  status: string;
  rating: number | null;
  reopenCount: number;
  /** due < asOf */
  isDueBefore: boolean;
  /** answered < asOf */
  isResolvedBefore: boolean | null;
  /** answered ≤ due */
  isResolvedOnTime: boolean | null;
  count: number;
}

/**
 * A report of the class: created at the period's start, its deadline and answer placed around asOf so that every
 * comparison the rules make (deadline and answer with asOf, answer with deadline) comes out as the class says.
 */
export function reportOfClass(openClass: OpenReportClass, period: Period): ReportInput {
  const at = (ms: number) => new Date(period.asOf.getTime() + ms);
  let resolvedAt: Date | null = null;
  let dueAt: Date;
  if (openClass.isResolvedBefore === null) dueAt = at(openClass.isDueBefore ? -1 : 0);
  else if (openClass.isResolvedBefore) {
    resolvedAt = at(-2);
    dueAt = openClass.isResolvedOnTime ? (openClass.isDueBefore ? resolvedAt : at(0)) : at(-3);
  } else {
    resolvedAt = at(2);
    dueAt = openClass.isResolvedOnTime ? resolvedAt : at(openClass.isDueBefore ? -1 : 0);
  }
  return { code: '', status: openClass.status, createdAt: period.start, dueAt, resolvedAt, rating: openClass.rating, reopenCount: openClass.reopenCount };
}

export interface Decision766Aggregates {
  period: Period;
  /** The daily aggregates' sums over the period's days and the scope's agencies, by metric. */
  sums: ReadonlyMap<string, number>;
  /** The city's local day of an instant, as the aggregates use it. */
  dayOf: (instant: Date) => string;
  /** The items still open at asOf: dossiers received by the period's end and not finished before asOf, reports filed in the period and not answered before asOf. */
  openDossiers: DossierInput[];
  openReports: ReportInput[];
  /** More open reports, counted by class rather than read one by one (the same rules, weighted by each class's count). */
  openReportClasses?: readonly OpenReportClass[];
  procedures: ProcedureInput[];
  /** Documents issued in the period (all) and those digitally signed (met). */
  documents: Tally;
}

/** The score from the daily aggregates, with the open items judged at asOf: equal to `scoreDecision766` on every item. */
export function scoreFromAggregates(parts: Decision766Aggregates): Decision766Result {
  const tallies = new Map<string, Tally>();
  const counts = { '3.2': new Map<string, number>(), '3.5b': new Map<string, number>() };
  const take = (sums: ReadonlyMap<string, number>, sign: 1 | -1) => {
    for (const [metric, value] of sums) {
      if (!metric.startsWith(DECISION_766_METRIC_PREFIX)) continue;
      const procedureKind = metric.startsWith(PROCEDURE_METRIC['3.2']) ? '3.2' : metric.startsWith(PROCEDURE_METRIC['3.5b']) ? '3.5b' : null;
      if (procedureKind) {
        // Open items keep their procedure counts: filing and payment do not depend on the moment of judgement.
        if (sign === 1) counts[procedureKind].set(metric.slice(PROCEDURE_METRIC[procedureKind].length), value);
        continue;
      }
      const [code, key] = metric.slice(DECISION_766_METRIC_PREFIX.length).split(':') as [string, keyof Tally];
      const tally = tallies.get(code) ?? emptyTally();
      tally[key] += sign * value;
      tallies.set(code, tally);
    }
  };
  take(parts.sums, 1);
  // What the open items hold in the sums is what their facts give judged after everything (the aggregation recorded
  // it from the same facts): taken back, and replaced by their verdicts at asOf.
  const classes = (parts.openReportClasses ?? []).map((openClass) => ({ report: reportOfClass(openClass, parts.period), count: openClass.count }));
  take(
    sumDayTallies(
      [
        ...parts.openDossiers.flatMap((dossier) => dossierDayTallies(dossier, parts.dayOf)),
        ...parts.openReports.flatMap((report) => reportDayTallies(report, parts.dayOf)),
        ...classes.flatMap(({ report, count }) => reportDayTallies(report, parts.dayOf).map(([day, metric, value]): DayTally => [day, metric, value * count])),
      ],
      parts.period,
    ),
    -1,
  );
  const open: Decision766Input = { period: parts.period, dossiers: parts.openDossiers, procedures: [], reports: parts.openReports, documents: [] };
  for (const code of AGGREGATED_INDICATORS) {
    const definition = findIndicator(code) as IndicatorDefinition;
    const tally = tallies.get(code) ?? emptyTally();
    const verdicts = tallyItems(definition, indicatorItems(definition, open));
    for (const key of TALLY_KEYS) tally[key] += verdicts[key];
    // A class's verdicts are one report's, times its count (tallies add up item by item).
    if (definition.itemKind === 'report') {
      for (const { report, count } of classes) {
        const one = tallyItems(definition, indicatorItems(definition, { ...open, dossiers: [], reports: [report] }));
        for (const key of TALLY_KEYS) tally[key] += one[key] * count;
      }
    }
    tallies.set(code, tally);
  }
  const procedures: Decision766Input = { ...open, dossiers: [], reports: [], procedures: parts.procedures };
  for (const code of ['3.1', '3.1b'] as const) {
    const definition = findIndicator(code) as IndicatorDefinition;
    tallies.set(code, tallyItems(definition, indicatorItems(definition, procedures)));
  }
  tallies.set('3.2', tallyItems(findIndicator('3.2') as IndicatorDefinition, onlineDossierProcedureItems(parts.procedures, counts['3.2'])));
  tallies.set('3.5b', tallyItems(findIndicator('3.5b') as IndicatorDefinition, paidOnlineProcedureItems(parts.procedures, counts['3.5b'])));
  tallies.set('DS', parts.documents);
  return scoreFromTallies(tallies);
}
