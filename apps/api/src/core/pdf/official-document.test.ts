/**
 * Renders real PDFs and reads them back with poppler (pdftotext, pdfinfo, pdfimages, pdffonts), so the
 * checks are on what a reader gets: the exact Vietnamese text, page count, images and metadata.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatVietnameseDateLine, renderOfficialDocument, renderOfficialDocumentWithSlot, type OfficialDocumentInput } from './official-document.ts';


const A4_HEIGHT = (297 * 72) / 25.4;
const A4_WIDTH = (210 * 72) / 25.4;
const TONES = 'ỷ ỹ ự ữ ẫ ặ ẵ ỡ ợ đ Đ ắ ằ ẳ ẩ ấ ầ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ứ ừ ử ỳ ý ỵ í ì ỉ ĩ ị ú ù ủ ũ ụ ó ò ỏ õ ọ á à ả ã ạ';
const BIRTH = 'Nguyễn Thị Hoa, sinh ngày 05/01/2026 tại Bệnh viện Trung ương Huế';
const LEGAL_BASIS =
  'Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014; căn cứ Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch, Ủy ban nhân dân phường Phú Xuân trích lục nội dung đăng ký khai sinh như sau.';

function sample(overrides: Partial<OfficialDocumentInput> = {}): OfficialDocumentInput {
  return {
    parentAgencyNameVi: 'UBND THÀNH PHỐ HUẾ',
    agencyNameVi: 'UBND PHƯỜNG PHÚ XUÂN',
    numberSymbol: '125/TLKS-UBND',
    placeVi: 'Huế',
    issuedAt: new Date('2026-11-29T03:00:00Z'),
    titleVi: 'TRÍCH LỤC KHAI SINH',
    subtitleVi: 'Về việc đăng ký khai sinh',
    paragraphs: [`Họ, chữ đệm, tên: ${BIRTH}; ${TONES}.`, LEGAL_BASIS],
    signerTitleVi: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
    signerName: 'Trần Văn Bình',
    recipientsListVi: ['Bà Nguyễn Thị Hoa;', 'Lưu: VT, TP-HT.'],
    ...overrides,
  };
}

/** Writes the PDF to a temporary file and runs a poppler tool on it. */
function poppler(pdf: Uint8Array, tool: string, args: string[] = []): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onecity-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function text(pdf: Uint8Array, args: string[] = []): string {
  return squash(poppler(pdf, 'pdftotext', args));
}

function pageCount(pdf: Uint8Array): number {
  return Number(/^Pages:\s+(\d+)/m.exec(poppler(pdf, 'pdfinfo'))?.[1]);
}

interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Every word with its box (top-left origin, points), from `pdftotext -bbox`. */
function words(pdf: Uint8Array): Word[] {
  const html = poppler(pdf, 'pdftotext', ['-bbox']);
  const result: Word[] = [];
  let page = 0;
  for (const match of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[0] === '<page ') page++;
    else result.push({ page, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]), text: match[5]! });
  }
  return result;
}

const longParagraphs = [
  `Họ, chữ đệm, tên: ${BIRTH}; ${TONES}.`,
  ...Array.from({ length: 5 }, (_, index) => `Đoạn ${index + 1}. ${LEGAL_BASIS} ${LEGAL_BASIS}`),
  `Mã hồ sơ rất dài: ${'X'.repeat(30)}${'0123456789'.repeat(12)}.`,
];

