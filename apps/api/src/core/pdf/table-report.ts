/**
 * Renders a figures report as PDF: a title, a few labelled facts (agency, period, …), one table that breaks across
 * pages with its header repeated, notes under it, and a footer with the page number on every page. A4 landscape,
 * DejaVu Sans (full Vietnamese coverage, text normalised to NFC as for official documents). No business rules: the
 * caller gives the cells as text.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { embedDejaVu, normalisePdfText, type Face } from './fonts.ts';

export interface TableColumn {
  header: string;
  /** Share of the table's width (the shares are scaled to add up to the whole width). */
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A row of cells (one per column), or a section heading across the whole table. */
export type TableRow = { cells: string[]; isBold?: boolean } | { section: string };

export interface TableReportInput {
  title: string;
  subtitle?: string | null;
  /** Labelled lines under the title, e.g. { label: 'Cơ quan', value: 'Phường Phú Xuân' }. */
  facts: { label: string; value: string }[];
  columns: TableColumn[];
  rows: TableRow[];
  /** Paragraphs after the table (formula, notes). */
  notes?: string[];
  /** Printed at the bottom of every page, before the page number. */
  footer: string;
  /** The document's author (the agency) and creation date, for the PDF metadata. */
  author: string;
  createdAt: Date;
}

const MM = 72 / 25.4;
const PAGE_WIDTH = 297 * MM;
const PAGE_HEIGHT = 210 * MM;
const MARGIN = 15 * MM;
const TABLE_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const SIZE_TITLE = 14;
const SIZE_SUBTITLE = 11;
const SIZE_TEXT = 10;
const SIZE_CELL = 9;
const SIZE_FOOTER = 8;
const LINE_FACTOR = 1.25;
const CELL_PADDING = 3;
const FOOTER_ROOM = 12 * MM;
const BLACK = rgb(0, 0, 0);
const GRID = rgb(0.55, 0.55, 0.55);
const HEADER_FILL = rgb(0.88, 0.9, 0.93);
const SECTION_FILL = rgb(0.95, 0.95, 0.95);

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** Greedy word wrap to `maxWidth`; "\n" forces a break; a word longer than a line is broken between graphemes. */
export function wrapText(face: Face, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const hardLine of face.clean(text).split('\n')) {
    let current = '';
    for (const word of hardLine.split(' ').filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (face.width(candidate, size) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      let rest = word;
      while (face.width(rest, size) > maxWidth) {
        let head = '';
        for (const { segment } of graphemes.segment(rest)) {
          if (head && face.width(head + segment, size) > maxWidth) break;
          head += segment;
        }
        lines.push(head);
        rest = rest.slice(head.length);
      }
      current = rest;
    }
    lines.push(current);
  }
  return lines;
}

const lineHeight = (size: number) => size * LINE_FACTOR;

