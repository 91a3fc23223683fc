import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '@onecity/contracts';
import { PageTitle } from '../components/page-title.tsx';

/** Shown for any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="page page--narrow">
      <PageTitle>{t('errors.notFoundTitle')}</PageTitle>
      <p>{t('errors.notFoundBody')}</p>
      <p>
        <Link to="/" className="button button--secondary">
          {t('common.backHome')}
        </Link>
      </p>
    </section>
  );
}

/** Shown to a logged-in user who lacks the role a page needs (the API would answer 403). */
export function NoAccessPage({ allowedRoles }: { allowedRoles?: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <section className="page page--narrow">
      <PageTitle>{t('errors.forbiddenTitle')}</PageTitle>
      <div className="alert alert--error">
        <p>{t('errors.forbiddenBody')}</p>
      </div>
      {allowedRoles && allowedRoles.length > 0 && (
        <p>{t('errors.allowedRoles', { roles: allowedRoles.map((role) => t(`roles.${role}`)).join(', ') })}</p>
      )}
      <p>
        <Link to="/" className="button button--secondary">
          {t('common.backHome')}
        </Link>
      </p>
    </section>
  );
}
