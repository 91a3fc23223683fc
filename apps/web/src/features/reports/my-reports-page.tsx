import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicReport } from '@onecity/contracts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert, StatusMessage } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { clearDraft, findStorage } from './report-draft.ts';
import { findQueuedReport, useReportOutbox } from './report-outbox.ts';
import { ReportList } from './report-list.tsx';
import { submitReport } from './reports.api.ts';

/** /reports/mine: the citizen's own reports with their status, and any report still waiting to be sent. */
export function MyReportsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const storage = useMemo(findStorage, []);
  const [reports, reload] = useApiResource<{ items: PublicReport[] }>('/reports/mine');
  const [isQueued, setIsQueued] = useState(() => (user ? findQueuedReport(storage, user.id) !== undefined : false));
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [queueError, setQueueError] = useState<unknown>(undefined);

  useReportOutbox(storage, user?.id, submitReport, (outcome) => {
    if (outcome.status === 'sent') {
      if (user) clearDraft(storage, user.id);
      setIsQueued(false);
      setNotice(t('reports.mine.queuedSent', { code: outcome.report.code }));
      reload();
    } else if (outcome.status === 'failed') {
      setIsQueued(false);
      setQueueError(outcome.error);
    }
  });

  return (
    <section className="page page--narrow">
      <PageTitle>{t('reports.mine.title')}</PageTitle>
      <div className="form-actions">
        <Link to="/reports/new" className="button button--primary">
          {t('reports.form.title')}
        </Link>
        <Link to="/reports" className="button button--secondary">
          {t('reports.map.title')}
        </Link>
      </div>
      <StatusMessage message={notice} />
      <ErrorAlert error={queueError} />
      {isQueued && (
        <div className="alert alert--info">
          <p>
            {t('reports.mine.queued')} <Link to="/reports/new">{t('reports.mine.openQueued')}</Link>
          </p>
        </div>
      )}
      <ResourceView resource={reports} reload={reload}>
        {({ items }) => <ReportList reports={items} emptyText={t('reports.mine.empty')} />}
      </ResourceView>
    </section>
  );
}
