import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Procedure } from '@onecity/contracts';
import { currentLocale } from '../../app/i18n/index.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useApiResource } from '../../components/use-api-resource.ts';
import { DossierForm } from './dossier-form.tsx';
import { nameIn } from './procedure-format.ts';
import { procedureDetailPath } from './procedures.api.ts';

/** What the dossier page shows once after filing (passed as router state; the page drops it after reading). */
export type SubmittedNotice = { code: string; appointmentDate: string };

/** /services/:code/apply: the citizen files a dossier online; then goes to the dossier with a notice. */
export function ApplyPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [procedure, reload] = useApiResource<Procedure>(procedureDetailPath(code));
  return (
    <section className="page page--narrow">
      <PageTitle tabTitle={t('procedures.apply.title')}>{procedure.status === 'ready' ? t('procedures.apply.titleFor', { name: nameIn(locale, procedure.data) }) : t('procedures.apply.title')}</PageTitle>
      <ResourceView resource={procedure} reload={reload}>
        {(data) =>
          data.isActive ? (
            <>
              <p className="lead">{t('procedures.apply.intro')}</p>
              <p>
                <Link to={`/services/${encodeURIComponent(data.code)}`}>{t('procedures.apply.readFirst')}</Link>
              </p>
              <DossierForm
                procedure={data}
                channel="online"
                onSubmitted={(dossier) => {
                  const notice: SubmittedNotice = { code: dossier.code, appointmentDate: dossier.appointmentDate };
                  void navigate(`/dossiers/${encodeURIComponent(dossier.code)}`, { state: { submitted: notice } });
                }}
              />
            </>
          ) : (
            <div className="alert alert--info">
              <p>{t('procedures.detail.inactive')}</p>
            </div>
          )
        }
      </ResourceView>
    </section>
  );
}