describe('formatVietnameseDateLine', () => {
  it('writes days below 10 and the months 1 and 2 with a leading zero, other months without', () => {
    assert.equal(formatVietnameseDateLine('Huế', new Date('2026-01-05T03:00:00Z')), 'Huế, ngày 05 tháng 01 năm 2026');
    assert.equal(formatVietnameseDateLine('Huế', new Date('2026-02-09T03:00:00Z')), 'Huế, ngày 09 tháng 02 năm 2026');
    assert.equal(formatVietnameseDateLine('Huế', new Date('2026-03-15T03:00:00Z')), 'Huế, ngày 15 tháng 3 năm 2026');
    assert.equal(formatVietnameseDateLine('Huế', new Date('2026-09-10T03:00:00Z')), 'Huế, ngày 10 tháng 9 năm 2026');
    assert.equal(formatVietnameseDateLine('Huế', new Date('2026-11-29T03:00:00Z')), 'Huế, ngày 29 tháng 11 năm 2026');
    assert.equal(formatVietnameseDateLine('Huế', new Date('2026-12-01T03:00:00Z')), 'Huế, ngày 01 tháng 12 năm 2026');
  });

  it('takes the calendar date in Asia/Ho_Chi_Minh, not UTC', () => {
    // 17:30 UTC on 31 December is 00:30 on 1 January in Huế.
    assert.equal(formatVietnameseDateLine('Huế', new Date('2026-12-31T17:30:00Z')), 'Huế, ngày 01 tháng 01 năm 2027');
    assert.equal(formatVietnameseDateLine('Huế', new Date('2026-12-31T16:59:59Z')), 'Huế, ngày 31 tháng 12 năm 2026');
  });

  it('normalises the place to NFC and rejects an invalid date', () => {
    assert.equal(formatVietnameseDateLine('Huế'.normalize('NFD'), new Date('2026-03-15T03:00:00Z')), 'Huế, ngày 15 tháng 3 năm 2026');
    assert.throws(() => formatVietnameseDateLine('Huế', new Date('not a date')), RangeError);
  });
});

