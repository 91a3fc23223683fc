import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicReport, ReportCategory, SubmitReportRequest } from '@onecity/contracts';
import type { TFunction } from 'i18next';
import { NetworkError } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n/index.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { hasErrors, useFocusFirstInvalid } from '../../components/forms.ts';
import { findAreaAt, type AreaCollection, type LatLng } from '../../components/map/areas.ts';
import { useAreas } from '../../components/map/use-areas.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { checkAnswers } from './answers.ts';
import { CategoryPicker } from './category-picker.tsx';
import { CategoryQuestions } from './category-questions.tsx';
import { LocationPicker } from './location-picker.tsx';
import { NearbyReports } from './nearby-reports.tsx';
import { findDeviceStore, type DeviceStore } from './device-store.ts';
import { PhotoPicker } from './photo-picker.tsx';
import { usePhotoUploads } from './photo-uploads.ts';
import { EMPTY_DRAFT, clearDraft, findStorage, forgetDraftPhotos, loadDraft, saveDraft, type ReportDraft } from './report-draft.ts';
import { apiTransport, findQueuedReport, forgetQueuedReport, queueReport, sendReport, useReportOutbox, type QueuedReport } from './report-outbox.ts';
import { ReportSubmitted } from './report-submitted.tsx';
import { followReport } from './reports.api.ts';

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
const ADDRESS_MAX = 300;
const BASE_FIELDS = ['categoryCode', 'description', 'location', 'address', 'photos', 'photoIds'] as const;

type FormValues = Omit<ReportDraft, 'photos'>;
type PhotoState = { photoIds: readonly string[]; waitingFiles: readonly Blob[]; isUploading: boolean; hasFailed: boolean };

/** Every problem with the report before it is sent, keyed by field (question codes for the answers). */
export function checkReport(
  values: FormValues,
  category: ReportCategory | undefined,
  photos: PhotoState,
  areas: AreaCollection | undefined,
  t: TFunction,
): { errors: Record<string, string | undefined>; answers: Record<string, string | number> } {
  const errors: Record<string, string | undefined> = {};
  if (category === undefined) errors.categoryCode = t('reports.validation.category');
  const description = values.description.trim();
  if (description.length < DESCRIPTION_MIN || description.length > DESCRIPTION_MAX) {
    errors.description = t('reports.validation.descriptionLength', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX });
  }
  if (values.location === null) errors.location = t('reports.validation.location');
  else if (areas !== undefined && findAreaAt(areas, values.location) === undefined) errors.location = t('reports.validation.outsideCity');
  if (values.address.trim().length > ADDRESS_MAX) errors.address = t('reports.validation.addressLength', { max: ADDRESS_MAX });
  if (photos.isUploading) errors.photos = t('reports.validation.photosUploading');
  else if (photos.hasFailed) errors.photos = t('reports.validation.photosFailed');
  else if (category?.isPhotoRequired && photos.photoIds.length + photos.waitingFiles.length === 0) errors.photos = t('reports.validation.photoRequired');
  const checked = checkAnswers(category?.questions ?? [], values.answers, t);
  return { errors: { ...errors, ...checked.errors }, answers: checked.answers };
}

/** /reports/new: file a field report. The draft is kept on the device; offline, the report and its photos wait and are sent later. */
export function NewReportPage() {
  const user = useCurrentUser();
  // The route is guarded; this only narrows the type.
  if (user === undefined) return null;
  return <NewReportScreen key={user.id} userId={user.id} />;
}

function NewReportScreen({ userId }: { userId: string }) {
  const storage = useMemo(findStorage, []);
  const store = useMemo(findDeviceStore, []);
  const [submitted, setSubmitted] = useState<{ report: PublicReport; wasQueued: boolean } | undefined>(undefined);
  const [queued, setQueued] = useState<QueuedReport | undefined>(undefined);
  const [queueError, setQueueError] = useState<unknown>(undefined);
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    void findQueuedReport(store, userId).then((found) => isCurrent && found && setQueued((current) => current ?? found));
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
        clearDraft(storage, userId);
        void forgetDraftPhotos(store, userId);
        setQueued(undefined);
        setSubmitted({ report: outcome.report, wasQueued: true });
      } else if (outcome.status === 'failed') {
        setQueued(undefined);
        setQueueError(outcome.error);
      }
    },
    storage,
  );

  if (submitted) {
    return (
      <ReportSubmitted
        report={submitted.report}
        wasQueued={submitted.wasQueued}
        onNewReport={() => {
          setSubmitted(undefined);
          setFormKey((key) => key + 1);
        }}
      />
    );
  }
  return (
    <NewReportForm
      key={formKey}
      userId={userId}
      storage={storage}
      store={store}
      queued={queued}
      queueError={queueError}
      onQueued={(entry) => {
        setQueueError(undefined);
        setQueued(entry);
      }}
      onSubmitted={(report) => setSubmitted({ report, wasQueued: false })}
      onRestart={() => {
        clearDraft(storage, userId);
        void forgetDraftPhotos(store, userId);
        setFormKey((key) => key + 1);
      }}
    />
  );
}

