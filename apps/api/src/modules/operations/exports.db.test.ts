/**
 * The operations figures as files, against the demo city: the Decision 766 table and the unit scorecards as CSV (read
 * back and compared with the JSON answers) and as PDF (read back with poppler's pdftotext), under the JSON answers'
 * access rules; and the list of a unit's officials its leads open scorecards from.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';
import { DECISION_766_CSV_HEADERS } from './exports.service.ts';
import { applyNewEvents } from './index.ts';

let t: TestApp;
const tokens: Record<string, string> = {};

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const daysAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const month = () => today().slice(0, 7);
const viNumber = (value: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, login] of Object.entries({
    ioc: 'ioc@demo.onecity.local',
    citizen: 'citizen@demo.onecity.local',
    wardLead: 'ward.lead@demo.onecity.local',
    unitLead: 'unit.lead@demo.onecity.local',
    wardOfficer: 'ward.officer@demo.onecity.local',
  })) {
    tokens[name] = await loginToken(t.app, login);
  }
  await applyNewEvents(t.app.ctx);
});
afterAll(async () => t?.dispose());

const get = (url: string, who?: string) => t.app.inject({ method: 'GET', url, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });

/** Reads CSV back (RFC 4180: quoted cells with doubled quotes, CRLF between records). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') isQuoted = false;
      else cell += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += char;
  }
  if (cell || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The text of a PDF as poppler extracts it, with runs of white space made single spaces. */
