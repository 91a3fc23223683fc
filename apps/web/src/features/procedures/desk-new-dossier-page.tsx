import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DossierDetail, Procedure, Role } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { formatDate } from '../../components/format.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { DossierForm } from './dossier-form.tsx';
import { nameIn } from './procedure-format.ts';
import { procedureDetailPath, proceduresPath, type ProcedureList } from './procedures.api.ts';

/** Who receives paper dossiers at a one-stop desk (the API checks the same). */
export const DESK_ROLES: readonly Role[] = ['desk_officer'];

/**
 * /console/dossiers/new: a one-stop desk officer receives a paper dossier for a citizen: picks the procedure,
 * types the applicant's details, scans the papers, and gives the citizen the code and the appointment date.
 */
export function DeskNewDossierPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [params, setParams] = useSearchParams();
  const procedureCode = params.get('procedure') ?? '';
  const [procedures, reload] = useApiResource<ProcedureList>(proceduresPath({ limit: 100 }));
  const [received, setReceived] = useState<DossierDetail | undefined>(undefined);
  const [formKey, setFormKey] = useState(0);

  // The receipt replaces the form in place: focus goes to it, as it would after a page load.
  useEffect(() => {
    if (received) document.getElementById('desk-receipt-title')?.focus();
  }, [received]);

  if (received) {
    return (
      <section className="page page--narrow">
        <PageTitle>{t('procedures.desk.title')}</PageTitle>
        <div className="alert alert--success" role="status">
          <h2 id="desk-receipt-title" tabIndex={-1}>
            {t('procedures.desk.received')}
          </h2>
          <p>
            {t('procedures.dossier.codeLabel')} <strong className="report-code">{received.code}</strong>
          </p>
          <p>{t('procedures.dossier.appointmentNotice', { date: formatDate(received.appointmentDate, locale) })}</p>
        </div>
        <p className="note">{t('procedures.desk.receiptNote')}</p>
        <div className="form-actions">
          <Link to={`/console/dossiers/${encodeURIComponent(received.code)}`} className="button button--primary">
            {t('procedures.desk.open')}
          </Link>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setReceived(undefined);
              setFormKey((key) => key + 1);
            }}
          >
            {t('procedures.desk.another')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="page page--narrow">
      <PageTitle>{t('procedures.desk.title')}</PageTitle>
      <p className="lead">{t('procedures.desk.intro')}</p>
      <ResourceView resource={procedures} reload={reload}>
        {({ items }) => (
          <SelectField
            label={t('procedures.desk.procedure')}
            name="procedure"
            placeholder={t('procedures.form.choose')}
            options={items.filter((item) => item.isActive).map((item) => ({ value: item.code, label: `${nameIn(locale, item)} (${item.code})` }))}
            value={procedureCode}
            onChange={(event) => setParams(event.target.value ? { procedure: event.target.value } : {}, { replace: true })}
          />
        )}
      </ResourceView>
      {procedureCode !== '' && <DeskProcedureForm key={`${procedureCode}-${formKey}`} code={procedureCode} onReceived={setReceived} />}
    </section>
  );
}

function DeskProcedureForm({ code, onReceived }: { code: string; onReceived: (dossier: DossierDetail) => void }) {
  const [procedure, reload] = useApiResource<Procedure>(procedureDetailPath(code));
  return (
    <ResourceView resource={procedure} reload={reload}>
      {(data) => <DossierForm procedure={data} channel="in_person" onSubmitted={onReceived} />}
    </ResourceView>
  );
}
