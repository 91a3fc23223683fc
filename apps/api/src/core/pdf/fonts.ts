/**
 * The DejaVu fonts every PDF of the platform embeds (official documents, reports), read once per process, and the text
 * clean-up that keeps drawing and measuring in step. pdf-lib shapes no combining marks, so text is normalised to NFC
 * first: Vietnamese then needs only precomposed glyphs, which DejaVu has.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export interface LoadedFont {
  bytes: Uint8Array;
  /** Code points the font has a glyph for, to replace the others before drawing instead of showing .notdef boxes. */
  codePoints: Set<number>;
}

/** A font face embedded in one document. */
export interface Face {
  pdf: PDFFont;
  /** NFC, no control characters, and "?" for code points the font cannot draw. */
  clean(text: string): string;
  width(text: string, size: number): number;
}

// The TTF files are ~350 KB each: read and parse each once per process, not once per document.
const fontCache = new Map<string, Promise<LoadedFont>>();

/** Reads one TTF of the dejavu-fonts-ttf package (e.g. DejaVuSerif.ttf) with the code points it covers. */
export function loadDejaVuFont(file: string): Promise<LoadedFont> {
  let loading = fontCache.get(file);
  if (!loading) {
    loading = (async () => {
      // dejavu-fonts-ttf has no "exports" field, so its package.json resolves and the TTFs sit beside it in ttf/.
      const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
      const bytes = new Uint8Array(await readFile(path.join(dir, file)));
      return { bytes, codePoints: new Set(fontkit.create(bytes).characterSet) };
    })();
    fontCache.set(file, loading);
    loading.catch(() => fontCache.delete(file));
  }
  return loading;
}

/** NFC, "\n" line ends, plain spaces, and no control or format characters (zero-width spaces, BOM, soft hyphens). */
export function normalisePdfText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\v\f\u00a0]/g, ' ')
    .replace(/(?!\n)[\p{Cc}\p{Cf}]/gu, '');
}

/** Wraps an embedded font with its clean-up and measuring. */
export function makeFace(pdf: PDFFont, loaded: LoadedFont): Face {
  return {
    pdf,
    clean(text) {
      let out = '';
      for (const char of normalisePdfText(text)) out += char === '\n' || loaded.codePoints.has(char.codePointAt(0)!) ? char : '?';
      return out;
    },
    width: (text, size) => pdf.widthOfTextAtSize(text, size),
  };
}

/** Deterministic subset name ("ABCDEF+DejaVuSerif") so the same input gives byte-identical PDFs, as the PDF spec wants for subsets. */
export function subsetName(seed: string, fontName: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let tag = '';
  for (let index = 0; index < 6; index++) tag += String.fromCharCode(65 + (digest[index]! % 26));
  return `${tag}+${fontName}`;
}

/** Embeds a DejaVu TTF as a subset into `doc` (which must have fontkit registered). */
export async function embedDejaVu(doc: PDFDocument, file: string, seed: string): Promise<Face> {
  const loaded = await loadDejaVuFont(file);
  const pdf = await doc.embedFont(loaded.bytes, { subset: true, customName: subsetName(seed, file.replace('.ttf', '')), features: { liga: false } });
  return makeFace(pdf, loaded);
}
