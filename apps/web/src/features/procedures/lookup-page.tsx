import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DOSSIER_CODE_PATTERN, type DossierLookup } from '@onecity/contracts';
import { ApiError } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { TextField } from '../../components/text-field.tsx';
import { DossierStatusBadge } from './dossier-bits.tsx';
import { lookupDossier } from './procedures.api.ts';
import './procedures.css';

const CODE_PATTERN = new RegExp(DOSSIER_CODE_PATTERN);

/** A typed code as the receipt prints it: trimmed, upper case. */
export const normaliseDossierCode = (code: string) => code.trim().toUpperCase();

type LookupState = { status: 'idle' } | { status: 'loading'; code: string } | { status: 'found'; dossier: DossierLookup } | { status: 'not_found'; code: string } | { status: 'error'; error: unknown };

/** /lookup: anyone checks a dossier's status by the code on its receipt (no personal data is shown). Accepts ?code=. */
export function LookupPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [params, setParams] = useSearchParams();
  const code = normaliseDossierCode(params.get('code') ?? '');
  const [text, setText] = useState(code);
  const [inputError, setInputError] = useState<string | undefined>(undefined);
  const [state, setState] = useState<LookupState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (code === '') {
      setState({ status: 'idle' });
      return;
    }
    let isCurrent = true;
    setState({ status: 'loading', code });
    lookupDossier(code)
      .then((dossier) => isCurrent && setState({ status: 'found', dossier }))
      .catch((error: unknown) => {
        if (!isCurrent) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: 'not_found', code });
        else setState({ status: 'error', error });
      });
    return () => {
      isCurrent = false;
    };
  }, [code, attempt]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = normaliseDossierCode(text);
    if (!CODE_PATTERN.test(typed)) {
      setInputError(typed === '' ? t('procedures.lookup.codeRequired') : t('procedures.lookup.codeFormat'));
      inputRef.current?.focus();
      return;
    }
    setInputError(undefined);
    setText(typed);
    if (typed === code) setAttempt((count) => count + 1);
    else setParams({ code: typed }, { replace: true });
  }

  return (
    <section className="page page--narrow">
      <PageTitle>{t('procedures.lookup.title')}</PageTitle>
      <p className="lead">{t('procedures.lookup.intro')}</p>
      <form className="form" role="search" aria-label={t('procedures.lookup.title')} noValidate onSubmit={handleSubmit}>
        <TextField
          ref={inputRef}
          label={t('procedures.lookup.code')}
          hint={t('procedures.lookup.codeHint')}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="field--code"
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={inputError}
        />
        <button type="submit" className="button button--primary" disabled={state.status === 'loading'}>
          {t('procedures.lookup.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {state.status === 'loading' && <p className="loading">{t('app.loading')}</p>}
        {state.status === 'not_found' && (
          <div className="alert alert--error">
            <p>{t('procedures.lookup.notFound', { code: state.code })}</p>
          </div>
        )}
        {state.status === 'found' && (
          <section className="card" aria-labelledby="lookup-result-title">
            <h2 id="lookup-result-title">{t('procedures.dossier.title', { code: state.dossier.code })}</h2>
            <p>
              <DossierStatusBadge status={state.dossier.status} />
            </p>
            <dl className="summary-list">
              <div>
                <dt>{t('procedures.dossier.procedure')}</dt>
                <dd>{locale === 'vi' ? state.dossier.procedureNameVi : state.dossier.procedureNameEn}</dd>
              </div>
              <div>
                <dt>{t('procedures.dossier.agency')}</dt>
                <dd>{locale === 'vi' ? state.dossier.agencyNameVi : state.dossier.agencyNameEn}</dd>
              </div>
              <div>
                <dt>{t('procedures.dossier.submittedAt')}</dt>
                <dd>
                  <time dateTime={state.dossier.submittedAt}>{formatDateTime(state.dossier.submittedAt, locale)}</time>
                </dd>
              </div>
              <div>
                <dt>{t('procedures.dossier.appointmentDate')}</dt>
                <dd>
                  <time dateTime={state.dossier.appointmentDate}>{formatDate(state.dossier.appointmentDate, locale)}</time>
                </dd>
              </div>
              {state.dossier.finishedAt && (
                <div>
                  <dt>{t('procedures.dossier.finishedAt')}</dt>
                  <dd>
                    <time dateTime={state.dossier.finishedAt}>{formatDateTime(state.dossier.finishedAt, locale)}</time>
                  </dd>
                </div>
              )}
            </dl>
          </section>
        )}
      </div>
      {state.status === 'error' && (
        <ErrorAlert error={state.error}>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((count) => count + 1)}>
            {t('common.retry')}
          </button>
        </ErrorAlert>
      )}
    </section>
  );
}
