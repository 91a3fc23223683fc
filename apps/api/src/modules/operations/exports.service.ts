/**
 * The operations figures as files to keep or send on: the Decision 766 table of an agency and the monthly unit
 * scorecards, each as CSV (UTF-8 with BOM, Vietnamese headers, CRLF, so spreadsheet programs open it as is) and as a
 * PDF report. The figures are the JSON answers' own (same services, same access rules); this only lays them out.
 */
import type { Decision766Score, IndicatorGroup, RatingBand, ScorecardFigure, UnitScorecardList } from '@onecity/contracts';
import type { AppContext } from '../../core/context.ts';
import { renderTableReport, type TableRow } from '../../core/pdf/table-report.ts';

const GROUP_NAMES_VI: Record<IndicatorGroup, string> = {
  publicity: 'Công khai, minh bạch',
  progress: 'Tiến độ giải quyết',
  online_services: 'Dịch vụ công trực tuyến',
  online_payment: 'Thanh toán trực tuyến',
  satisfaction: 'Mức độ hài lòng',
  digitisation: 'Số hóa hồ sơ',
};

const BAND_NAMES_VI: Record<RatingBand, string> = { excellent: 'Xuất sắc', good: 'Tốt', fair: 'Khá', average: 'Trung bình', weak: 'Yếu' };

const KIND_NAMES_VI: Record<string, string> = { department: 'Sở, ngành', ward: 'Phường, xã', unit: 'Phòng, đơn vị trực thuộc', service_unit: 'Đơn vị sự nghiệp, dịch vụ' };

// ---------------------------------------------------------------- CSV

/**
 * One CSV cell: numbers as they are (dot decimals, at most 4 places), text quoted. Text that a spreadsheet would take
 * for a formula (=, +, -, @ first) is prefixed with an apostrophe, so a name can never run as one.
 */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 10_000) / 10_000);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

function csv(rows: (string | number | null)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const DECISION_766_CSV_HEADERS = ['Mã cơ quan', 'Cơ quan', 'Từ ngày', 'Đến ngày', 'Nhóm chỉ số', 'Mã chỉ số', 'Tên chỉ số', 'Công thức', 'Đo được', 'Tử số', 'Mẫu số', 'Giá trị', 'Điểm', 'Điểm tối đa', 'Xếp loại'];

/** The Decision 766 score as CSV: one line per indicator, then one per group and the total with the band. */
export function decision766Csv(score: Decision766Score): string {
  const head = [score.agency.code, score.agency.nameVi, score.from, score.to];
  const rows: (string | number | null)[][] = [DECISION_766_CSV_HEADERS];
  for (const indicator of score.indicators) {
    rows.push([...head, GROUP_NAMES_VI[indicator.group], indicator.code, indicator.nameVi, indicator.formulaVi, indicator.measurable ? 'Có' : 'Không', indicator.numerator, indicator.denominator, indicator.value, indicator.points, indicator.maxPoints, null]);
  }
  for (const group of score.groups) rows.push([...head, GROUP_NAMES_VI[group.group], null, `Cộng nhóm: ${GROUP_NAMES_VI[group.group]}`, null, null, null, null, null, group.points, group.maxPoints, null]);
  rows.push([...head, null, null, 'Tổng điểm', null, null, null, null, null, score.total, score.maxPoints, BAND_NAMES_VI[score.band]]);
  return csv(rows);
}

/** The unit scorecards as CSV: one line per unit with its rank, score and, per measure, the value, numerator and denominator. */
export function unitScorecardsCsv(list: UnitScorecardList): string {
  const measures = list.definitions.measures;
  const headers = ['Tháng', 'Loại đơn vị', 'Mã đơn vị', 'Đơn vị', 'Hạng', 'Số đơn vị cùng loại', 'Điểm tổng hợp', ...measures.flatMap((measure) => [measure.nameVi, `${measure.nameVi} (tử số)`, `${measure.nameVi} (mẫu số)`])];
  const rows: (string | number | null)[][] = [headers];
  for (const unit of list.items) {
    const figures = measures.flatMap(({ measure }) => {
      const figure = unit.figures.find((candidate) => candidate.measure === measure);
      return [figure?.value ?? null, figure?.numerator ?? null, figure?.denominator ?? null];
    });
    rows.push([list.month, KIND_NAMES_VI[list.kind] ?? list.kind, unit.agency.code, unit.agency.nameVi, unit.rank, unit.peers, unit.score, ...figures]);
  }
  return csv(rows);
}

// ---------------------------------------------------------------- PDF

const number = (value: number, digits = 2) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(value);
const percent = (value: number) => new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(value);
const localDate = (date: string) => date.split('-').reverse().join('/');

function localDateTime(ctx: AppContext, instant: Date): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone: ctx.config.officeHours.timeZone, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' }).format(instant);
}