function pdfText(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'operations-export-')), 'report.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the Decision 766 table as files', () => {
  const query = () => `agencyCode=PHUXUAN&from=${daysAfter(today(), -30)}&to=${daysAfter(today(), 12)}`;

  it('is a CSV with Vietnamese headers holding the same figures as the JSON', async () => {
    const score = (await get(`/api/v1/operations/decision-766?${query()}`, 'ioc')).json();
    const response = await get(`/api/v1/operations/decision-766.csv?${query()}`, 'ioc');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="chi-so-766-PHUXUAN-${score.from}-${score.to}.csv"`);
    expect(response.body.startsWith('\uFEFF"Mã cơ quan","Cơ quan",')).toBe(true);
    const [headers, ...rows] = parseCsv(response.body.slice(1));
    expect(headers).toEqual(DECISION_766_CSV_HEADERS);
    const column = (name: string) => (headers as string[]).indexOf(name);
    const indicatorRows = rows.filter((row) => row[column('Mã chỉ số')] !== '');
    expect(indicatorRows).toHaveLength(score.indicators.length);
    for (const indicator of score.indicators) {
      const row = indicatorRows.find((candidate) => candidate[column('Mã chỉ số')] === indicator.code) as string[];
      expect(row[column('Tên chỉ số')]).toBe(indicator.nameVi);
      expect(row[column('Mã cơ quan')]).toBe('PHUXUAN');
      expect(row[column('Cơ quan')]).toBe('Phường Phú Xuân');
      expect(row[column('Tử số')]).toBe(indicator.numerator === null ? '' : String(indicator.numerator));
      expect(row[column('Mẫu số')]).toBe(indicator.denominator === null ? '' : String(indicator.denominator));
      expect(row[column('Điểm')] === '' ? null : Number(row[column('Điểm')])).toBe(indicator.points);
      expect(row[column('Đo được')]).toBe(indicator.measurable ? 'Có' : 'Không');
    }
    const onTime = indicatorRows.find((row) => row[column('Mã chỉ số')] === '2.1') as string[];
    expect([onTime[column('Nhóm chỉ số')], onTime[column('Tử số')], onTime[column('Mẫu số')], onTime[column('Điểm')]]).toEqual(['Tiến độ giải quyết', '5', '6', '16.67']);
    const total = rows.find((row) => row[column('Tên chỉ số')] === 'Tổng điểm') as string[];
    expect(Number(total[column('Điểm')])).toBeCloseTo(score.total, 4);
    expect(total[column('Điểm tối đa')]).toBe('100');
    expect(total[column('Xếp loại')]).toBe({ excellent: 'Xuất sắc', good: 'Tốt', fair: 'Khá', average: 'Trung bình', weak: 'Yếu' }[score.band as string]);
    expect(rows.filter((row) => row[column('Tên chỉ số')]?.startsWith('Cộng nhóm: '))).toHaveLength(6);
  });

  it('is a PDF report with the agency, the period, every indicator by name, its points and the total', async () => {
    const score = (await get(`/api/v1/operations/decision-766?${query()}`, 'ioc')).json();
    const response = await get(`/api/v1/operations/decision-766.pdf?${query()}`, 'ioc');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP');
    expect(text).toContain('Phường Phú Xuân (PHUXUAN)');
    expect(text).toContain(`từ ${score.from.split('-').reverse().join('/')} đến ${score.to.split('-').reverse().join('/')}`);
    for (const name of ['Hồ sơ giải quyết đúng hạn, trước hạn', 'Phản ánh, kiến nghị được xử lý đúng hạn', 'Hồ sơ nộp trực tuyến', 'Văn bản phát hành được ký số', 'Tiến độ giải quyết', 'Số hóa hồ sơ']) expect(text).toContain(name);
    expect(text).toContain('5/6');
    expect(text).toContain('16,67');
    expect(text).toContain(`Tổng điểm: ${viNumber(score.total)}/100 điểm`);
  });

  it('follows the JSON answer’s access rules and refuses bad periods with a 4xx', async () => {
    const to = today();
    for (const format of ['csv', 'pdf']) {
      expect((await get(`/api/v1/operations/decision-766.${format}?agencyCode=PHUXUAN&from=${to}&to=${to}`, 'citizen')).statusCode).toBe(403);
      expect((await get(`/api/v1/operations/decision-766.${format}?agencyCode=PHUXUAN&from=${to}&to=${to}`)).statusCode).toBe(401);
      expect((await get(`/api/v1/operations/decision-766.${format}?agencyCode=SXD&from=${to}&to=${to}`, 'wardLead')).statusCode).toBe(403);
      expect((await get(`/api/v1/operations/decision-766.${format}?agencyCode=PHUXUAN&from=${to}&to=${to}`, 'wardLead')).statusCode).toBe(200);
      const reversed = await get(`/api/v1/operations/decision-766.${format}?agencyCode=PHUXUAN&from=${to}&to=${daysAfter(to, -1)}`, 'ioc');
      expect(reversed.statusCode).toBe(400);
      expect(reversed.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(reversed.json().errors[0].field).toBe('query.from');
      expect((await get(`/api/v1/operations/decision-766.${format}?agencyCode=NOWHERE&from=${to}&to=${to}`, 'ioc')).statusCode).toBe(404);
      expect((await get(`/api/v1/operations/decision-766.${format}?agencyCode=PHUXUAN&from=yesterday&to=${to}`, 'ioc')).statusCode).toBe(400);
    }
  });
});

describe('the unit scorecards as files', () => {
  it('are a CSV and a PDF of the units the caller may read, with the same figures as the JSON', async () => {
    const list = (await get(`/api/v1/operations/scorecards/units?month=${month()}&kind=ward`, 'wardLead')).json();
    const ward = list.items[0];
    expect(ward.agency.code).toBe('PHUXUAN');

    const response = await get(`/api/v1/operations/scorecards/units.csv?month=${month()}&kind=ward`, 'wardLead');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="danh-gia-don-vi-ward-${month()}.csv"`);
    expect(response.body.charCodeAt(0)).toBe(0xfeff);
    const [headers, ...rows] = parseCsv(response.body.slice(1));
    expect(headers?.slice(0, 7)).toEqual(['Tháng', 'Loại đơn vị', 'Mã đơn vị', 'Đơn vị', 'Hạng', 'Số đơn vị cùng loại', 'Điểm tổng hợp']);
    expect(headers).toContain('Tỷ lệ đúng hạn (mẫu số)');
    // A ward lead reads his own ward only, still ranked among the 40.
    expect(rows).toHaveLength(1);
    const row = rows[0] as string[];
    const cell = (name: string) => row[(headers as string[]).indexOf(name)];
    expect([cell('Mã đơn vị'), cell('Đơn vị'), cell('Loại đơn vị'), cell('Số đơn vị cùng loại')]).toEqual(['PHUXUAN', 'Phường Phú Xuân', 'Phường, xã', '40']);
    expect(cell('Hạng')).toBe(ward.rank === null ? '' : String(ward.rank));
    for (const measure of list.definitions.measures) {
      const figure = ward.figures.find((candidate: { measure: string }) => candidate.measure === measure.measure);
      expect(cell(`${measure.nameVi} (tử số)`)).toBe(String(figure.numerator));
      expect(cell(`${measure.nameVi} (mẫu số)`)).toBe(String(figure.denominator));
    }
    const all = parseCsv((await get(`/api/v1/operations/scorecards/units.csv?month=${month()}&kind=ward`, 'ioc')).body.slice(1));
    expect(all).toHaveLength(41);

    const pdf = await get(`/api/v1/operations/scorecards/units.pdf?month=${month()}&kind=ward`, 'wardLead');
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('ĐÁNH GIÁ KẾT QUẢ GIẢI QUYẾT CÔNG VIỆC CỦA ĐƠN VỊ');
    expect(text).toContain(`Tháng ${Number(month().slice(5))}/${month().slice(0, 4)}`);
    expect(text).toContain('Phường Phú Xuân');
    expect(text).toContain('70 × tỷ lệ đúng hạn');
    for (const measure of list.definitions.measures) expect(text).toContain(`${measure.nameVi}:`);
  });

  it('follow the JSON answer’s access rules', async () => {
    expect((await get(`/api/v1/operations/scorecards/units.csv?month=${month()}&kind=ward`, 'citizen')).statusCode).toBe(403);
    expect((await get(`/api/v1/operations/scorecards/units.pdf?month=${month()}&kind=department`, 'wardLead')).statusCode).toBe(403);
    expect((await get(`/api/v1/operations/scorecards/units.pdf?month=2026-13&kind=ward`, 'ioc')).statusCode).toBe(400);
  });
});