/** Renders the report to PDF bytes. */
export async function renderTableReport(input: TableReportInput): Promise<Uint8Array> {
  if (input.columns.length === 0) throw new RangeError('renderTableReport: no columns');
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const seed = JSON.stringify(input);
  const [regular, bold] = await Promise.all([embedDejaVu(doc, 'DejaVuSans.ttf', `regular\u0000${seed}`), embedDejaVu(doc, 'DejaVuSans-Bold.ttf', `bold\u0000${seed}`)]);
  doc.setTitle(normalisePdfText(input.title), { showInWindowTitleBar: true });
  doc.setAuthor(normalisePdfText(input.author));
  if (input.subtitle) doc.setSubject(normalisePdfText(input.subtitle));
  doc.setLanguage('vi-VN');
  doc.setCreator('OneCity');
  doc.setProducer('OneCity');
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);

  let page: PDFPage = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const pages: PDFPage[] = [page];
  let y = PAGE_HEIGHT - MARGIN;
  const newPage = () => {
    page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    pages.push(page);
    y = PAGE_HEIGHT - MARGIN;
  };
  const bottom = MARGIN + FOOTER_ROOM;

  const drawLines = (lines: string[], face: Face, size: number, align: 'left' | 'center', left = MARGIN, width = TABLE_WIDTH) => {
    for (const line of lines) {
      if (y - lineHeight(size) < bottom) newPage();
      const x = align === 'center' ? left + (width - face.width(line, size)) / 2 : left;
      page.drawText(line, { x, y: y - size, size, font: face.pdf, color: BLACK });
      y -= lineHeight(size);
    }
  };

  drawLines(wrapText(bold, normalisePdfText(input.title).toLocaleUpperCase('vi'), SIZE_TITLE, TABLE_WIDTH), bold, SIZE_TITLE, 'center');
  if (input.subtitle) drawLines(wrapText(regular, input.subtitle, SIZE_SUBTITLE, TABLE_WIDTH), regular, SIZE_SUBTITLE, 'center');
  y -= 6;
  for (const fact of input.facts) {
    const label = bold.clean(`${fact.label}: `);
    const labelWidth = bold.width(label, SIZE_TEXT);
    const lines = wrapText(regular, fact.value, SIZE_TEXT, TABLE_WIDTH - labelWidth);
    if (y - lineHeight(SIZE_TEXT) < bottom) newPage();
    page.drawText(label, { x: MARGIN, y: y - SIZE_TEXT, size: SIZE_TEXT, font: bold.pdf, color: BLACK });
    drawLines(lines, regular, SIZE_TEXT, 'left', MARGIN + labelWidth, TABLE_WIDTH - labelWidth);
  }
  y -= 8;

  // Column edges from the shares.
  const totalShare = input.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = input.columns.map((column) => (column.width / totalShare) * TABLE_WIDTH);
  const lefts = widths.map((_, index) => MARGIN + widths.slice(0, index).reduce((sum, width) => sum + width, 0));

  const cellLines = (cells: string[], face: Face) => cells.map((cell, index) => wrapText(face, cell, SIZE_CELL, (widths[index] ?? 0) - 2 * CELL_PADDING));
  const rowHeight = (lines: string[][]) => Math.max(1, ...lines.map((cell) => cell.length)) * lineHeight(SIZE_CELL) + 2 * CELL_PADDING;

  const drawRow = (lines: string[][], face: Face, fill: ReturnType<typeof rgb> | null) => {
    const height = rowHeight(lines);
    if (fill) page.drawRectangle({ x: MARGIN, y: y - height, width: TABLE_WIDTH, height, color: fill });
    for (const [index, cell] of lines.entries()) {
      const left = lefts[index] as number;
      const width = widths[index] as number;
      const align = input.columns[index]?.align ?? 'left';
      let top = y - CELL_PADDING;
      for (const line of cell) {
        const textWidth = face.width(line, SIZE_CELL);
        const x = align === 'right' ? left + width - CELL_PADDING - textWidth : align === 'center' ? left + (width - textWidth) / 2 : left + CELL_PADDING;
        page.drawText(line, { x, y: top - SIZE_CELL, size: SIZE_CELL, font: face.pdf, color: BLACK });
        top -= lineHeight(SIZE_CELL);
      }
      page.drawRectangle({ x: left, y: y - height, width, height, borderColor: GRID, borderWidth: 0.5 });
    }
    y -= height;
  };

  const headerLines = cellLines(input.columns.map((column) => column.header), bold);
  const drawHeader = () => drawRow(headerLines, bold, HEADER_FILL);
  // The table starts on a new page unless its header and a first row fit.
  if (y - rowHeight(headerLines) - lineHeight(SIZE_CELL) * 2 < bottom) newPage();
  drawHeader();
  for (const row of input.rows) {
    if ('section' in row) {
      const lines = wrapText(bold, row.section, SIZE_CELL, TABLE_WIDTH - 2 * CELL_PADDING);
      const height = lines.length * lineHeight(SIZE_CELL) + 2 * CELL_PADDING;
      if (y - height < bottom) {
        newPage();
        drawHeader();
      }
      page.drawRectangle({ x: MARGIN, y: y - height, width: TABLE_WIDTH, height, color: SECTION_FILL, borderColor: GRID, borderWidth: 0.5 });
      let top = y - CELL_PADDING;
      for (const line of lines) {
        page.drawText(line, { x: MARGIN + CELL_PADDING, y: top - SIZE_CELL, size: SIZE_CELL, font: bold.pdf, color: BLACK });
        top -= lineHeight(SIZE_CELL);
      }
      y -= height;
      continue;
    }
    const face = row.isBold ? bold : regular;
    const lines = cellLines(row.cells, face);
    if (y - rowHeight(lines) < bottom) {
      newPage();
      drawHeader();
    }
    drawRow(lines, face, null);
  }

  y -= 8;
  for (const note of input.notes ?? []) {
    drawLines(wrapText(regular, note, SIZE_TEXT, TABLE_WIDTH), regular, SIZE_TEXT, 'left');
    y -= 3;
  }

  const footer = regular.clean(input.footer);
  for (const [index, each] of pages.entries()) {
    each.drawText(footer, { x: MARGIN, y: MARGIN, size: SIZE_FOOTER, font: regular.pdf, color: BLACK });
    const number = regular.clean(`Trang ${index + 1}/${pages.length}`);
    each.drawText(number, { x: PAGE_WIDTH - MARGIN - regular.width(number, SIZE_FOOTER), y: MARGIN, size: SIZE_FOOTER, font: regular.pdf, color: BLACK });
  }
  return doc.save();
}
