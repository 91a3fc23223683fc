import type { Locale } from '@onecity/contracts';
import type { documentsVi } from './messages.ts';

const CITY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A document id: a UUID, as printed under the QR code. */
export const DOCUMENT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a document id. */
export const isDocumentId = (value: string) => DOCUMENT_ID_PATTERN.test(value);

/**
 * The document id in what someone typed or pasted: the id itself, or the address the QR code holds
 * (…/verify/{id}). Undefined when there is none.
 */
export function documentIdFrom(text: string): string | undefined {
  const trimmed = text.trim();
  if (isDocumentId(trimmed)) return trimmed.toLowerCase();
  const match = /\/verify\/([0-9a-f-]{36})(?:[/?#]|$)/i.exec(trimmed);
  return match?.[1] !== undefined && isDocumentId(match[1]) ? match[1].toLowerCase() : undefined;
}

function cityParts(iso: string): Record<string, string> | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: CITY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

/** An instant as Vietnamese documents write it, in Huế time whatever the device: "29/11/2026 10:05". */
export function formatCityDateTime(iso: string): string {
  const parts = cityParts(iso);
  return parts ? `${parts['day']}/${parts['month']}/${parts['year']} ${parts['hour']}:${parts['minute']}` : iso;
}

/** The day of an instant in Huế: "29/11/2026". */
export function formatCityDate(iso: string): string {
  const parts = cityParts(iso);
  return parts ? `${parts['day']}/${parts['month']}/${parts['year']}` : iso;
}

/** A share between 0 and 1 as a percentage in the reader's way ("87,5%" in Vietnamese). */
export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export type ExplainedSubIndication = Exclude<keyof typeof documentsVi.subIndication, 'other'>;

const EXPLAINED: ReadonlySet<string> = new Set<ExplainedSubIndication>([
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'NO_CERTIFICATE_CHAIN_FOUND',
  'OUT_OF_BOUNDS_NO_POE',
  'REVOKED_NO_POE',
  'REVOKED',
  'REVOKED_CA_NO_POE',
  'EXPIRED',
  'NOT_YET_VALID',
  'NO_SIGNING_CERTIFICATE_FOUND',
  'TRY_LATER',
  'FORMAT_FAILURE',
]);

/** Whether a sub-indication has a plain-words explanation (otherwise its code is shown). */
export const isExplainedSubIndication = (code: string): code is ExplainedSubIndication => EXPLAINED.has(code);
