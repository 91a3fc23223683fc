export type Locale = 'vi' | 'en';

/** Picks vi or en from an Accept-Language header, honouring q-values; `fallback` (Vietnamese unless given) otherwise. */
export function negotiateLocale(header: string | undefined, fallback: Locale = 'vi'): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const quality = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = quality ? Number(quality.slice(2)) : 1;
      return { language: tag.toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    if (entry.language === 'vi' || entry.language === 'en') return entry.language;
  }
  return fallback;
}

/** Fills {name} placeholders in a message. */
export function interpolate(
  template: string,
  params: Record<string, string | number | { vi: string; en: string }>,
  locale: Locale,
): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'object' ? value[locale] : String(value);
  });
}
