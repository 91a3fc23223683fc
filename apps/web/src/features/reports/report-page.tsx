import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicReport } from '@onecity/contracts';
import { ApiError } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n/index.ts';
import { hasAnyRole, useCurrentUser, useSession } from '../../app/session.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { LiveCountdown, StatusBadge, nameIn } from './report-bits.tsx';
import { isKnownEvent, isOpenStatus } from './report-status.ts';
import { ReporterActions } from './reporter-actions.tsx';
import { PhotoReviewActions, PhotoReviewTag } from './queue/photo-review.tsx';
import { listMyReports, listViewerPhotos, type ReportDetail, type ReportPhoto, type TimelineEntry, type ViewerPhoto, type ViewerPhotos } from './reports.api.ts';

/** The logged-in citizen's reports (to offer the reporter's actions), or undefined for visitors and while loading. */
function useMyReports(): [PublicReport[] | undefined, () => void] {
  const { session } = useSession();
  const [mine, setMine] = useState<PublicReport[] | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const isLoggedIn = session.status === 'authenticated';
  useEffect(() => {
    if (!isLoggedIn) {
      setMine(undefined);
      return;
    }
    let isCurrent = true;
    listMyReports()
      .then(({ items }) => isCurrent && setMine(items))
      // Without the list the page still shows the report; only the reporter's buttons are missing.
      .catch(() => isCurrent && setMine(undefined));
    return () => {
      isCurrent = false;
    };
  }, [isLoggedIn, attempt]);
  return [mine, useCallback(() => setAttempt((count) => count + 1), [])];
}

const STAFF_ROLES = ['officer', 'unit_lead', 'ioc_operator', 'auditor', 'admin'] as const;

/**
 * Every photo of the report with its review, for its reporter and for staff (who may also publish or withhold
 * them); undefined for anyone else, while loading, or when the API refuses (the public photos are shown then).
 */
function useViewerPhotos(code: string, shouldLoad: boolean): [ViewerPhotos | undefined, (photo: ViewerPhoto) => void] {
  const [photos, setPhotos] = useState<ViewerPhotos | undefined>(undefined);
  useEffect(() => {
    setPhotos(undefined);
    if (!shouldLoad) return;
    let isCurrent = true;
    listViewerPhotos(code)
      .then((loaded) => isCurrent && setPhotos(loaded))
      .catch(() => isCurrent && setPhotos(undefined));
    return () => {
      isCurrent = false;
    };
  }, [code, shouldLoad]);
  const replace = useCallback(
    (changed: ViewerPhoto) => setPhotos((current) => current && { ...current, items: current.items.map((photo) => (photo.id === changed.id ? changed : photo)) }),
    [],
  );
  return [photos, replace];
}

/** /reports/:code: a report's public page: status, deadline, answer, photos, rating and history, without personal data. */
export function ReportPage() {
  const { code = '' } = useParams();
  const [detail, reload] = useApiResource<ReportDetail>(`/reports/${encodeURIComponent(code)}`);
  const [mine, reloadMine] = useMyReports();
  const ownReport = mine?.find((report) => report.code === code);
  const isStaff = hasAnyRole(useCurrentUser(), STAFF_ROLES);
  const [viewerPhotos, onPhotoReviewed] = useViewerPhotos(code, ownReport !== undefined || isStaff);
  // While the report is fetched again after an action, the page keeps showing it (and the action's message).
  const [lastShown, setLastShown] = useState<ReportDetail | undefined>(undefined);
  useEffect(() => {
    if (detail.status === 'ready') setLastShown(detail.data);
  }, [detail]);
  const refresh = () => {
    reload();
    reloadMine();
  };

  const report = detail.status === 'ready' ? detail.data : detail.status === 'loading' && lastShown?.code === code ? lastShown : undefined;
  const photos = { viewerPhotos, onPhotoReviewed };
  if (report) return <ReportView report={report} isReporter={ownReport !== undefined} isPrivate={false} onChanged={refresh} {...photos} />;
  // A report in a category that is not public (e.g. food safety) is still shown to the citizen who filed it.
  if (detail.status === 'error' && detail.error instanceof ApiError && detail.error.status === 404 && ownReport) {
    return <ReportView report={{ ...ownReport, timeline: [], photos: [] }} isReporter isPrivate onChanged={refresh} {...photos} />;
  }
  return (
    <ResourceView resource={detail} reload={reload}>
      {() => null}
    </ResourceView>
  );
}