describe("a unit's officials", () => {
  it('are listed for the unit’s leads and overseers, who may open each one’s scorecard', async () => {
    const response = await get('/api/v1/operations/scorecards/units/PHUXUAN/officials', 'wardLead');
    expect(response.statusCode, response.body).toBe(200);
    const officials = response.json();
    expect(officials.agency.code).toBe('PHUXUAN');
    expect(officials.items.map((official: { fullName: string }) => official.fullName)).toEqual(expect.arrayContaining(['Trần Văn Bình', 'Ngô Thị Lan', 'Hoàng Thu Hà', 'Trương Công Minh']));
    expect(officials.total).toBe(officials.items.length);
    const binh = officials.items.find((official: { fullName: string }) => official.fullName === 'Trần Văn Bình');
    expect(binh.agencies.map((agency: { code: string }) => agency.code)).toEqual(['PHUXUAN_KT']);
    expect(JSON.stringify(officials)).not.toMatch(/@demo\.onecity\.local/);
    expect((await get(`/api/v1/operations/scorecards/officials/${binh.id}?month=${month()}`, 'wardLead')).statusCode).toBe(200);

    expect((await get('/api/v1/operations/scorecards/units/PHUXUAN/officials', 'ioc')).statusCode).toBe(200);
    expect((await get('/api/v1/operations/scorecards/units/PHUXUAN_KT/officials', 'wardOfficer')).statusCode).toBe(403);
    expect((await get('/api/v1/operations/scorecards/units/PHUXUAN/officials', 'unitLead')).statusCode).toBe(403);
    expect((await get('/api/v1/operations/scorecards/units/NOWHERE/officials', 'ioc')).statusCode).toBe(404);
  });
});
