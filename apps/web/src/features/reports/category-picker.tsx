import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCategory } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';

/** Lower case without diacritics ("Đèn đường" → "den duong"), so a search typed without accents still matches. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Categories whose names, group or description contain every word of the query, in either language. */
export function searchCategories(categories: readonly ReportCategory[], query: string): ReportCategory[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...categories];
  return categories.filter((category) => {
    const haystack = foldForSearch([category.nameVi, category.nameEn, category.groupVi, category.groupEn, category.descriptionVi, category.descriptionEn].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

// "Other" is the answer when nothing else fits, so its group comes last whatever its name sorts as.
const FALLBACK_CATEGORY = 'OTHER';

/** Categories grouped by their group name, in the API's order, with the fallback group last. */
export function groupCategories(categories: readonly ReportCategory[], locale: 'vi' | 'en'): { name: string; categories: ReportCategory[] }[] {
  const groups = new Map<string, ReportCategory[]>();
  for (const category of categories) {
    const name = locale === 'vi' ? category.groupVi : category.groupEn;
    groups.set(name, [...(groups.get(name) ?? []), category]);
  }
  const list = [...groups].map(([name, members]) => ({ name, categories: members }));
  const isFallback = (group: { categories: ReportCategory[] }) => group.categories.every((category) => category.code === FALLBACK_CATEGORY);
  return [...list.filter((group) => !isFallback(group)), ...list.filter(isFallback)];
}

/** The category chooser: a search box and the categories as radio buttons grouped under their headings. */
export function CategoryPicker({
  categories,
  value,
  onChange,
  error,
}: {
  categories: readonly ReportCategory[];
  value: string;
  onChange: (code: string) => void;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [query, setQuery] = useState('');
  // Once chosen, the list folds to the choice so the rest of the form is not a long scroll away on a phone.
  const [isChoosing, setIsChoosing] = useState(value === '');
  const searchId = useId();
  const errorId = useId();
  const found = searchCategories(categories, query);
  // The chosen category stays visible while searching, so the choice is never hidden.
  const shown = value !== '' && !found.some((category) => category.code === value) ? [...categories.filter((category) => category.code === value), ...found] : found;
  const chosen = categories.find((category) => category.code === value);
  const groups = groupCategories(isChoosing || chosen === undefined ? shown : [chosen], locale);
  let isFirstRadio = true;

  return (
    <fieldset className={['fieldset', error ? 'fieldset--invalid' : undefined].filter(Boolean).join(' ')} aria-describedby={error ? errorId : undefined}>
      <legend className="fieldset__legend">{t('reports.form.categoryTitle')}</legend>
      {(isChoosing || chosen === undefined) && (
        <div className="field">
          <label className="field__label" htmlFor={searchId}>
            {t('reports.form.categorySearch')}
          </label>
          <input
            id={searchId}
            type="search"
            className="field__input"
            value={query}
            placeholder={t('reports.form.categorySearchPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {groups.length === 0 && <p className="note">{t('reports.form.categoryNoMatch')}</p>}
      {groups.map((group) => (
        <fieldset key={group.name} className="choice-group">
          <legend className="choice-group__legend">{group.name}</legend>
          {group.categories.map((category) => {
            const radioId = `category-${category.code}`;
            const invalid = error !== undefined && isFirstRadio;
            isFirstRadio = false;
            return (
              <div key={category.code} className="choice">
                <input
                  id={radioId}
                  type="radio"
                  name="categoryCode"
                  className="choice__input"
                  value={category.code}
                  checked={value === category.code}
                  aria-invalid={invalid ? true : undefined}
                  // The whole label is clickable, but only the name names the choice; the description describes it.
                  aria-labelledby={`${radioId}-name`}
                  aria-describedby={`${radioId}-description`}
                  onChange={() => {
                    onChange(category.code);
                    setIsChoosing(false);
                    setQuery('');
                  }}
                />
                <label htmlFor={radioId} className="choice__label">
                  <span className="choice__title" id={`${radioId}-name`}>
                    {locale === 'vi' ? category.nameVi : category.nameEn}
                  </span>
                  <span className="choice__description" id={`${radioId}-description`}>
                    {locale === 'vi' ? category.descriptionVi : category.descriptionEn}
                  </span>
                </label>
              </div>
            );
          })}
        </fieldset>
      ))}
      {!isChoosing && chosen !== undefined && (
        <button type="button" className="button button--link choice-change" onClick={() => setIsChoosing(true)}>
          {t('reports.form.changeCategory')}
        </button>
      )}
    </fieldset>
  );
}
