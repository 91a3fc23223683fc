import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isDossierEventAction, type DossierDetail } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { StatusMessage } from '../../components/error-alert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import type { SubmittedNotice } from './apply-page.tsx';
import { DossierStatusBadge, OverdueBadge } from './dossier-bits.tsx';
import { formatFileSize } from './dossier-files.ts';
import { FeeDueBox } from './fee-due-box.tsx';
import { FeePaymentReceipt } from './fee-payment.tsx';
import { displayValue, fieldTitle, parseFormSchema } from './form-schema.ts';
import { formatMoney, nameIn } from './procedure-format.ts';
import { dossierDetailPath, dossierFileUrl, dossierResultUrl, type DossierEvent, type DossierFile, type DossierStep } from './procedures.api.ts';
import { SupplementBox } from './supplement-box.tsx';
import { SurveyAnswersView, SurveyForm, type SubmittedSurvey } from './survey.tsx';
import { WithdrawBox } from './withdraw-box.tsx';
import './procedures.css';


/** /dossiers/:code: the citizen's own dossier: where it is, what is asked of them, and what they can do. */
export function DossierPage() {
  const { code = '' } = useParams();
  const location = useLocation() as { pathname: string; state: { submitted?: SubmittedNotice } | null };
  const navigate = useNavigate();
  // The filing notice is shown once: kept here, and dropped from the history entry so a reload does not repeat it.
  const [submitted] = useState(() => location.state?.submitted);
  const hasNotice = location.state?.submitted !== undefined;
  useEffect(() => {
    if (hasNotice) void navigate(location.pathname, { replace: true, state: null });
  }, [hasNotice, navigate, location.pathname]);
  const [resource, reload] = useApiResource<DossierDetail>(dossierDetailPath(code));
  // An action answers with the dossier after it; a reload afterwards keeps showing the last one meanwhile.
  const [latest, setLatest] = useState<DossierDetail | undefined>(undefined);
  useEffect(() => {
    if (resource.status === 'ready') setLatest(resource.data);
  }, [resource]);
  const dossier = latest?.code === code ? latest : resource.status === 'ready' ? resource.data : undefined;
  if (dossier) return <DossierView dossier={dossier} submitted={submitted} onChanged={setLatest} reload={reload} />;
  return (
    <ResourceView resource={resource} reload={reload}>
      {() => null}
    </ResourceView>
  );
}

