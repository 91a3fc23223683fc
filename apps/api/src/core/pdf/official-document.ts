/**
 * Renders Vietnamese administrative documents (trích lục, quyết định, công văn, …) as PDF, laid out after
 * Decree 30/2020/NĐ-CP on clerical work (Appendix I: format and presentation of administrative documents).
 *
 * Text is drawn with DejaVu Serif (the decree asks for Times New Roman, which is not free to ship; DejaVu
 * Serif is the closest serif with full Vietnamese coverage). pdf-lib shapes no combining marks, so every
 * string is normalised to NFC first: Vietnamese then needs only precomposed glyphs, which the font has.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { embedDejaVu, normalisePdfText as normalise, type Face } from './fonts.ts';

export interface OfficialDocumentInput {
  /** Governing body line (cơ quan chủ quản), e.g. "UBND THÀNH PHỐ HUẾ"; may be null. */
  parentAgencyNameVi: string | null;
  /** Issuing agency (cơ quan ban hành), e.g. "UBND PHƯỜNG PHÚ XUÂN". */
  agencyNameVi: string;
  /** Number and symbol, e.g. "125/TLKS-UBND" (rendered as "Số: 125/TLKS-UBND"). */
  numberSymbol: string;
  /** Place name for the date line, e.g. "Huế". */
  placeVi: string;
  /** Issue instant; the date line shows its calendar date in Asia/Ho_Chi_Minh. */
  issuedAt: Date;
  /** Document type name, e.g. "TRÍCH LỤC KHAI SINH" (centered, bold). */
  titleVi: string;
  /** Optional summary line under the title (trích yếu), centered bold. */
  subtitleVi?: string | null;
  /** Optional addressee, drawn centered as "Kính gửi: …". */
  recipientVi?: string | null;
  /** Body paragraphs: justified, wrapped to the text width, first-line indent; "\n" forces a line break. */
  paragraphs: string[];
  /** Signer's authority and position, e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" (may contain "\n"). */
  signerTitleVi: string;
  signerName: string;
  /** "Nơi nhận:" block at bottom-left, each item prefixed "- ". */
  recipientsListVi?: string[];
  /** When given, a QR code of this URL is drawn bottom-left of the first page with a caption "Tra cứu, xác thực văn bản". */
  verificationUrl?: string | null;
  /** Small footer text "Mã văn bản: …" on every page when given. */
  documentId?: string | null;
}

/**
 * Where on the last page the signature block sits (for a later visible signature): page index and rectangle in
 * PDF points (origin bottom-left) of the blank space left between the signer's position and name.
 */
export interface SignatureSlot {
  pageIndex: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const MM = 72 / 25.4;
// Decree 30/2020, Appendix I (khổ giấy, định lề trang): A4 paper; margins top and bottom 20–25 mm, left
// 30–35 mm, right 15–20 mm.
const PAGE_WIDTH = 210 * MM;
const PAGE_HEIGHT = 297 * MM;
const MARGIN_TOP = 20 * MM;
const MARGIN_BOTTOM = 20 * MM;
const MARGIN_LEFT = 30 * MM;
const MARGIN_RIGHT = 15 * MM;
const TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
const TEXT_LEFT = MARGIN_LEFT;
const TEXT_CENTER = MARGIN_LEFT + TEXT_WIDTH / 2;

// Font sizes chosen inside the ranges Decree 30/2020, Appendix I gives for each element: national name and agency names 12–13 pt, motto,
// date, title and body 13–14 pt, "Nơi nhận" 12 pt and its items 11 pt.
const SIZE_HEADER = 12;
const SIZE_BODY = 13;
const SIZE_TITLE = 14;
const SIZE_RECIPIENTS_HEADING = 12;
const SIZE_RECIPIENTS_ITEM = 11;
const SIZE_SMALL = 8;
// Decree 30/2020, Appendix I (nội dung văn bản): line spacing between single and 1.5 lines, at least 6 pt between paragraphs, first
// line indented 1 cm or 1.27 cm.
const LINE_FACTOR = 1.3;
const PARAGRAPH_GAP = 6;
const FIRST_LINE_INDENT = 10 * MM;
// Room left blank between the signer's position and name for the handwritten or digital signature and seal.
const SIGNATURE_SPACE = 25 * MM;
const QR_SIZE = 22 * MM;
const RULE_THICKNESS = 0.6;
const BLACK = rgb(0, 0, 0);

type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
const FONT_FILES: Record<FontStyle, string> = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
};

