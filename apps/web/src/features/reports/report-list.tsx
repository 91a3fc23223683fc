import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicReport } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { formatDateTime } from '../../components/format.ts';
import { StatusBadge, nameIn } from './report-bits.tsx';

const PAGE_SIZE = 50;

/** What a card shows: a whole report (a citizen's own) or the map's summary of one. */
export type ReportCardData = Pick<PublicReport, 'code' | 'status' | 'isOverdue' | 'category' | 'description' | 'area' | 'createdAt'>;

/** Reports as a list of cards, newest first as given, fifty at a time: the text alternative to the map. */
export function ReportList({ reports, emptyText }: { reports: readonly ReportCardData[]; emptyText: string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [shown, setShown] = useState(PAGE_SIZE);
  if (reports.length === 0) return <p>{emptyText}</p>;
  return (
    <>
      <ul className="report-list">
        {reports.slice(0, shown).map((report) => (
          <li key={report.code} className="report-card">
            <p className="report-card__head">
              <Link to={`/reports/${report.code}`} className="report-card__code">
                {report.code}
              </Link>{' '}
              <StatusBadge status={report.status} />
              {report.isOverdue && <span className="countdown countdown--overdue"> {t('reports.overdue')}</span>}
            </p>
            <p className="report-card__category">{nameIn(locale, report.category)}</p>
            <p className="report-card__description">{report.description}</p>
            <p className="report-card__meta">
              {nameIn(locale, report.area)} · <time dateTime={report.createdAt}>{formatDateTime(report.createdAt, locale)}</time>
            </p>
          </li>
        ))}
      </ul>
      {reports.length > shown && (
        <button type="button" className="button button--secondary" onClick={() => setShown((count) => count + PAGE_SIZE)}>
          {t('reports.list.showMore', { count: Math.min(PAGE_SIZE, reports.length - shown) })}
        </button>
      )}
    </>
  );
}
