import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@onecity/contracts';
import { setRequestLocale } from '../api.ts';
import { en } from './en.ts';
import { vi, type Messages } from './vi.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';
export const LOCALE_STORAGE_KEY = 'onecity.locale';

/** Whether a value is one of the app's locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language the visitor chose earlier on this device, if any. */
export function findStoredLocale(): Locale | undefined {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : undefined;
  } catch {
    // Storage can be blocked (private mode, strict cookie settings); the default language still works.
    return undefined;
  }
}

/** Remembers the visitor's choice on this device. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // See findStoredLocale: not remembering is acceptable, failing is not.
  }
}

/** The current language of an i18next instance, narrowed to the app's locales. */
export function currentLocale(instance: I18n): Locale {
  return isLocale(instance.language) ? instance.language : DEFAULT_LOCALE;
}

/**
 * Creates the translation instance: Vietnamese unless the visitor chose otherwise. Every language change
 * updates <html lang> (screen readers pick their voice from it) and the Accept-Language sent to the API.
 */
export function createI18n(locale: Locale = findStoredLocale() ?? DEFAULT_LOCALE): I18n {
  const instance = i18next.createInstance();
  const applyLocale = (language: string): void => {
    const applied = isLocale(language) ? language : DEFAULT_LOCALE;
    document.documentElement.lang = applied;
    setRequestLocale(applied);
  };
  instance.on('languageChanged', applyLocale);
  void instance.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes text already.
    returnNull: false,
    initAsync: false,
  });
  applyLocale(instance.language);
  return instance;
}

/** Switches the interface language and remembers the choice. */
export async function chooseLocale(instance: I18n, locale: Locale): Promise<void> {
  storeLocale(locale);
  await instance.changeLanguage(locale);
}