function NewReportForm({
  userId,
  storage,
  store,
  queued,
  queueError,
  onQueued,
  onSubmitted,
  onRestart,
}: {
  userId: string;
  storage: Storage | undefined;
  store: DeviceStore | undefined;
  queued: QueuedReport | undefined;
  queueError: unknown;
  onQueued: (entry: QueuedReport | undefined) => void;
  onSubmitted: (report: PublicReport) => void;
  onRestart: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [categories, reloadCategories] = useApiResource<{ items: ReportCategory[] }>('/reports/categories');
  const areas = useAreas();
  const [restored] = useState(() => loadDraft(storage, userId));
  const initial = restored ?? EMPTY_DRAFT;
  const [values, setValues] = useState<FormValues>(() => ({ ...initial }));
  const photos = usePhotoUploads('before', initial.photos, { store, userId });
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [failedAttempts, setFailedAttempts] = useState(0);
  const [followed, setFollowed] = useState<ReadonlySet<string>>(new Set());
  const [followError, setFollowError] = useState<unknown>(undefined);
  const [storageFailed, setStorageFailed] = useState(false);
  useFocusFirstInvalid(formRef, failedAttempts);

  const category = categories.status === 'ready' ? categories.data.items.find((candidate) => candidate.code === values.categoryCode) : undefined;
  const questionCodes = category?.questions.map((question) => question.code) ?? [];
  const request = useFormSubmit<string>([...BASE_FIELDS, ...questionCodes]);

  // Every change is kept on the device at once: a reload or a crash must not lose what was typed.
  const draftPhotos = photos.draftPhotos;
  useEffect(() => saveDraft(storage, userId, { ...values, photos: draftPhotos }), [storage, userId, values, draftPhotos]);

  const set = <Field extends keyof FormValues>(field: Field, value: FormValues[Field]) => setValues((current) => ({ ...current, [field]: value }));
  const errorFor = (field: string) => errors[field] ?? request.serverFieldErrors[field];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStorageFailed(false);
    const checked = checkReport(values, category, photos, areas, t);
    setErrors(checked.errors);
    if (hasErrors(checked.errors) || category === undefined || values.location === null) {
      setFailedAttempts((count) => count + 1);
      return;
    }
    const report: SubmitReportRequest = {
      categoryCode: category.code,
      description: values.description.trim(),
      location: values.location,
      ...(values.address.trim() ? { address: values.address.trim() } : {}),
      ...(values.isUrgent ? { isUrgent: true } : {}),
      ...(Object.keys(checked.answers).length > 0 ? { answers: checked.answers } : {}),
      ...(photos.photoIds.length > 0 ? { photoIds: [...photos.photoIds] } : {}),
    };
    // The photos chosen without a connection go up first, then the report with every photo id.
    let pending: Pick<QueuedReport, 'request' | 'photos'> = { request: report, photos: [...photos.waitingFiles] };
    const keepForLater = async () => {
      if (await queueReport(store, userId, pending.request, pending.photos)) onQueued(await findQueuedReport(store, userId));
      else setStorageFailed(true);
    };
    // Known to be offline: do not even try; the browser says when the connection is back.
    if (navigator.onLine === false) {
      await keepForLater();
      return;
    }
    const result = await request.submit(() =>
      sendReport(pending, apiTransport, async (progress) => {
        pending = progress;
      }),
    );
    if (result.ok) {
      clearDraft(storage, userId);
      void forgetDraftPhotos(store, userId);
      onSubmitted(result.value);
    } else if (result.error instanceof NetworkError) {
      request.clearError();
      await keepForLater();
    } else {
      setFailedAttempts((count) => count + 1);
    }
  }

  async function handleFollow(code: string) {
    setFollowError(undefined);
    try {
      await followReport(code);
      setFollowed((current) => new Set([...current, code]));
    } catch (error) {
      setFollowError(error);
    }
  }

  const followedCodes = [...followed];
  return (
    <section className="page page--narrow">
      <PageTitle>{t('reports.form.title')}</PageTitle>
      <p className="lead">{t('reports.form.intro')}</p>
      {restored && !queued && (
        <div className="notice">
          <p>{t('reports.form.draftRestored')}</p>
          <button type="button" className="button button--link" onClick={onRestart}>
            {t('reports.form.startOver')}
          </button>
        </div>
      )}
      {queued && (
        <div className="alert alert--info" role="status">
          <p>
            {queued.photos.length + (queued.request.photoIds?.length ?? 0) > 0
              ? t('reports.form.queuedWithPhotos', { time: formatDateTime(queued.queuedAt, locale), count: queued.photos.length + (queued.request.photoIds?.length ?? 0) })
              : t('reports.form.queued', { time: formatDateTime(queued.queuedAt, locale) })}
          </p>
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              void forgetQueuedReport(store, userId);
              onQueued(undefined);
            }}
          >
            {t('reports.form.cancelQueued')}
          </button>
        </div>
      )}
      <ErrorAlert error={queueError ?? request.error} />
      {storageFailed && (
        <div className="alert alert--error" role="alert">
          <p>{t('reports.form.cannotQueue')}</p>
        </div>
      )}
      <ResourceView resource={categories} reload={reloadCategories}>
        {({ items }) => (
          <form ref={formRef} className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
            <CategoryPicker categories={items} value={values.categoryCode} onChange={(code) => set('categoryCode', code)} error={errorFor('categoryCode')} />
            {category && (
              <p className="note">
                {t('reports.form.deadlineNote', { days: category.slaWorkingDays })}
                {category.isPhotoRequired && ` ${t('reports.form.photoRequiredNote')}`}
              </p>
            )}
            <CategoryQuestions
              questions={category?.questions ?? []}
              values={values.answers}
              errors={Object.fromEntries(questionCodes.map((code) => [code, errorFor(code)]))}
              onChange={(code, value) => set('answers', { ...values.answers, [code]: value })}
            />
            <LocationPicker value={values.location} onChange={(location: LatLng) => set('location', location)} error={errorFor('location')} />
            <TextField
              label={`${t('reports.form.address')} ${t('reports.form.optional')}`}
              hint={t('reports.form.addressHint')}
              name="address"
              autoComplete="street-address"
              maxLength={ADDRESS_MAX}
              value={values.address}
              onChange={(event) => set('address', event.target.value)}
              error={errorFor('address')}
            />
            <PhotoPicker
              legend={t('reports.photos.beforeTitle')}
              hint={t('reports.photos.beforeHint')}
              entries={photos.entries}
              rejected={photos.rejected}
              error={errorFor('photos') ?? errorFor('photoIds')}
              onAdd={photos.add}
              onRemove={photos.remove}
              onRetry={photos.retry}
            />
            <TextareaField
              label={t('reports.form.description')}
              hint={t('reports.form.descriptionHint', { min: DESCRIPTION_MIN })}
              name="description"
              required
              rows={5}
              maxLength={DESCRIPTION_MAX}
              value={values.description}
              onChange={(event) => set('description', event.target.value)}
              error={errorFor('description')}
            />
            <div className="checkbox">
              <input id="report-urgent" type="checkbox" checked={values.isUrgent} onChange={(event) => set('isUrgent', event.target.checked)} aria-describedby="report-urgent-hint" />
              <label htmlFor="report-urgent">{t('reports.form.urgent')}</label>
              <p className="field__hint" id="report-urgent-hint">
                {category ? t('reports.form.urgentHintHours', { hours: category.urgentSlaHours }) : t('reports.form.urgentHint')}
              </p>
            </div>
            <NearbyReports categoryCode={values.categoryCode} location={values.location} followed={followed} onFollow={(code) => void handleFollow(code)} />
            <ErrorAlert error={followError} />
            {followedCodes.length > 0 && (
              <div className="alert alert--success" role="status">
                <p>{t('reports.nearby.followed', { codes: followedCodes.join(', ') })}</p>
                <p>
                  <Link to={`/reports/${followedCodes.at(-1) ?? ''}`}>{t('reports.nearby.viewFollowed')}</Link>
                </p>
                <button type="button" className="button button--secondary" onClick={onRestart}>
                  {t('reports.nearby.discardDraft')}
                </button>
              </div>
            )}
            <button type="submit" className="button button--primary button--block" disabled={request.isSubmitting}>
              {request.isSubmitting ? t('reports.form.submitting') : t('reports.form.submit')}
            </button>
            <p className="note">{t('reports.form.publicNote')}</p>
          </form>
        )}
      </ResourceView>
    </section>
  );
}
