import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicReport } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { LiveCountdown, StatusBadge, nameIn } from './report-bits.tsx';

/** What the citizen learns once the report is filed: its code, who handles it and why, and by when. */
export function ReportSubmitted({ report, wasQueued, onNewReport }: { report: PublicReport; wasQueued: boolean; onNewReport: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  // The form is replaced in place, so focus moves to the new heading as it would after a page load.
  useEffect(() => {
    document.querySelector<HTMLElement>('h1[tabindex="-1"]')?.focus();
  }, []);
  return (
    <section className="page page--narrow">
      <PageTitle>{t('reports.submitted.title')}</PageTitle>
      <div className="alert alert--success" role="status">
        <p>{wasQueued ? t('reports.submitted.sentFromQueue') : t('reports.submitted.thanks')}</p>
        <p>
          {t('reports.submitted.codeLabel')} <strong className="report-code">{report.code}</strong>
        </p>
      </div>
      <dl className="summary-list">
        <div>
          <dt>{t('reports.fields.status')}</dt>
          <dd>
            <StatusBadge status={report.status} />
          </dd>
        </div>
        <div>
          <dt>{t('reports.fields.unit')}</dt>
          <dd>{report.unit ? nameIn(locale, report.unit) : t('reports.submitted.awaitingTriage')}</dd>
        </div>
        <div>
          <dt>{t('reports.fields.routing')}</dt>
          <dd>{locale === 'vi' ? report.routing.explanationVi : report.routing.explanationEn}</dd>
        </div>
        <div>
          <dt>{t('reports.fields.deadline')}</dt>
          <dd>
            <time dateTime={report.dueAt}>{formatDateTime(report.dueAt, locale)}</time> · <LiveCountdown dueAt={report.dueAt} />
          </dd>
        </div>
      </dl>
      <p className="note">{t('reports.submitted.followNote')}</p>
      <div className="form-actions">
        <Link to={`/reports/${report.code}`} className="button button--primary">
          {t('reports.submitted.view')}
        </Link>
        <Link to="/reports/mine" className="button button--secondary">
          {t('reports.mine.title')}
        </Link>
        <button type="button" className="button button--link" onClick={onNewReport}>
          {t('reports.submitted.another')}
        </button>
      </div>
    </section>
  );
}
