import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isDossierEventAction, type Agency, type DossierDetail } from '@onecity/contracts';
import { currentLocale } from '../../../app/i18n/index.ts';
import { StatusMessage } from '../../../components/error-alert.tsx';
import { formatDate, formatDateTime } from '../../../components/format.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { ResourceView } from '../../../components/resource-view.tsx';
import { useApiResource } from '../../../components/use-api-resource.ts';
import { nameIn } from '../../reports/report-bits.tsx';
import { DossierActions } from './dossier-actions.tsx';
import { DeadlineCountdown, DossierStatusBadge } from './dossier-bits.tsx';
import { COUNTING_STATUSES, describeFormAnswers, isStepClockRunning, formatCount, formatMoney, type AnswerValue } from './dossier-rules.ts';
import { dossierFileUrl, dossierPath } from './dossiers.api.ts';

type DossierFile = DossierDetail['files'][number];

/** /console/dossiers/:code — one dossier as staff see it, with the actions the API allows them now. */
export function DossierPage() {
  const { code = '' } = useParams();
  // A new code is a new dossier: nothing of the previous one (answers of actions, chosen file) is kept.
  return <DossierScreen key={code} code={code} />;
}

function DossierScreen({ code }: { code: string }) {
  const { t } = useTranslation();
  const [resource, reload] = useApiResource<DossierDetail>(dossierPath(code));
  const [agencies] = useApiResource<{ items: Agency[] }>('/agencies');
  // The dossier as the last action returned it, newer than the one first loaded.
  const [updated, setUpdated] = useState<DossierDetail | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const agencyList = agencies.status === 'ready' ? agencies.data.items : [];

  const onActionDone = (dossier: DossierDetail | undefined, message: string) => {
    setNotice(message);
    if (dossier !== undefined && typeof dossier === 'object' && 'code' in dossier) {
      setUpdated(dossier);
    } else {
      setUpdated(undefined);
      reload();
    }
  };
  const view = (dossier: DossierDetail) => <DossierView dossier={dossier} agencies={agencyList} onActionDone={onActionDone} />;

  return (
    <section className="page">
      <p>
        <Link to="/console/dossiers">← {t('dossierConsole.detail.back')}</Link>
      </p>
      <PageTitle>{t('dossierConsole.detail.title', { code })}</PageTitle>
      <StatusMessage message={notice} />
      {updated ? view(updated) : <ResourceView resource={resource} reload={reload}>{view}</ResourceView>}
    </section>
  );
}