/** The Decision 766 score as a PDF report: agency, period, every indicator's figure and points by group, the total and band. */
export function decision766Pdf(ctx: AppContext, score: Decision766Score, now = new Date()): Promise<Uint8Array> {
  const rows: TableRow[] = [];
  for (const [index, group] of score.groups.entries()) {
    rows.push({ section: `${index + 1}. ${GROUP_NAMES_VI[group.group]} — ${number(group.points)}/${number(group.maxPoints)} điểm` });
    for (const indicator of score.indicators.filter((candidate) => candidate.group === group.group)) {
      const value = !indicator.measurable ? 'Chưa đo được' : indicator.value === null ? 'Không có dữ liệu' : indicator.unit === 'days' ? `${number(indicator.value)} ngày` : percent(indicator.value);
      const ratio = indicator.numerator === null || indicator.denominator === null ? '—' : `${number(indicator.numerator)}/${number(indicator.denominator)}`;
      const points = indicator.fullPointsAt === null ? 'Theo dõi' : indicator.points === null ? '—' : number(indicator.points);
      rows.push({ cells: [indicator.code, indicator.nameVi, ratio, value, points, number(indicator.maxPoints)] });
    }
  }
  rows.push({ cells: ['', 'Tổng điểm', '', `Xếp loại: ${BAND_NAMES_VI[score.band]}`, number(score.total), number(score.maxPoints)], isBold: true });
  return renderTableReport({
    title: 'Bộ chỉ số phục vụ người dân, doanh nghiệp',
    subtitle: 'Theo Quyết định 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ',
    facts: [
      { label: 'Cơ quan, đơn vị', value: `${score.agency.nameVi} (${score.agency.code})` },
      { label: 'Kỳ đánh giá', value: `từ ${localDate(score.from)} đến ${localDate(score.to)}` },
      { label: 'Tổng điểm', value: `${number(score.total)}/${number(score.maxPoints)} điểm — xếp loại ${BAND_NAMES_VI[score.band]}` },
    ],
    columns: [
      { header: 'Chỉ số', width: 7 },
      { header: 'Tên chỉ số', width: 45 },
      { header: 'Tử số/mẫu số', width: 13, align: 'right' },
      { header: 'Giá trị', width: 13, align: 'right' },
      { header: 'Điểm', width: 11, align: 'right' },
      { header: 'Điểm tối đa', width: 11, align: 'right' },
    ],
    rows,
    notes: [
      `Nền tảng đo được các chỉ số có tổng ${number(score.measuredMaxPoints)}/${number(score.maxPoints)} điểm; chỉ số chưa đo được không có điểm.`,
      'Ngưỡng xếp loại (90/80/70/50) là ngưỡng thường dùng, chưa đối chiếu văn bản chính thức.',
      `Hồ sơ, phản ánh đang xử lý được xét tại thời điểm ${localDateTime(ctx, new Date(score.asOf))}.`,
    ],
    footer: `OneCity · Bộ chỉ số 766 · ${score.agency.nameVi} · lập lúc ${localDateTime(ctx, now)}`,
    author: score.agency.nameVi,
    createdAt: now,
  });
}

/** A scorecard figure as the report shows it: counts as counts, ratings out of 5, shares as percentages. */
function figureText(figure: ScorecardFigure | undefined): string {
  if (!figure || figure.value === null) return '—';
  if (figure.measure === 'handled' || figure.measure === 'overdue') return number(figure.value, 0);
  if (figure.measure === 'ratings') return `${number(figure.value)}/5`;
  return percent(figure.value);
}

/** The unit scorecards of a month as a PDF report: rank, unit, composite score and every measure, with the formula. */
export function unitScorecardsPdf(ctx: AppContext, list: UnitScorecardList, now = new Date()): Promise<Uint8Array> {
  const measures = list.definitions.measures;
  const [year, month] = list.month.split('-');
  return renderTableReport({
    title: 'Đánh giá kết quả giải quyết công việc của đơn vị',
    subtitle: `Tháng ${Number(month)}/${year}`,
    facts: [
      { label: 'Loại đơn vị', value: KIND_NAMES_VI[list.kind] ?? list.kind },
      { label: 'Cách tính điểm', value: list.definitions.formulaVi },
    ],
    columns: [
      { header: 'Hạng', width: 7, align: 'center' },
      { header: 'Đơn vị', width: 25 },
      { header: 'Điểm tổng hợp', width: 9, align: 'right' },
      ...measures.map((measure) => ({ header: measure.nameVi, width: 59 / measures.length, align: 'right' as const })),
    ],
    rows: list.items.map((unit) => ({
      cells: [unit.rank === null ? '—' : `${unit.rank}/${unit.peers}`, unit.agency.nameVi, unit.score === null ? '—' : number(unit.score, 1), ...measures.map(({ measure }) => figureText(unit.figures.find((figure) => figure.measure === measure)))],
    })),
    notes: measures.map((measure) => `${measure.nameVi}: ${measure.definitionVi}`),
    footer: `OneCity · Đánh giá đơn vị tháng ${Number(month)}/${year} · lập lúc ${localDateTime(ctx, now)}`,
    author: 'OneCity',
    createdAt: now,
  });
}
