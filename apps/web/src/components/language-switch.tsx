import { useTranslation } from 'react-i18next';
import { LOCALES, chooseLocale, currentLocale } from '../app/i18n/index.ts';

/** The vi/en switch shown in the header of every screen. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLocale(i18n);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="language-switch__option"
          aria-pressed={locale === active}
          onClick={() => void chooseLocale(i18n, locale)}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
