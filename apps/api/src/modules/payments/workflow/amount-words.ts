/**
 * An amount of đồng in Vietnamese words, as receipts write it on the "Số tiền bằng chữ" line
 * (e.g. 1 005 000 → "Một triệu không trăm linh năm nghìn đồng").
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'];

/** Words for 0-999; `full` writes "không trăm" / "linh" as a group inside a larger number needs. */
function groupWords(value: number, full: boolean): string[] {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const units = value % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(DIGITS[hundreds] as string, 'trăm');
  if (tens === 0) {
    if (units > 0 && (hundreds > 0 || full)) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens] as string, 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt');
    else if (units === 5 && tens >= 1) words.push('lăm');
    else words.push(DIGITS[units] as string);
  }
  return words;
}

/** Words for a whole number of đồng (0 to 999 999 999 999 999), capitalised, ending in "đồng". */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount >= 1e15) throw new RangeError('amount must be a whole number below 10^15');
  if (amount === 0) return 'Không đồng';
  // Groups of three digits from the right; after "tỷ" the scale starts again (nghìn tỷ).
  const groups: number[] = [];
  for (let rest = amount; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const value = groups[index] as number;
    const isLeading = index === groups.length - 1;
    if (value === 0) {
      // "tỷ" is said even when its own group is empty (1 000 000 000 000 = một nghìn tỷ).
      if (index === 3 && !isLeading) words.push('tỷ');
      continue;
    }
    words.push(...groupWords(value, !isLeading));
    const scale = SCALES[index % 3 === 0 && index > 0 ? 3 : index % 3] ?? '';
    if (index === 4) words.push('nghìn');
    else if (scale) words.push(scale);
  }
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
