import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicReport } from '@onecity/contracts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert, StatusMessage } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { findDeviceStore } from './device-store.ts';
import { clearDraft, findStorage, forgetDraftPhotos } from './report-draft.ts';
import { apiTransport, findQueuedReport, useReportOutbox } from './report-outbox.ts';
import { ReportList } from './report-list.tsx';

/** /reports/mine: the citizen's own reports with their status, and any report still waiting to be sent. */
export function MyReportsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const storage = useMemo(findStorage, []);
  const store = useMemo(findDeviceStore, []);
  const [reports, reload] = useApiResource<{ items: PublicReport[] }>('/reports/mine');
  const [isQueued, setIsQueued] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [queueError, setQueueError] = useState<unknown>(undefined);
  const userId = user?.id;

  useEffect(() => {
    if (userId === undefined) return;
    let isCurrent = true;
    void findQueuedReport(store, userId).then((found) => isCurrent && found !== undefined && setIsQueued(true));
    return () => {
      isCurrent = false;
    };
  }, [store, userId]);

  useReportOutbox(
    store,
    userId,
    apiTransport,
    (outcome) => {
      if (outcome.status === 'sent') {
        if (userId) {
          clearDraft(storage, userId);
          void forgetDraftPhotos(store, userId);
        }
        setIsQueued(false);
        setNotice(t('reports.mine.queuedSent', { code: outcome.report.code }));
        reload();
      } else if (outcome.status === 'failed') {
        setIsQueued(false);
        setQueueError(outcome.error);
      }
    },
    storage,
  );

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
