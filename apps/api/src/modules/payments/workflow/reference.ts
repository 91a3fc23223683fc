/**
 * Payment references: the short code a citizen's transfer carries in its description (VietQR field 62-08) and the
 * gateway's order reference. ASCII capitals and digits only, at most 19 characters: banks strip diacritics and
 * punctuation from memos and some feeds keep only 19 characters (anchors-services.md §1.2).
 */
import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a reference read aloud or retyped is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_LENGTH = 12;
export const MAX_REFERENCE_LENGTH = 19;

/** A new reference: the configured prefix and 12 random base32 characters (60 bits). */
export function newReference(prefix: string, random: Uint8Array = randomBytes(RANDOM_LENGTH)): string {
  let text = prefix;
  for (let index = 0; index < RANDOM_LENGTH; index += 1) text += ALPHABET[(random[index] ?? 0) % 32];
  if (!isReference(text)) throw new RangeError(`reference ${text} is not 1-19 capital letters and digits`);
  return text;
}

/** True for 1 to 19 ASCII capitals and digits. */
export function isReference(text: string): boolean {
  return /^[A-Z0-9]{1,19}$/.test(text) && text.length <= MAX_REFERENCE_LENGTH;
}

/**
 * The references a bank memo may carry: banks upper- or lower-case memos, insert spaces or dashes and add their own
 * words, so the memo is folded to capitals and digits and every prefix + 12 characters inside it is a candidate.
 */
export function referencesIn(memo: string, prefix: string): string[] {
  const folded = toAscii(memo).toUpperCase().replace(/[^A-Z0-9]/g, '');
  const found = new Set<string>();
  let at = folded.indexOf(prefix);
  while (at >= 0) {
    const candidate = folded.slice(at, at + prefix.length + RANDOM_LENGTH);
    if (candidate.length === prefix.length + RANDOM_LENGTH && [...candidate.slice(prefix.length)].every((char) => ALPHABET.includes(char))) found.add(candidate);
    at = folded.indexOf(prefix, at + 1);
  }
  return [...found];
}

/** Vietnamese text without diacritics (đ → d), as bank memos and EMVCo "ans" fields need. */
export function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '');
}