describe('renderOfficialDocument', () => {
  it('renders a PDF whose text reads back exactly, tone marks included', async () => {
    const pdf = await renderOfficialDocument(sample());
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
    assert.equal(pageCount(pdf), 1);
    const all = text(pdf);
    for (const expected of ['TRÍCH LỤC KHAI SINH', 'Về việc đăng ký khai sinh', 'Huế, ngày 29 tháng 11 năm 2026', 'Số: 125/TLKS-UBND', BIRTH, TONES, LEGAL_BASIS, 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH', 'Trần Văn Bình']) {
      assert.ok(all.includes(expected), `missing «${expected}» in «${all}»`);
    }
    assert.ok(all.includes('Nơi nhận: - Bà Nguyễn Thị Hoa; - Lưu: VT, TP-HT.'), all);
    // The two header columns, read one at a time (coordinates in points at pdftotext's 72 dpi).
    assert.equal(text(pdf, ['-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '250', '-H', '110']), 'UBND THÀNH PHỐ HUẾ UBND PHƯỜNG PHÚ XUÂN');
    assert.equal(text(pdf, ['-f', '1', '-l', '1', '-x', '260', '-y', '0', '-W', '340', '-H', '110']), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc');
    assert.doesNotMatch(all, /\?/, 'no character was replaced for lack of a glyph');
  });

  it('embeds subset fonts with Unicode maps, sets metadata and saves without object streams', async () => {
    const pdf = await renderOfficialDocument(sample());
    const fonts = poppler(pdf, 'pdffonts').split('\n').slice(2).filter(Boolean);
    assert.equal(fonts.length, 4);
    for (const line of fonts) assert.match(line, /^[A-Z]{6}\+DejaVuSerif\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    assert.ok(pdf.length < 120_000, `subset fonts keep the file small (${pdf.length} bytes)`);
    const info = poppler(pdf, 'pdfinfo', ['-isodates']);
    assert.match(info, /^Title:\s+TRÍCH LỤC KHAI SINH$/m);
    assert.match(info, /^Producer:\s+OneCity$/m);
    assert.match(info, /^CreationDate:\s+2026-11-29T03:00:00Z$/m);
    const raw = Buffer.from(pdf).toString('latin1');
    assert.ok(!raw.includes('/ObjStm'), 'no object streams');
    assert.match(raw, /\nxref\n/);
  });

  it('gives the same bytes for the same input', async () => {
    assert.deepEqual(await renderOfficialDocument(sample()), await renderOfficialDocument(sample()));
  });

  it('wraps a long body onto a second page, numbered at the top, inside the margins', async () => {
    const { pdf, signatureSlot } = await renderOfficialDocumentWithSlot(sample({ paragraphs: longParagraphs, documentId: 'VB-2026-000125' }));
    assert.equal(pageCount(pdf), 2);
    const all = text(pdf);
    assert.ok(all.includes(TONES));
    assert.ok(all.includes(`Đoạn 5. ${LEGAL_BASIS} ${LEGAL_BASIS}`), 'a paragraph wrapped over many lines reads back whole');
    // A word longer than the line is broken, not pushed past the margin, and starts in the room left on its line.
    assert.ok(all.replace(/ /g, '').includes(`${'X'.repeat(30)}${'0123456789'.repeat(12)}.`));
    assert.ok(all.includes('Mã hồ sơ rất dài: XXXXX'));
    // Page 2 opens with its number; page 1 has none (Decree 30/2020).
    assert.match(text(pdf, ['-f', '2', '-l', '2']), /^2 /);
    assert.doesNotMatch(text(pdf, ['-f', '1', '-l', '1']), /^1 /);
    assert.equal(all.match(/Mã văn bản: VB-2026-000125/g)?.length, 2, 'footer on every page');

    const list = words(pdf);
    const left = 30 * (72 / 25.4);
    const right = A4_WIDTH - 15 * (72 / 25.4);
    for (const word of list) {
      assert.ok(word.xMin >= left - 0.5 && word.xMax <= right + 0.5, `«${word.text}» on page ${word.page} at ${word.xMin}–${word.xMax} leaves the text area`);
    }
    // The signature slot is the blank space on the last page between the signer's position and name.
    assert.equal(signatureSlot.pageIndex, 1);
    const position = list.find((word) => word.page === 2 && word.text === 'PHÓ');
    const name = list.find((word) => word.page === 2 && word.text === 'Bình');
    assert.ok(position && name);
    const slotTop = A4_HEIGHT - (signatureSlot.y + signatureSlot.height);
    const slotBottom = A4_HEIGHT - signatureSlot.y;
    assert.ok(position.yMax <= slotTop + 1 && name.yMin >= slotBottom - 1, 'the slot lies between position and name');
    assert.ok(Math.abs(signatureSlot.height - 25 * (72 / 25.4)) < 0.01, 'about 25 mm for signature and seal');
    assert.ok(signatureSlot.x >= A4_WIDTH / 2 - 40 && signatureSlot.x + signatureSlot.width <= right + 0.01, 'right half');
    // "Nơi nhận" starts at the height of the signature block.
    const recipients = list.find((word) => word.page === 2 && word.text === 'Nơi');
    const authority = list.find((word) => word.page === 2 && word.text === 'KT.');
    assert.ok(recipients && authority && Math.abs(recipients.yMin - authority.yMin) < 3);
  });

  it('normalises NFD input to NFC before drawing', async () => {
    const nfd = (value: string) => value.normalize('NFD');
    const pdf = await renderOfficialDocument(
      sample({ titleVi: nfd('TRÍCH LỤC KHAI SINH'), paragraphs: [nfd(`Họ, chữ đệm, tên: ${BIRTH}; ${TONES}.`)], signerName: nfd('Trần Văn Bình'), placeVi: nfd('Huế') }),
    );
    const all = text(pdf);
    assert.notEqual(nfd(TONES), TONES);
    for (const expected of ['TRÍCH LỤC KHAI SINH', BIRTH, TONES, 'Trần Văn Bình', 'Huế, ngày 29 tháng 11 năm 2026']) assert.ok(all.includes(expected), `missing NFC «${expected}»`);
    assert.doesNotMatch(all, /\p{M}/u, 'no loose combining marks');
  });

  it('draws one QR image on page 1 with its caption when a verification URL is given', async () => {
    const pdf = await renderOfficialDocument(sample({ verificationUrl: 'https://onecity.example/xac-thuc/abc123' }));
    const images = poppler(pdf, 'pdfimages', ['-list']).split('\n').slice(2).filter(Boolean);
    assert.equal(images.length, 1);
    assert.match(images[0]!, /^\s*1\s+0\s+image\s/);
    assert.ok(text(pdf).includes('Tra cứu, xác thực văn bản'));
    assert.equal(poppler(await renderOfficialDocument(sample()), 'pdfimages', ['-list']).split('\n').slice(2).filter(Boolean).length, 0);
  });

  it('draws "Kính gửi", keeps a missing governing body out and replaces characters the font lacks', async () => {
    const pdf = await renderOfficialDocument(sample({ parentAgencyNameVi: null, recipientVi: 'Ủy ban nhân dân thành phố Huế', paragraphs: ['Ký tự ngoài phông: 漢.'] }));
    const all = text(pdf);
    assert.ok(all.includes('Kính gửi: Ủy ban nhân dân thành phố Huế'));
    assert.ok(!all.includes('THÀNH PHỐ HUẾ'));
    assert.ok(all.includes('Ký tự ngoài phông: ?.'));
  });
});
