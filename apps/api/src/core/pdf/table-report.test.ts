/**
 * Renders figures reports and reads them back with poppler (pdftotext -f/-l per page, pdfinfo), so the checks are on
 * what a reader gets: the Vietnamese text, the header on every page, the page numbers and the page size.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTableReport, type TableReportInput } from './table-report.ts';

function withFile<T>(pdf: Uint8Array, read: (file: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onecity-table-'));
  const file = path.join(dir, 'report.pdf');
  try {
    writeFileSync(file, pdf);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

function report(rows: TableReportInput['rows']): TableReportInput {
  return {
    title: 'Báo cáo thử nghiệm',
    subtitle: 'Số liệu tháng 11/2026',
    facts: [{ label: 'Cơ quan, đơn vị', value: 'Phường Phú Xuân' }],
    columns: [
      { header: 'Mã', width: 10 },
      { header: 'Tên việc', width: 70 },
      { header: 'Điểm', width: 20, align: 'right' },
    ],
    rows,
    notes: ['Ghi chú: số liệu thử nghiệm.'],
    footer: 'OneCity · báo cáo thử nghiệm',
    author: 'Phường Phú Xuân',
    createdAt: new Date('2026-11-29T03:00:00Z'),
  };
}

describe('a figures report', () => {
  it('repeats the table header on every page, numbers the pages and keeps tone marks', async () => {
    const rows = Array.from({ length: 90 }, (_, index) => ({ cells: [`M${index + 1}`, `Việc số ${index + 1}: kiểm tra lấn chiếm vỉa hè, đường Lê Lợi`, `${index},5`] }));
    const pdf = await renderTableReport(report([{ section: 'Nhóm thứ nhất' }, ...rows, { cells: ['', 'Tổng cộng', '4.050'], isBold: true }]));
    withFile(pdf, (file) => {
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThan(2);
      expect(info).toMatch(/Page size:\s+841\.89 x 595\.27\d* pts \(A4\)/);
      expect(info).toMatch(/Title:\s+Báo cáo thử nghiệm/);
      const first = pageText(file, 1);
      expect(first).toContain('BÁO CÁO THỬ NGHIỆM');
      expect(first).toContain('Cơ quan, đơn vị: Phường Phú Xuân');
      expect(first).toContain('Nhóm thứ nhất');
      for (let page = 1; page <= pages; page += 1) {
        const text = pageText(file, page);
        expect(text, `page ${page}`).toContain('Mã Tên việc Điểm');
        expect(text, `page ${page}`).toContain(`Trang ${page}/${pages}`);
      }
      const last = pageText(file, pages);
      expect(last).toContain('Việc số 90: kiểm tra lấn chiếm vỉa hè, đường Lê Lợi');
      expect(last).toContain('Tổng cộng 4.050');
      expect(last).toContain('Ghi chú: số liệu thử nghiệm.');
    });
  });

  it('wraps a cell longer than its column, breaking a word that fits no line', async () => {
    const code = 'X'.repeat(60);
    const pdf = await renderTableReport(report([{ cells: [code, 'Tên', '1'] }]));
    withFile(pdf, (file) => {
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      const pieces = text.split(/\s+/).filter((piece) => /^X+$/.test(piece));
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.join('')).toBe(code);
    });
  });
});