function upper(text: string): string {
  return normalise(text).toLocaleUpperCase('vi').normalize('NFC');
}

const dateParts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: 'numeric', day: 'numeric' });

/** Formats the place and date line, e.g. "Huế, ngày 05 tháng 01 năm 2026", for the date in Asia/Ho_Chi_Minh. */
export function formatVietnameseDateLine(place: string, date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('formatVietnameseDateLine: invalid date');
  const parts = Object.fromEntries(dateParts.formatToParts(date).map((part) => [part.type, part.value]));
  const day = Number(parts.day);
  const month = Number(parts.month);
  // Decree 30/2020, Appendix I (địa danh và thời gian): days below 10 and the months 1 and 2 are written with a leading 0.
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return normalise(`${place.trim()}, ngày ${dd} tháng ${mm} năm ${parts.year}`);
}

interface Line {
  words: string[];
  /** Last line of a paragraph or before a forced break: drawn ragged, not justified. */
  last: boolean;
  indent: number;
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** The longest leading run of whole graphemes of `word` that fits `room` (at least one grapheme when `atLeastOne`), and the rest. */
function splitToWidth(face: Face, word: string, size: number, room: number, atLeastOne: boolean): [string, string] {
  let head = '';
  for (const { segment, index } of graphemes.segment(word)) {
    if (face.width(head + segment, size) > room && (head || !atLeastOne)) return [head, word.slice(index)];
    head += segment;
  }
  return [head, ''];
}

/** Greedy word wrap; "\n" forces a break, words longer than a line are broken. Text must be clean already. */
function wrap(face: Face, text: string, size: number, maxWidth: number, firstIndent = 0): Line[] {
  const lines: Line[] = [];
  const space = face.width(' ', size);
  for (const hardLine of text.split('\n')) {
    let current: string[] = [];
    let currentWidth = 0;
    let currentIndent = lines.length === 0 ? firstIndent : 0;
    const room = () => maxWidth - currentIndent - (current.length === 0 ? 0 : currentWidth + space);
    const add = (piece: string, width: number) => {
      currentWidth = current.length === 0 ? width : currentWidth + space + width;
      current.push(piece);
    };
    const flush = () => {
      lines.push({ words: current, last: false, indent: currentIndent });
      current = [];
      currentWidth = 0;
      currentIndent = 0;
    };
    for (const word of hardLine.split(' ').filter(Boolean)) {
      const width = face.width(word, size);
      if (width <= room()) {
        add(word, width);
        continue;
      }
      if (current.length > 0 && width <= maxWidth) {
        flush();
        add(word, width);
        continue;
      }
      // Longer than any line (a code, a URL): break it on grapheme boundaries, starting in the room left on
      // this line so a justified line is not stretched to make way for it.
      let rest = word;
      while (rest) {
        const [head, tail] = splitToWidth(face, rest, size, room(), current.length === 0);
        if (head) add(head, face.width(head, size));
        rest = tail;
        if (rest) flush();
      }
    }
    lines.push({ words: current, last: true, indent: currentIndent });
  }
  return lines;
}

/**
 * Wraps centred text into as many lines as a greedy wrap needs, but with line lengths balanced
 * ("UBND PHƯỜNG / PHÚ XUÂN" rather than "UBND PHƯỜNG PHÚ / XUÂN"), as headers are set by hand.
 */
function wrapBalanced(face: Face, text: string, size: number, maxWidth: number): string[] {
  const greedy = wrap(face, text, size, maxWidth);
  if (greedy.length <= 1 || text.includes('\n')) return greedy.map((line) => line.words.join(' '));
  let low = 0;
  let high = maxWidth;
  let best = greedy;
  for (let step = 0; step < 14; step++) {
    const mid = (low + high) / 2;
    const candidate = wrap(face, text, size, mid);
    if (candidate.length <= greedy.length && candidate.every((line) => line.words.length <= 1 || face.width(line.words.join(' '), size) <= mid)) {
      best = candidate;
      high = mid;
    } else {
      low = mid;
    }
  }
  return best.map((line) => line.words.join(' '));
}

/** The running cursor over pages: y is the top of the next line box, in PDF points from the page bottom. */
class Flow {
  readonly doc: PDFDocument;
  readonly pages: PDFPage[] = [];
  readonly firstPageBottom: number;
  y = 0;