function ReportView({
  report,
  isReporter,
  isPrivate,
  onChanged,
  viewerPhotos,
  onPhotoReviewed,
}: {
  report: ReportDetail;
  isReporter: boolean;
  isPrivate: boolean;
  onChanged: () => void;
  viewerPhotos: ViewerPhotos | undefined;
  onPhotoReviewed: (photo: ViewerPhoto) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  // The reporter and staff also see the photos not yet published, each with its review.
  const photos: readonly (ReportPhoto | ViewerPhoto)[] = viewerPhotos?.items ?? report.photos;
  const before = photos.filter((photo) => photo.kind === 'before');
  const after = photos.filter((photo) => photo.kind === 'after');
  const review = viewerPhotos?.canReview ? { code: report.code, onReviewed: onPhotoReviewed } : undefined;
  const hasUnpublished = photos.some((photo) => 'reviewStatus' in photo && photo.reviewStatus !== 'published');
  return (
    <article className="page page--narrow report-page">
      <PageTitle tabTitle={report.code}>{t('reports.detail.title', { code: report.code })}</PageTitle>
      <p className="report-page__status">
        <StatusBadge status={report.status} />
        {report.isUrgent && <span className="tag tag--urgent">{t('reports.detail.urgent')}</span>}
      </p>
      {isPrivate && <p className="note">{t('reports.detail.notPublic')}</p>}
      <dl className="summary-list">
        <div>
          <dt>{t('reports.fields.category')}</dt>
          <dd>{nameIn(locale, report.category)}</dd>
        </div>
        <div>
          <dt>{t('reports.fields.area')}</dt>
          <dd>{nameIn(locale, report.area)}</dd>
        </div>
        {report.address && (
          <div>
            <dt>{t('reports.fields.address')}</dt>
            <dd>{report.address}</dd>
          </div>
        )}
        <div>
          <dt>{t('reports.fields.unit')}</dt>
          <dd>{report.unit ? nameIn(locale, report.unit) : t('reports.submitted.awaitingTriage')}</dd>
        </div>
        <div>
          <dt>{t('reports.fields.createdAt')}</dt>
          <dd>
            <time dateTime={report.createdAt}>{formatDateTime(report.createdAt, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('reports.fields.deadline')}</dt>
          <dd>
            <time dateTime={report.dueAt}>{formatDateTime(report.dueAt, locale)}</time>
            {isOpenStatus(report.status) && (
              <>
                {' · '}
                <LiveCountdown dueAt={report.dueAt} />
              </>
            )}
          </dd>
        </div>
        {report.resolvedAt && (
          <div>
            <dt>{t('reports.fields.resolvedAt')}</dt>
            <dd>
              <time dateTime={report.resolvedAt}>{formatDateTime(report.resolvedAt, locale)}</time>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('reports.fields.rating')}</dt>
          <dd>{report.rating === null ? t('reports.detail.notRated') : t('reports.detail.rating', { rating: report.rating })}</dd>
        </div>
      </dl>

      <section aria-labelledby="report-description-title">
        <h2 id="report-description-title">{t('reports.detail.description')}</h2>
        <p className="report-page__text">{report.description}</p>
      </section>

      <section aria-labelledby="report-answer-title">
        <h2 id="report-answer-title">{t('reports.detail.answer')}</h2>
        {report.answer ? <p className="report-page__text report-page__answer">{report.answer}</p> : <p className="note">{t('reports.detail.noAnswer')}</p>}
      </section>

      {photos.length > 0 && (
        <section aria-labelledby="report-photos-title">
          <h2 id="report-photos-title">{t('reports.detail.photos')}</h2>
          {isReporter && hasUnpublished && <p className="note">{t('reports.detail.reviewNote')}</p>}
          <PhotoGroup title={t('reports.detail.photosBefore')} photos={before} altKey="reports.detail.photoBefore" review={review} firstIndex={1} />
          <PhotoGroup title={t('reports.detail.photosAfter')} photos={after} altKey="reports.detail.photoAfter" review={review} firstIndex={before.length + 1} />
        </section>
      )}

      {isReporter && <ReporterActions report={report} onChanged={onChanged} />}

      {report.timeline.length > 0 && (
        <section aria-labelledby="report-timeline-title">
          <h2 id="report-timeline-title">{t('reports.detail.timeline')}</h2>
          <Timeline entries={report.timeline} />
        </section>
      )}
      <p>
        <Link to="/reports">{t('reports.detail.backToMap')}</Link>
      </p>
    </article>
  );
}

/**
 * Photos of one kind. Photos with a review (for the reporter and staff) show where they stand; staff who may review
 * get the publish and withhold buttons, numbered across the report (`firstIndex` is this group's first number).
 */
function PhotoGroup({
  title,
  photos,
  altKey,
  review,
  firstIndex,
}: {
  title: string;
  photos: readonly (ReportPhoto | ViewerPhoto)[];
  altKey: 'reports.detail.photoBefore' | 'reports.detail.photoAfter';
  review: { code: string; onReviewed: (photo: ViewerPhoto) => void } | undefined;
  firstIndex: number;
}) {
  const { t } = useTranslation();
  if (photos.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="photo-grid">
        {photos.map((photo, index) => (
          <li key={photo.id}>
            <a href={photo.url} target="_blank" rel="noopener">
              <img src={photo.thumbnailUrl} alt={t(altKey, { number: index + 1 })} width={photo.width} height={photo.height} loading="lazy" className="photo-grid__image" />
            </a>
            {'reviewStatus' in photo && (photo.reviewStatus !== 'published' || review) && <PhotoReviewTag status={photo.reviewStatus} />}
            {'reviewStatus' in photo && review && <PhotoReviewActions code={review.code} photo={photo} index={firstIndex + index} onReviewed={review.onReviewed} />}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The public history; internal steps (who took it, extension talks) are not sent by the API at all. */
function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <ol className="timeline">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="timeline__item">
          <time dateTime={entry.at} className="timeline__time">
            {formatDateTime(entry.at, locale)}
          </time>
          <span className="timeline__event">{isKnownEvent(entry.type) ? t(`reports.events.${entry.type}`) : entry.type}</span>
        </li>
      ))}
    </ol>
  );
}
