/**
 * The city's headline figures for the public statistics page: each a numerator over a denominator with its written
 * definition, computed from the same facts as Decision 766 and with the same rules where they overlap (on-time
 * dossiers are indicator 2.1's; dossiers filed online are the DVCQG statistics' received-online share). Pure.
 */
import type { FigureDefinition, HeadlineFigure, HeadlineFigureKey } from '@onecity/contracts';
import { classifyProgress, type DossierInput, type DocumentInput, type Period, type ProcedureInput, type ReportInput } from './decision-766.ts';

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
    definitionVi: 'Số phiếu khảo sát gửi trong kỳ chấm tiêu chí "hài lòng chung" 4–5 điểm ÷ số phiếu khảo sát gửi trong kỳ (về hồ sơ được giải quyết trong kỳ).',
    definitionEn: 'Surveys sent in the period rating "overall" 4–5 of 5 ÷ surveys sent in the period (about dossiers handled in the period).',
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

export interface HeadlineInput {
  period: Period;
  procedures: ProcedureInput[];
  dossiers: (DossierInput & { surveyAt: Date | null })[];
  reports: ReportInput[];
  documents: DocumentInput[];
}

function figure(key: HeadlineFigureKey, items: readonly unknown[], isMet: (item: never) => boolean): HeadlineFigure {
  const numerator = items.filter((item) => isMet(item as never)).length;
  return { key, numerator, denominator: items.length, value: items.length === 0 ? null : numerator / items.length };
}

/** Every headline figure over the given facts (already narrowed to one agency, or the whole city). */
export function computeHeadlineFigures(input: HeadlineInput): HeadlineFigure[] {
  const { period } = input;
  const received = input.dossiers.filter((d) => d.status !== 1 && d.status !== 3 && d.receivedOn >= period.from && d.receivedOn <= period.to);
  const progress = input.dossiers.map((d) => classifyProgress(d, period)).filter((outcome) => outcome !== 'not_counted');
  const surveys = input.dossiers.filter((d) => d.survey !== null && d.surveyAt !== null && d.surveyAt >= period.start && d.surveyAt < period.asOf);
  const inScope = input.reports.filter((r) => r.status !== 'merged' && r.status !== 'rejected');
  const answered = inScope.filter((r) => r.resolvedAt !== null && r.resolvedAt < period.asOf);
  const rated = input.reports.filter((r) => r.rating !== null);
  return [
    figure('proceduresOnline', input.procedures, (p: ProcedureInput) => p.onlineLevel === 'full' || p.onlineLevel === 'partial'),
    figure('proceduresFullyOnline', input.procedures, (p: ProcedureInput) => p.onlineLevel === 'full'),
    figure('dossiersFiledOnline', received, (d: DossierInput) => d.channel === 'online'),
    figure('dossiersOnTime', progress, (outcome: string) => outcome === 'done_on_time' || outcome === 'supplement_on_time' || outcome === 'in_progress_in_time'),
    figure('documentsSigned', input.documents, (d: DocumentInput) => d.signatureCount > 0),
    figure('reportsSatisfied', rated, (r: ReportInput) => (r.rating ?? 0) >= 4),
    figure('surveysSatisfied', surveys, (d: DossierInput) => (d.survey?.overall ?? 0) >= 4),
    figure('reportsHandled', inScope, (r: ReportInput) => r.resolvedAt !== null && r.resolvedAt < period.asOf),
    figure('reportsOnTime', answered, (r: ReportInput) => (r.resolvedAt as Date) <= r.dueAt),
  ];
}