  constructor(doc: PDFDocument, firstPageBottom: number) {
    this.doc = doc;
    this.firstPageBottom = firstPageBottom;
    this.newPage();
  }

  get page(): PDFPage {
    return this.pages[this.pages.length - 1]!;
  }

  get pageIndex(): number {
    return this.pages.length - 1;
  }

  get bottom(): number {
    return this.pageIndex === 0 ? this.firstPageBottom : MARGIN_BOTTOM;
  }

  /** Room from the top margin to the bottom limit of a page after the first. */
  get fullPageHeight(): number {
    return PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
  }

  newPage(): void {
    this.pages.push(this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]));
    this.y = PAGE_HEIGHT - MARGIN_TOP;
  }

  /** Starts a new page unless `height` more points fit above the bottom limit. */
  ensure(height: number): void {
    if (this.y - height < this.bottom - 0.01) this.newPage();
  }
}

function lineHeight(size: number): number {
  return size * LINE_FACTOR;
}

/** Baseline of a line whose box starts at `top`: the cap height sits inside the box with room for descenders. */
function baselineOf(top: number, size: number): number {
  return top - size;
}

function drawCentered(page: PDFPage, face: Face, text: string, centerX: number, top: number, size: number): number {
  const width = face.width(text, size);
  page.drawText(text, { x: centerX - width / 2, y: baselineOf(top, size), size, font: face.pdf, color: BLACK });
  return width;
}

function drawRule(page: PDFPage, centerX: number, y: number, width: number): void {
  page.drawLine({ start: { x: centerX - width / 2, y }, end: { x: centerX + width / 2, y }, thickness: RULE_THICKNESS, color: BLACK });
}

/** Draws centred, balanced lines at a fixed position (header columns never break across pages); returns the new top. */
function drawCenteredBlock(page: PDFPage, face: Face, text: string, centerX: number, top: number, size: number, maxWidth: number): { top: number; widest: number } {
  let y = top;
  let widest = 0;
  for (const line of wrapBalanced(face, face.clean(text), size, maxWidth)) {
    widest = Math.max(widest, drawCentered(page, face, line, centerX, y, size));
    y -= lineHeight(size);
  }
  return { top: y, widest };
}

/** Draws centred lines through the flow, breaking pages as needed; returns the widest line. */
function flowCentered(flow: Flow, face: Face, text: string, size: number): number {
  let widest = 0;
  for (const line of wrapBalanced(face, face.clean(text), size, TEXT_WIDTH)) {
    flow.ensure(lineHeight(size));
    widest = Math.max(widest, drawCentered(flow.page, face, line, TEXT_CENTER, flow.y, size));
    flow.y -= lineHeight(size);
  }
  return widest;
}