function DossierView({ dossier, agencies, onActionDone }: { dossier: DossierDetail; agencies: readonly Agency[]; onActionDone: (dossier: DossierDetail | undefined, message: string) => void }) {
  const { t } = useTranslation();
  const documents = dossier.files.filter((file) => file.kind === 'result' || file.kind === 'apology');
  return (
    <>
      <DossierSummaryList dossier={dossier} />
      {dossier.apologyRequired && (
        <p className="dossier-banner" role="note">
          {t('dossierConsole.detail.apologyBanner')}
        </p>
      )}
      {documents.length > 0 && (
        <section className="dossier-section" aria-labelledby="dossier-documents">
          <h2 id="dossier-documents">{t('dossierConsole.detail.documents')}</h2>
          <ul>
            {documents.map((file) => (
              <li key={file.id}>
                <a href={dossierFileUrl(dossier.code, file.id)} target="_blank" rel="noopener">
                  {t(file.kind === 'result' ? 'dossierConsole.detail.resultPdf' : 'dossierConsole.detail.apologyPdf', { name: file.fileName })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <DossierActions dossier={dossier} agencies={agencies} onDone={onActionDone} />
      <ApplicantBlock dossier={dossier} />
      <FormAnswers dossier={dossier} />
      <ComponentFiles dossier={dossier} />
      <StepsTable dossier={dossier} agencies={agencies} />
      <SupplementHistory dossier={dossier} />
      <Timeline dossier={dossier} />
    </>
  );
}

function DossierSummaryList({ dossier }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const isCounting = COUNTING_STATUSES.has(dossier.status);
  const amount = formatMoney(dossier.feeTotal, locale);
  const fee =
    dossier.feeTotal === 0
      ? t('dossierConsole.detail.noFee')
      : dossier.feePaidAt
        ? t('dossierConsole.detail.feePaid', {
            amount,
            date: formatDateTime(dossier.feePaidAt, locale),
            via: dossier.feePaidVia ? t(`dossierConsole.detail.feeVia.${dossier.feePaidVia}`) : '—',
          })
        : t('dossierConsole.detail.feeUnpaid', { amount });
  return (
    <section aria-labelledby="dossier-summary">
      <h2 id="dossier-summary" className="visually-hidden">
        {t('dossierConsole.detail.summary')}
      </h2>
      <dl className="summary-list">
        <div>
          <dt>{t('dossierConsole.detail.procedure')}</dt>
          <dd>
            {nameIn(locale, { nameVi: dossier.procedureNameVi, nameEn: dossier.procedureNameEn })} <span className="note">({dossier.procedureCode})</span>
          </dd>
        </div>
        <div>
          <dt>{t('dossierConsole.detail.agency')}</dt>
          <dd>{nameIn(locale, { nameVi: dossier.agencyNameVi, nameEn: dossier.agencyNameEn })}</dd>
        </div>
        <div>
          <dt>{t('dossierConsole.detail.status')}</dt>
          <dd>
            <DossierStatusBadge status={dossier.status} />
            {dossier.isOverdue && <span className="tag tag--urgent"> {t('dossierConsole.detail.overdue')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('dossierConsole.detail.submittedAt')}</dt>
          <dd>{formatDateTime(dossier.submittedAt, locale)}</dd>
        </div>
        {dossier.acceptedAt && (
          <div>
            <dt>{t('dossierConsole.detail.acceptedAt')}</dt>
            <dd>{formatDateTime(dossier.acceptedAt, locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t('dossierConsole.detail.appointment')}</dt>
          <dd>
            {formatDate(dossier.appointmentDate, locale)}
            {isCounting && (
              <>
                {' · '}
                <DeadlineCountdown dueAt={dossier.appointmentAt} />
              </>
            )}
            {dossier.status === 'supplement_requested' && <span className="note"> · {t('dossierConsole.paused')}</span>}
          </dd>
        </div>
        {dossier.finishedAt && (
          <div>
            <dt>{t('dossierConsole.detail.finishedAt')}</dt>
            <dd>{formatDateTime(dossier.finishedAt, locale)}</dd>
          </div>
        )}
        {dossier.deliveredAt && (
          <div>
            <dt>{t('dossierConsole.detail.deliveredAt')}</dt>
            <dd>{formatDateTime(dossier.deliveredAt, locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t('dossierConsole.detail.channel')}</dt>
          <dd>{t(`dossierConsole.channel.${dossier.channel}`)}</dd>
        </div>
        <div>
          <dt>{t('dossierConsole.detail.delivery')}</dt>
          <dd>{t(`dossierConsole.delivery.${dossier.deliveryMethod}`)}</dd>
        </div>
        <div>
          <dt>{t('dossierConsole.detail.fees')}</dt>
          <dd>
            {fee}
            {dossier.fees.length > 1 && (
              <ul>
                {dossier.fees.map((item) => (
                  <li key={item.code}>
                    {nameIn(locale, item)}: {formatMoney(item.amount, locale)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function ApplicantBlock({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const { applicant } = dossier;
  const rows: [string, string | null | undefined][] = [
    [t('dossierConsole.detail.fullName'), applicant.fullName],
    [t('dossierConsole.detail.idNumber'), applicant.idNumber],
    [t('dossierConsole.detail.phone'), applicant.phone],
    [t('dossierConsole.detail.email'), applicant.email],
    [t('dossierConsole.detail.address'), applicant.address],
  ];
  return (
    <section className="dossier-section" aria-labelledby="dossier-applicant">
      <h2 id="dossier-applicant">{t('dossierConsole.detail.applicant')}</h2>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || t('common.notProvided')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function FormAnswers({ dossier }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const answers = describeFormAnswers(dossier.formSchema, dossier.formData, locale);
  const show = (value: AnswerValue) => {
    switch (value.kind) {
      case 'boolean':
        return value.value ? t('dossierConsole.detail.yes') : t('dossierConsole.detail.no');
      case 'date':
        return formatDate(value.iso, locale);
      case 'number':
        return formatCount(value.value, locale);
      case 'text':
        return value.text;
    }
  };
  return (
    <section className="dossier-section" aria-labelledby="dossier-form">
      <h2 id="dossier-form">{t('dossierConsole.detail.form')}</h2>
      {answers.length === 0 ? (
        <p>{t('dossierConsole.detail.noAnswers')}</p>
      ) : (
        <dl className="summary-list">
          {answers.map((answer) => (
            <div key={answer.name}>
              <dt>{answer.label}</dt>
              <dd>{answer.values.map(show).join(', ')}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** The components the procedure asks for, each with its files and "missing" when a required one has none, beside a preview. */
function ComponentFiles({ dossier }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const files = dossier.files.filter((file) => file.kind === 'component');
  const [selectedId, setSelectedId] = useState<string | undefined>(files[0]?.id);
  const selected = files.find((file) => file.id === selectedId);
  const known = new Set(dossier.components.map((component) => component.code));
  const others = files.filter((file) => file.componentCode === null || !known.has(file.componentCode));
  const fileList = (list: readonly DossierFile[]) => (
    <ul className="dossier-component__files">
      {list.map((file) => (
        <li key={file.id}>
          <button type="button" className="button button--link" aria-pressed={file.id === selectedId} aria-label={t('dossierConsole.detail.view', { name: file.fileName })} onClick={() => setSelectedId(file.id)}>
            {file.fileName}
          </button>{' '}
          <span className="note">({formatSize(file.byteSize, locale)})</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section className="dossier-section" aria-labelledby="dossier-components">
      <h2 id="dossier-components">{t('dossierConsole.detail.components')}</h2>
      <div className="dossier-files">
        <div>
          <h3 className="visually-hidden">{t('dossierConsole.detail.componentList')}</h3>
          <ul className="dossier-components">
            {dossier.components.map((component) => {
              const attached = files.filter((file) => file.componentCode === component.code);
              const isMissing = component.isRequired && attached.length === 0;
              return (
                <li key={component.code} className={isMissing ? 'dossier-component dossier-component--missing' : 'dossier-component'}>
                  <p className="dossier-component__name">{nameIn(locale, component)}</p>
                  <p className="note">
                    {component.isRequired && <span className="tag">{t('dossierConsole.detail.required')}</span>} {t('dossierConsole.detail.copies', { count: component.copies })}
                  </p>
                  {attached.length > 0 ? fileList(attached) : <p className={isMissing ? 'dossier-missing' : 'note'}>{isMissing ? t('dossierConsole.detail.missing') : t('dossierConsole.detail.noFile')}</p>}
                </li>
              );
            })}
            {others.length > 0 && (
              <li className="dossier-component">
                <p className="dossier-component__name">{t('dossierConsole.detail.otherFiles')}</p>
                {fileList(others)}
              </li>
            )}
          </ul>
        </div>
        <FilePreview code={dossier.code} file={selected} />
      </div>
    </section>
  );
}

/**
 * A PDF in a frame, an image as itself, anything else as a link. The frame needs the file answered inline and
 * allowed to be framed by this site; the link opens it in a new tab whatever the browser does with frames.
 */
function FilePreview({ code, file }: { code: string; file: DossierFile | undefined }) {
  const { t } = useTranslation();
  const url = file ? dossierFileUrl(code, file.id) : undefined;
  const title = file ? t('dossierConsole.detail.previewTitle', { name: file.fileName }) : '';
  return (
    <div className="dossier-preview">
      <h3>{t('dossierConsole.detail.preview')}</h3>
      {file === undefined || url === undefined ? (
        <p>{t('dossierConsole.detail.choosePreview')}</p>
      ) : (
        <>
          {file.contentType === 'application/pdf' ? (
            <iframe className="dossier-preview__frame" title={title} src={url} />
          ) : file.contentType.startsWith('image/') ? (
            <img className="dossier-preview__image" src={url} alt={title} />
          ) : (
            <p>{t('dossierConsole.detail.noPreview')}</p>
          )}
          <p>
            <a href={url} target="_blank" rel="noopener">
              {t('dossierConsole.detail.openFile')}
            </a>
          </p>
        </>
      )}
    </div>
  );
}

function StepsTable({ dossier, agencies }: { dossier: DossierDetail; agencies: readonly Agency[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const current = isStepClockRunning(dossier.status) ? dossier.currentStep?.index : undefined;
  return (
    <section className="dossier-section" aria-labelledby="dossier-steps">
      <h2 id="dossier-steps">{t('dossierConsole.detail.steps')}</h2>
      <div className="table-scroll" role="region" aria-labelledby="dossier-steps" tabIndex={0}>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('dossierConsole.detail.stepColumns.name')}</th>
              <th scope="col">{t('dossierConsole.detail.stepColumns.agency')}</th>
              <th scope="col">{t('dossierConsole.detail.stepColumns.role')}</th>
              <th scope="col">{t('dossierConsole.detail.stepColumns.assignee')}</th>
              <th scope="col">{t('dossierConsole.detail.stepColumns.due')}</th>
              <th scope="col">{t('dossierConsole.detail.stepColumns.finished')}</th>
              <th scope="col">{t('dossierConsole.detail.stepColumns.note')}</th>
            </tr>
          </thead>
          <tbody>
            {dossier.steps.map((step) => {
              const agency = agencies.find((candidate) => candidate.code === step.agencyCode);
              const isCurrent = step.index === current && step.finishedAt === null;
              return (
                <tr key={step.index} aria-current={isCurrent ? 'step' : undefined}>
                  <th scope="row">
                    {step.index + 1}. {nameIn(locale, step)}
                  </th>
                  <td>{agency ? nameIn(locale, agency) : nameIn(locale, { nameVi: step.agencyNameVi, nameEn: step.agencyNameEn })}</td>
                  <td>{t(`roles.${step.role}`)}</td>
                  <td>{step.assignee?.fullName ?? (step.finishedAt === null ? t('dossierConsole.unassigned') : '—')}</td>
                  <td>
                    {formatDateTime(step.dueAt, locale)}
                    {isCurrent && (
                      <>
                        <br />
                        <DeadlineCountdown dueAt={step.dueAt} />
                      </>
                    )}
                  </td>
                  <td>{step.finishedAt ? formatDateTime(step.finishedAt, locale) : t('dossierConsole.detail.notFinished')}</td>
                  <td>{step.note ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SupplementHistory({ dossier }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const componentName = (code: string | null) => {
    const component = code === null ? undefined : dossier.components.find((candidate) => candidate.code === code);
    return component ? nameIn(locale, component) : undefined;
  };
  return (
    <section className="dossier-section" aria-labelledby="dossier-supplements">
      <h2 id="dossier-supplements">{t('dossierConsole.detail.supplements')}</h2>
      {dossier.supplementRequests.length === 0 ? (
        <p>{t('dossierConsole.detail.noSupplements')}</p>
      ) : (
        <ol className="report-list">
          {dossier.supplementRequests.map((request, index) => (
            <li key={request.requestedAt} className="report-card">
              <p className="report-card__category">{t('dossierConsole.detail.supplementRequested', { index: index + 1, date: formatDateTime(request.requestedAt, locale) })}</p>
              <ul>
                {request.items.map((item, itemIndex) => {
                  const name = componentName(item.componentCode);
                  return <li key={itemIndex}>{name && name !== item.text ? `${name}: ${item.text}` : item.text}</li>;
                })}
              </ul>
              {request.note && <p>{t('dossierConsole.detail.note', { note: request.note })}</p>}
              <p className="report-card__meta">
                {t('dossierConsole.detail.supplementDates', { previous: formatDate(request.previousAppointmentDate, locale) })}{' '}
                {request.newAppointmentDate && t('dossierConsole.detail.supplementNewDate', { date: formatDate(request.newAppointmentDate, locale) })}
              </p>
              <p>{request.completedAt ? t('dossierConsole.detail.supplementCompleted', { date: formatDateTime(request.completedAt, locale) }) : t('dossierConsole.detail.supplementPending')}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}


function Timeline({ dossier }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <section className="dossier-section" aria-labelledby="dossier-timeline">
      <h2 id="dossier-timeline">{t('dossierConsole.detail.timeline')}</h2>
      {dossier.timeline.length === 0 ? (
        <p>{t('dossierConsole.detail.noTimeline')}</p>
      ) : (
        <ol className="timeline">
          {dossier.timeline.map((event, index) => {
            const status = t(`dossierConsole.status.${event.status}`);
            return (
              <li key={`${event.at}-${index}`} className="timeline__item">
                <time className="timeline__time" dateTime={event.at}>
                  {formatDateTime(event.at, locale)}
                </time>
                <strong>{isDossierEventAction(event.action) ? t(`dossierConsole.events.${event.action}`) : event.action}</strong>
                <span>{event.actorName ? t('dossierConsole.eventBy', { status, actor: event.actorName }) : status}</span>
                {event.note && <span>{event.note}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** A file size in kB or MB. */
function formatSize(bytes: number, locale: 'vi' | 'en'): string {
  const format = (value: number) => new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
  return bytes >= 1_000_000 ? `${format(bytes / 1_000_000)} MB` : `${format(Math.max(bytes / 1000, 0.1))} kB`;
}