function DossierView({
  dossier,
  submitted,
  onChanged,
  reload,
}: {
  dossier: DossierDetail;
  submitted: SubmittedNotice | undefined;
  onChanged: (dossier: DossierDetail) => void;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [notice, setNotice] = useState<string | undefined>(() =>
    submitted?.code === dossier.code ? t('procedures.dossier.submittedNotice', { code: submitted.code, date: formatDate(submitted.appointmentDate, locale) }) : undefined,
  );
  const [submittedSurvey, setSubmittedSurvey] = useState<SubmittedSurvey | undefined>(undefined);
  const survey = dossier.survey ?? submittedSurvey;
  const resultFile = dossier.files.find((file) => file.kind === 'result');
  const after = (message: string) => (changed: DossierDetail) => {
    setNotice(message);
    onChanged(changed);
  };

  return (
    <article className="page page--narrow dossier-page">
      <PageTitle tabTitle={dossier.code}>{t('procedures.dossier.title', { code: dossier.code })}</PageTitle>
      <StatusMessage message={notice} />
      <p className="report-page__status">
        <DossierStatusBadge status={dossier.status} /> {dossier.isOverdue && <OverdueBadge />}
      </p>
      <dl className="summary-list">
        <div>
          <dt>{t('procedures.dossier.procedure')}</dt>
          <dd>
            <Link to={`/services/${encodeURIComponent(dossier.procedureCode)}`}>{locale === 'vi' ? dossier.procedureNameVi : dossier.procedureNameEn}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('procedures.dossier.agency')}</dt>
          <dd>{locale === 'vi' ? dossier.agencyNameVi : dossier.agencyNameEn}</dd>
        </div>
        <div>
          <dt>{t('procedures.dossier.submittedAt')}</dt>
          <dd>
            <time dateTime={dossier.submittedAt}>{formatDateTime(dossier.submittedAt, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('procedures.dossier.appointmentDate')}</dt>
          <dd>
            <time dateTime={dossier.appointmentDate}>{formatDate(dossier.appointmentDate, locale)}</time>
          </dd>
        </div>
        {dossier.currentStep && (
          <div>
            <dt>{t('procedures.dossier.currentStep')}</dt>
            <dd>
              {locale === 'vi' ? dossier.currentStep.nameVi : dossier.currentStep.nameEn} · {t('procedures.dossier.stepDue', { time: formatDateTime(dossier.currentStep.dueAt, locale) })}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('procedures.dossier.channel')}</dt>
          <dd>{t(`procedures.channel.${dossier.channel}`)}</dd>
        </div>
        <div>
          <dt>{t('procedures.dossier.delivery')}</dt>
          <dd>{t(`procedures.delivery.${dossier.deliveryMethod}`)}</dd>
        </div>
        <div>
          <dt>{t('procedures.detail.fee')}</dt>
          <dd>
            {dossier.feeTotal === 0 ? t('procedures.fees.free') : formatMoney(dossier.feeTotal)}
            {dossier.feePaidAt && ` · ${t(dossier.feePaidVia === 'online' ? 'procedures.fee.paidOnline' : 'procedures.fee.paidAtDesk', { time: formatDateTime(dossier.feePaidAt, locale) })}`}
          </dd>
        </div>
        {dossier.finishedAt && (
          <div>
            <dt>{t('procedures.dossier.finishedAt')}</dt>
            <dd>
              <time dateTime={dossier.finishedAt}>{formatDateTime(dossier.finishedAt, locale)}</time>
            </dd>
          </div>
        )}
      </dl>

      {resultFile && (
        <section className="card dossier-box" aria-labelledby="dossier-result-title">
          <h2 id="dossier-result-title">{t('procedures.result.title')}</h2>
          <p>{t('procedures.result.ready')}</p>
          <a
            href={dossierResultUrl(dossier.code)}
            className="button button--primary"
            download
            // For online delivery the first download records delivery; fetch the dossier again to show it.
            onClick={() => window.setTimeout(reload, 2000)}
          >
            {t('procedures.result.download')}
          </a>
        </section>
      )}

      {dossier.status === 'supplement_requested' && <SupplementBox dossier={dossier} onDone={after(t('procedures.supplement.done'))} />}
      {dossier.status === 'fee_due' && <FeeDueBox dossier={dossier} onPaid={after(t('procedures.fee.paid'))} />}
      <FeePaymentReceipt dossier={dossier} />

      {survey ? (
        <section className="card dossier-box" aria-labelledby="dossier-survey-title">
          <h2 id="dossier-survey-title">{t('procedures.survey.yourAnswers')}</h2>
          <SurveyAnswersView survey={survey} />
        </section>
      ) : (
        dossier.status === 'delivered' && (
          <section className="card dossier-box" aria-labelledby="dossier-survey-title">
            <h2 id="dossier-survey-title">{t('procedures.survey.title')}</h2>
            <SurveyForm
              code={dossier.code}
              onSubmitted={(answers) => {
                setSubmittedSurvey(answers);
                setNotice(t('procedures.survey.thanks'));
                reload();
              }}
            />
          </section>
        )
      )}

      <section aria-labelledby="dossier-steps-title">
        <h2 id="dossier-steps-title">{t('procedures.dossier.stepsTitle')}</h2>
        <StepList steps={dossier.steps} />
      </section>

      <section aria-labelledby="dossier-timeline-title">
        <h2 id="dossier-timeline-title">{t('procedures.dossier.timelineTitle')}</h2>
        {dossier.timeline.length === 0 ? <p>{t('procedures.dossier.noEvents')}</p> : <Timeline events={dossier.timeline} />}
      </section>

      <section aria-labelledby="dossier-files-title">
        <h2 id="dossier-files-title">{t('procedures.dossier.filesTitle')}</h2>
        {dossier.files.length === 0 ? <p>{t('procedures.dossier.noFiles')}</p> : <FileList dossier={dossier} />}
      </section>

      <AnswersSection dossier={dossier} />

      {dossier.allowedActions.includes('withdraw') && <WithdrawBox dossier={dossier} onDone={after(t('procedures.withdraw.done'))} />}

      <p>
        <Link to="/dossiers/mine">{t('procedures.dossier.backToMine')}</Link>
      </p>
    </article>
  );
}

/** The workflow steps with who handles each, its due time and whether it is done, under way or ahead. */
export function StepList({ steps }: { steps: readonly DossierStep[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <ol className="step-list">
      {steps.map((step) => {
        const state = step.finishedAt ? 'done' : step.startedAt ? 'current' : 'waiting';
        return (
          <li key={step.index} className={`step-list__item step-list__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="step-list__name">{nameIn(locale, step)}</span>
            <span className="step-list__meta">
              {locale === 'vi' ? step.agencyNameVi : step.agencyNameEn} · <span className="step-list__state">{t(`procedures.stepState.${state}`)}</span>
            </span>
            <span className="step-list__meta">
              {step.finishedAt
                ? t('procedures.dossier.stepFinished', { time: formatDateTime(step.finishedAt, locale) })
                : t('procedures.dossier.stepDue', { time: formatDateTime(step.dueAt, locale) })}
            </span>
            {step.note && <span className="step-list__note">{step.note}</span>}
          </li>
        );
      })}
    </ol>
  );
}

function Timeline({ events }: { events: readonly DossierEvent[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <ol className="timeline">
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`} className="timeline__item">
          <time dateTime={event.at} className="timeline__time">
            {formatDateTime(event.at, locale)}
          </time>
          <span className="timeline__event">
            {isDossierEventAction(event.action) ? t(`procedures.events.${event.action}`) : event.action} → {t(`procedures.status.${event.status}`)}
          </span>
          {event.actorName && <span className="timeline__time">{event.actorName}</span>}
          {event.note && <span className="timeline__note">{event.note}</span>}
        </li>
      ))}
    </ol>
  );
}

function FileList({ dossier }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const describe = (file: DossierFile) => {
    if (file.kind === 'result') return t('procedures.files.kind.result');
    if (file.kind === 'apology') return t('procedures.files.kind.apology');
    const component = dossier.components.find((candidate) => candidate.code === file.componentCode);
    return component ? nameIn(locale, component) : t('procedures.files.kind.component');
  };
  return (
    <ul className="file-list">
      {dossier.files.map((file) => (
        <li key={file.id} className="file-list__item">
          <span className="file-list__name">
            <a href={dossierFileUrl(dossier.code, file.id)} target="_blank" rel="noopener">
              {file.fileName}
            </a>
          </span>
          <span className="file-list__meta">
            {describe(file)} · {formatFileSize(file.byteSize, locale)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** What was declared: the applicant and the form's answers, labelled as the form labelled them. */
function AnswersSection({ dossier }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const fields = useMemo(() => parseFormSchema(dossier.formSchema), [dossier.formSchema]);
  const known = new Set(fields.map((field) => field.name));
  const extra = Object.keys(dossier.formData).filter((name) => !known.has(name));
  return (
    <section aria-labelledby="dossier-answers-title">
      <h2 id="dossier-answers-title">{t('procedures.dossier.answersTitle')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('procedures.applicant.fullName')}</dt>
          <dd>{dossier.applicant.fullName}</dd>
        </div>
        <div>
          <dt>{t('procedures.applicant.idNumber')}</dt>
          <dd>{dossier.applicant.idNumber}</dd>
        </div>
        <div>
          <dt>{t('procedures.applicant.phone')}</dt>
          <dd>{dossier.applicant.phone}</dd>
        </div>
        {dossier.applicant.email && (
          <div>
            <dt>{t('procedures.applicant.email')}</dt>
            <dd>{dossier.applicant.email}</dd>
          </div>
        )}
        <div>
          <dt>{t('procedures.applicant.address')}</dt>
          <dd>{dossier.applicant.address}</dd>
        </div>
        {fields
          .filter((field) => dossier.formData[field.name] !== undefined)
          .map((field) => (
            <div key={field.name}>
              <dt>{fieldTitle(field, locale)}</dt>
              <dd>{displayValue(field, dossier.formData[field.name], locale, t)}</dd>
            </div>
          ))}
        {extra.map((name) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{displayValue(undefined, dossier.formData[name], locale, t)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
