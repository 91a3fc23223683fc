import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ProcedureSummary } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { fieldIn, formatFee, formatProcessingTime, nameIn } from './procedure-format.ts';
import { proceduresPath, type ProcedureLevel, type ProcedureList } from './procedures.api.ts';
import './procedures.css';

/** How many procedures one page of results shows; the count says when there are more. */
export const CATALOGUE_LIMIT = 100;
const SEARCH_DELAY_MS = 400;
const LEVELS: readonly ProcedureLevel[] = ['ward', 'department'];

type FieldName = { fieldVi: string; fieldEn: string };

/** /services: the procedure catalogue, searched (with or without diacritics) and filtered by level and field. */
export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const level = LEVELS.find((candidate) => candidate === params.get('level')) ?? '';
  const field = params.get('field') ?? '';
  const [text, setText] = useState(q);
  const [results, reload] = useApiResource<ProcedureList>(proceduresPath({ q, level, field, limit: CATALOGUE_LIMIT }));
  // The fields seen so far (the first, unfiltered answer has them all), so a filter never hides the others.
  const [fields, setFields] = useState<ReadonlyMap<string, FieldName>>(new Map());

  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  // Typing searches after a short pause; Enter searches at once.
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = window.setTimeout(() => setParam('q', text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, q]);

  // Adjusted while rendering (React's pattern for state derived from earlier renders), so the list never lags.
  if (results.status === 'ready') {
    const unseen = results.data.items.filter((item) => !fields.has(item.fieldVi));
    if (unseen.length > 0) {
      const next = new Map(fields);
      for (const item of unseen) next.set(item.fieldVi, { fieldVi: item.fieldVi, fieldEn: item.fieldEn });
      setFields(next);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParam('q', text.trim());
  }

  const fieldOptions = [...fields.values()]
    .map((name) => ({ value: name.fieldVi, label: fieldIn(locale, name) }))
    .sort((left, right) => left.label.localeCompare(right.label, locale === 'vi' ? 'vi-VN' : 'en-GB'));
  if (field && !fields.has(field)) fieldOptions.push({ value: field, label: field });

  return (
    <section className="page">
      <PageTitle>{t('procedures.catalogue.title')}</PageTitle>
      <p className="lead">{t('procedures.catalogue.intro')}</p>
      <div className="form-actions">
        <Link to="/dossiers/mine" className="button button--secondary">
          {t('procedures.mine.title')}
        </Link>
        <Link to="/lookup" className="button button--secondary">
          {t('procedures.lookup.title')}
        </Link>
      </div>
      <form role="search" className="filters" onSubmit={handleSubmit} aria-label={t('procedures.catalogue.searchLabel')}>
        <TextField
          label={t('procedures.catalogue.search')}
          hint={t('procedures.catalogue.searchHint')}
          type="search"
          name="q"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <SelectField
          label={t('procedures.catalogue.level')}
          name="level"
          placeholder={t('procedures.catalogue.allLevels')}
          options={LEVELS.map((value) => ({ value, label: t(`procedures.level.${value}`) }))}
          value={level}
          onChange={(event) => setParam('level', event.target.value)}
        />
        <SelectField
          label={t('procedures.catalogue.field')}
          name="field"
          placeholder={t('procedures.catalogue.allFields')}
          options={fieldOptions}
          value={field}
          onChange={(event) => setParam('field', event.target.value)}
        />
        <button type="submit" className="button button--primary">
          {t('procedures.catalogue.searchButton')}
        </button>
      </form>
      <ResourceView resource={results} reload={reload}>
        {({ items, total }) => (
          <>
            <p role="status">{items.length < total ? t('procedures.catalogue.countTruncated', { shown: items.length, total }) : t('procedures.catalogue.count', { count: total })}</p>
            {items.length === 0 ? <p>{t('procedures.catalogue.empty')}</p> : <ProcedureCards items={items} />}
          </>
        )}
      </ResourceView>
    </section>
  );
}

function ProcedureCards({ items }: { items: readonly ProcedureSummary[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <ul className="procedure-list">
      {items.map((procedure) => (
        <li key={procedure.code} className="procedure-card">
          <h2 className="procedure-card__title">
            <Link to={`/services/${encodeURIComponent(procedure.code)}`}>{nameIn(locale, procedure)}</Link>
          </h2>
          <p className="procedure-card__meta">
            <span className="tag">{t(`procedures.onlineLevel.${procedure.onlineLevel}`)}</span> {fieldIn(locale, procedure)} · {t(`procedures.level.${procedure.level}`)}
            {procedure.agencyNameVi && ` · ${locale === 'vi' ? procedure.agencyNameVi : (procedure.agencyNameEn ?? procedure.agencyNameVi)}`}
          </p>
          <dl className="procedure-card__facts">
            <div>
              <dt>{t('procedures.detail.processingTime')}</dt>
              <dd>{formatProcessingTime(procedure.processingTime, t)}</dd>
            </div>
            <div>
              <dt>{t('procedures.detail.fee')}</dt>
              <dd>{formatFee(procedure.feeTotal, t)}</dd>
            </div>
            <div>
              <dt>{t('procedures.detail.code')}</dt>
              <dd>
                <code>{procedure.code}</code>
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
