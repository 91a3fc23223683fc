import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Procedure, ProcedureComponent, WorkflowStep } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { fieldIn, formatFee, formatMoney, formatProcessingTime, nameIn, safeTemplateUrl } from './procedure-format.ts';
import { procedureDetailPath } from './procedures.api.ts';
import './procedures.css';

/** /services/:code: everything a citizen needs to know before filing, and the button to file online. */
export function ProcedurePage() {
  const { code = '' } = useParams();
  const [procedure, reload] = useApiResource<Procedure>(procedureDetailPath(code));
  return (
    <ResourceView resource={procedure} reload={reload}>
      {(data) => <ProcedureView procedure={data} />}
    </ResourceView>
  );
}

function ProcedureView({ procedure }: { procedure: Procedure }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const agencyName = procedure.agencyNameVi ? (locale === 'vi' ? procedure.agencyNameVi : (procedure.agencyNameEn ?? procedure.agencyNameVi)) : t('procedures.detail.wardAgency');
  return (
    <article className="page page--narrow procedure-page">
      <PageTitle>{nameIn(locale, procedure)}</PageTitle>
      <p className="procedure-card__meta">
        <span className="tag">{t(`procedures.onlineLevel.${procedure.onlineLevel}`)}</span> {fieldIn(locale, procedure)}
      </p>
      <dl className="summary-list">
        <div>
          <dt>{t('procedures.detail.code')}</dt>
          <dd>
            <code>{procedure.code}</code>
          </dd>
        </div>
        <div>
          <dt>{t('procedures.detail.level')}</dt>
          <dd>{t(`procedures.level.${procedure.level}`)}</dd>
        </div>
        <div>
          <dt>{t('procedures.detail.agency')}</dt>
          <dd>{agencyName}</dd>
        </div>
        <div>
          <dt>{t('procedures.detail.processingTime')}</dt>
          <dd>{formatProcessingTime(procedure.processingTime, t)}</dd>
        </div>
        <div>
          <dt>{t('procedures.detail.fee')}</dt>
          <dd>{formatFee(procedure.feeTotal, t)}</dd>
        </div>
        <div>
          <dt>{t('procedures.detail.onlineLevel')}</dt>
          <dd>{t(`procedures.onlineLevelLong.${procedure.onlineLevel}`)}</dd>
        </div>
        <div>
          <dt>{t('procedures.detail.resultType')}</dt>
          <dd>{t(`procedures.resultType.${procedure.resultType}`)}</dd>
        </div>
      </dl>

      <div className="procedure-page__apply">
        {procedure.isActive ? (
          <>
            <Link to={`/services/${encodeURIComponent(procedure.code)}/apply`} className="button button--primary button--block">
              {t('procedures.detail.apply')}
            </Link>
            <p className="note">{t('procedures.detail.loginNote')}</p>
          </>
        ) : (
          <div className="alert alert--info">
            <p>{t('procedures.detail.inactive')}</p>
          </div>
        )}
      </div>

      <section aria-labelledby="procedure-fees-title">
        <h2 id="procedure-fees-title">{t('procedures.detail.feesTitle')}</h2>
        {procedure.fees.length === 0 ? (
          <p>{t('procedures.fees.none')}</p>
        ) : (
          <ul className="fee-list">
            {procedure.fees.map((fee) => (
              <li key={fee.code}>
                <span>{nameIn(locale, fee)}</span> <strong>{formatMoney(fee.amount)}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="procedure-components-title">
        <h2 id="procedure-components-title">{t('procedures.detail.componentsTitle')}</h2>
        {procedure.components.length === 0 ? <p>{t('procedures.detail.noComponents')}</p> : <ComponentList components={procedure.components} />}
      </section>

      <section aria-labelledby="procedure-steps-title">
        <h2 id="procedure-steps-title">{t('procedures.detail.workflowTitle')}</h2>
        <WorkflowList steps={procedure.workflow} />
      </section>

      {procedure.legalBasisVi.trim() !== '' && (
        <section aria-labelledby="procedure-legal-title">
          <h2 id="procedure-legal-title">{t('procedures.detail.legalBasisTitle')}</h2>
          {locale === 'en' && <p className="note">{t('procedures.detail.legalBasisVietnameseOnly')}</p>}
          <ul className="legal-basis" lang="vi">
            {procedure.legalBasisVi
              .split(/\n+|;\s+/)
              .map((line) => line.trim())
              .filter(Boolean)
              .map((line) => (
                <li key={line}>{line}</li>
              ))}
          </ul>
        </section>
      )}
      <p>
        <Link to="/services">{t('procedures.detail.backToCatalogue')}</Link>
      </p>
    </article>
  );
}

function ComponentList({ components }: { components: readonly ProcedureComponent[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <ul className="component-list">
      {components.map((component) => {
        const template = safeTemplateUrl(component.templateUrl);
        return (
          <li key={component.code} className="component-list__item">
            <span className="component-list__name">{nameIn(locale, component)}</span>
            <span className="component-list__meta">
              <span className={component.isRequired ? 'tag tag--urgent' : 'tag'}>{component.isRequired ? t('procedures.components.required') : t('procedures.components.optional')}</span>{' '}
              {t('procedures.components.copies', { copies: component.copies })}
              {template && (
                <>
                  {' · '}
                  <a href={template} target="_blank" rel="noopener noreferrer">
                    {t('procedures.components.template', { name: nameIn(locale, component) })}
                  </a>
                </>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function WorkflowList({ steps }: { steps: readonly WorkflowStep[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <ol className="workflow-list">
      {steps.map((step) => (
        <li key={step.code}>
          <span className="workflow-list__name">{nameIn(locale, step)}</span>
          <span className="workflow-list__meta">
            {t(`procedures.stepAgency.${stepAgencyKind(step.agency)}`)} · {t(`procedures.stepRoles.${step.role}`)}
            {step.share > 0 && ` · ${t('procedures.detail.stepShare', { share: step.share })}`}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Where a workflow step runs, as a kind the reader can understand (the codes mean nothing to a citizen). */
function stepAgencyKind(ref: string): 'desk' | 'self' | 'unit' | 'agency' {
  if (ref === 'desk' || ref === 'self') return ref;
  return ref.startsWith('unit:') ? 'unit' : 'agency';
}
