/**
 * Open311 picks the response format by file extension on every resource (/services.xml, /requests/PA-….json).
 * XML is the format the specification requires; JSON follows its "Spark" convention.
 */

import { negotiateLocale } from '../../../core/i18n/locale.ts';

export type Open311Format = 'xml' | 'json';

export const OPEN311_FORMATS: readonly Open311Format[] = ['xml', 'json'];

/** The content types the specification names for each format. */
export const CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Splits "PA-261129-0001.json" into the resource name and its format; null without a known extension or a name. */
export function splitFormat(name: string): { base: string; format: Open311Format } | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const extension = name.slice(dot + 1).toLowerCase();
  if (extension !== 'xml' && extension !== 'json') return null;
  return { base: name.slice(0, dot), format: extension };
}

/** The format of an answer that has no route to tell it (errors, unknown paths): JSON for a .json path, else XML. */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split('?')[0] ?? '';
  return path.toLowerCase().endsWith('.json') ? 'json' : 'xml';
}

/**
 * The language of error descriptions: English, which Open311 clients everywhere can log and show, unless the
 * client asks for Vietnamese before English in Accept-Language.
 */
export function errorLocaleOf(acceptLanguage: string | undefined): 'vi' | 'en' {
  return negotiateLocale(acceptLanguage, 'en');
}