/** Draws one wrapped line at `left`, spreading the words to `width` when the line is to be justified. */
function drawLine(page: PDFPage, face: Face, line: Line, left: number, top: number, size: number, width: number, justify: boolean): void {
  const x = left + line.indent;
  const y = baselineOf(top, size);
  if (line.words.length === 0) return;
  if (!justify || line.last || line.words.length === 1) {
    page.drawText(line.words.join(' '), { x, y, size, font: face.pdf, color: BLACK });
    return;
  }
  // Decree 30/2020, Appendix I (nội dung văn bản): the body is justified on both margins. A CID font
  // ignores the Tw word-spacing operator, so each word is placed on its own.
  const widths = line.words.map((word) => face.width(word, size));
  const gap = (width - line.indent - widths.reduce((sum, w) => sum + w, 0)) / (line.words.length - 1);
  let cursor = x;
  for (const [index, word] of line.words.entries()) {
    page.drawText(word, { x: cursor, y, size, font: face.pdf, color: BLACK });
    cursor += widths[index]! + gap;
  }
}

/** Renders the document to PDF bytes. */
export async function renderOfficialDocument(input: OfficialDocumentInput): Promise<Uint8Array> {
  return (await renderOfficialDocumentWithSlot(input)).pdf;
}

/** Renders the document and tells where the empty space for the signature and seal lies (between the signer's position and name). */
export async function renderOfficialDocumentWithSlot(input: OfficialDocumentInput): Promise<{ pdf: Uint8Array; signatureSlot: SignatureSlot }> {
  if (Number.isNaN(input.issuedAt.getTime())) throw new RangeError('renderOfficialDocument: issuedAt is an invalid date');
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const seed = JSON.stringify(input);
  const embed = (style: FontStyle) => embedDejaVu(doc, FONT_FILES[style], `${style}\u0000${seed}`);
  const [regular, bold, italic, boldItalic] = await Promise.all([embed('regular'), embed('bold'), embed('italic'), embed('boldItalic')]);

  const title = normalise(input.titleVi);
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(normalise(input.agencyNameVi));
  if (input.subtitleVi) doc.setSubject(normalise(input.subtitleVi));
  doc.setLanguage('vi-VN');
  doc.setCreator('OneCity');
  doc.setProducer('OneCity');
  doc.setCreationDate(input.issuedAt);
  doc.setModificationDate(input.issuedAt);

  // The QR code and its caption take the bottom-left corner of page 1, so nothing else may flow there.
  const qrBottom = MARGIN_BOTTOM;
  const firstPageBottom = input.verificationUrl ? qrBottom + QR_SIZE + 8 : MARGIN_BOTTOM;
  const flow = new Flow(doc, firstPageBottom);
  const page = flow.page;

  // Header, Decree 30/2020 Appendix I (vị trí trình bày các thành phần thể thức): two columns. The right
  // one is as wide as the national name needs; the left one (agency names, number) takes the rest, with
  // names wrapped onto balanced lines.
  const nationalName = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const rightWidth = Math.min(bold.width(nationalName, SIZE_HEADER) + 6, TEXT_WIDTH * 0.66);
  const leftWidth = TEXT_WIDTH - rightWidth;
  const leftCenter = TEXT_LEFT + leftWidth / 2;
  const rightCenter = TEXT_LEFT + leftWidth + rightWidth / 2;
  const columnText = leftWidth - 6;
  const top = PAGE_HEIGHT - MARGIN_TOP;

  // Left: governing body upright, issuing agency bold, both upper case; under the agency a solid rule
  // of 1/3 to 1/2 of its line length, centred (Appendix I, tên cơ quan ban hành văn bản).
  let leftTop = top;
  if (input.parentAgencyNameVi?.trim()) leftTop = drawCenteredBlock(page, regular, upper(input.parentAgencyNameVi), leftCenter, leftTop, SIZE_HEADER, columnText).top;
  const agency = drawCenteredBlock(page, bold, upper(input.agencyNameVi), leftCenter, leftTop, SIZE_HEADER, columnText);
  drawRule(page, leftCenter, agency.top - 3, agency.widest * 0.4);
  leftTop = agency.top - 5;

  // Right: national name bold upper case, motto bold with a solid rule as long as the motto (Appendix I,
  // Quốc hiệu và Tiêu ngữ).
  let rightTop = drawCenteredBlock(page, bold, nationalName, rightCenter, top, SIZE_HEADER, rightWidth).top;
  const motto = drawCenteredBlock(page, bold, 'Độc lập - Tự do - Hạnh phúc', rightCenter, rightTop, SIZE_BODY, rightWidth);
  drawRule(page, rightCenter, motto.top - 3, motto.widest);
  rightTop = motto.top - 5;

  // Number and the italic place/date line share one row, each centred under its column (Appendix I, số và
  // ký hiệu; địa danh và thời gian).
  const rowTop = Math.min(leftTop, rightTop) - 6;
  const numberBottom = drawCenteredBlock(page, regular, `Số: ${input.numberSymbol.trim()}`, leftCenter, rowTop, SIZE_BODY, columnText).top;
  const dateBottom = drawCenteredBlock(page, italic, formatVietnameseDateLine(input.placeVi, input.issuedAt), rightCenter, rowTop, SIZE_BODY, rightWidth).top;
  flow.y = Math.min(numberBottom, dateBottom) - 18;

  // Document type bold upper case, centred; the summary (trích yếu) bold under it with a short rule
  // (Appendix I, tên loại và trích yếu nội dung).
  flowCentered(flow, bold, upper(title), SIZE_TITLE);
  if (input.subtitleVi?.trim()) {
    const widest = flowCentered(flow, bold, input.subtitleVi, SIZE_BODY);
    drawRule(flow.page, TEXT_CENTER, flow.y - 3.5, widest * 0.4);
    flow.y -= 7;
  }
  if (input.recipientVi?.trim()) {
    flow.y -= PARAGRAPH_GAP;
    flowCentered(flow, regular, `Kính gửi: ${input.recipientVi.trim()}`, SIZE_BODY);
  }
  flow.y -= 12;

  // Body: justified, first line indented 1 cm, 6 pt between paragraphs (Appendix I, nội dung văn bản).
  for (const paragraph of input.paragraphs) {
    const lines = wrap(regular, regular.clean(paragraph), SIZE_BODY, TEXT_WIDTH, FIRST_LINE_INDENT);
    for (const line of lines) {
      flow.ensure(lineHeight(SIZE_BODY));
      drawLine(flow.page, regular, line, TEXT_LEFT, flow.y, SIZE_BODY, TEXT_WIDTH, true);
      flow.y -= lineHeight(SIZE_BODY);
    }
    flow.y -= PARAGRAPH_GAP;
  }

  // Signature block on the right half (Appendix I, chức vụ, họ tên và chữ ký): authority and position bold
  // upper case, room for the signature and seal, then the signer's name bold; "Nơi nhận" (bold italic 12 pt,
  // items 11 pt) on the left half at the same height (Appendix I, nơi nhận).
  const half = TEXT_WIDTH / 2;
  const signatureCenter = TEXT_LEFT + half + half / 2;
  const titleLines = normalise(input.signerTitleVi)
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => wrapBalanced(bold, bold.clean(upper(line)), SIZE_BODY, half));
  const nameLines = wrapBalanced(bold, bold.clean(input.signerName.trim()), SIZE_BODY, half);
  const signatureHeight = (titleLines.length + nameLines.length) * lineHeight(SIZE_BODY) + SIGNATURE_SPACE;

  const recipientLines: { face: Face; size: number; line: Line; hanging: number }[] = [];
  const recipients = input.recipientsListVi ?? [];
  const recipientWidth = half - 8;
  if (recipients.length > 0) {
    for (const line of wrap(boldItalic, boldItalic.clean('Nơi nhận:'), SIZE_RECIPIENTS_HEADING, recipientWidth)) recipientLines.push({ face: boldItalic, size: SIZE_RECIPIENTS_HEADING, line, hanging: 0 });
    const dash = regular.width('- ', SIZE_RECIPIENTS_ITEM);
    for (const item of recipients) {
      // Items hang after the dash so wrapped lines align with the text, not the dash.
      const lines = wrap(regular, regular.clean(item.trim()), SIZE_RECIPIENTS_ITEM, recipientWidth - dash);
      for (const [index, line] of lines.entries()) {
        recipientLines.push({ face: regular, size: SIZE_RECIPIENTS_ITEM, line: index === 0 ? { ...line, words: ['-', ...line.words] } : line, hanging: index === 0 ? 0 : dash });
      }
    }
  }
  const recipientsHeight = recipientLines.reduce((sum, entry) => sum + lineHeight(entry.size), 0);

  flow.y -= 6;
  const blockHeight = Math.max(signatureHeight, recipientsHeight);
  flow.ensure(blockHeight <= flow.fullPageHeight ? blockHeight : signatureHeight);
  const blockTop = flow.y;
  const signaturePageIndex = flow.pageIndex;
  const signaturePage = flow.page;
  let y = blockTop;
  for (const line of titleLines) {
    drawCentered(signaturePage, bold, line, signatureCenter, y, SIZE_BODY);
    y -= lineHeight(SIZE_BODY);
  }
  const signatureSlot: SignatureSlot = { pageIndex: signaturePageIndex, x: TEXT_LEFT + half, y: y - SIGNATURE_SPACE, width: half, height: SIGNATURE_SPACE };
  y -= SIGNATURE_SPACE;
  for (const line of nameLines) {
    drawCentered(signaturePage, bold, line, signatureCenter, y, SIZE_BODY);
    y -= lineHeight(SIZE_BODY);
  }
  const signatureBottom = y;

  // A very long list may run onto further pages; the signature block stays where it is.
  flow.y = blockTop;
  for (const entry of recipientLines) {
    flow.ensure(lineHeight(entry.size));
    drawLine(flow.page, entry.face, entry.line, TEXT_LEFT + entry.hanging, flow.y, entry.size, recipientWidth, false);
    flow.y -= lineHeight(entry.size);
  }
  if (flow.pageIndex === signaturePageIndex) flow.y = Math.min(flow.y, signatureBottom);

  if (input.verificationUrl) {
    const png = await QRCode.toBuffer(normalise(input.verificationUrl), { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 4, color: { dark: '#000000ff', light: '#ffffffff' } });
    const image = await doc.embedPng(png);
    const first = flow.pages[0]!;
    first.drawImage(image, { x: TEXT_LEFT, y: qrBottom, width: QR_SIZE, height: QR_SIZE });
    first.drawText(italic.clean('Tra cứu, xác thực văn bản'), { x: TEXT_LEFT, y: qrBottom - 10, size: SIZE_SMALL, font: italic.pdf, color: BLACK });
  }

  const documentId = input.documentId?.trim() ? regular.clean(`Mã văn bản: ${input.documentId.trim()}`) : null;
  for (const [index, each] of flow.pages.entries()) {
    // Decree 30/2020, Appendix I (số trang): page numbers centred in the top margin, not shown on the first page.
    if (index > 0) drawCentered(each, regular, String(index + 1), TEXT_CENTER, PAGE_HEIGHT - MARGIN_TOP / 2 + SIZE_BODY / 2, SIZE_BODY);
    if (documentId) each.drawText(documentId, { x: TEXT_LEFT, y: MARGIN_BOTTOM / 2, size: SIZE_SMALL, font: regular.pdf, color: BLACK });
  }

  // No object streams: the signing step appends an incremental update and expects classic xref tables.
  const pdf = await doc.save({ useObjectStreams: false });
  return { pdf, signatureSlot };
}
