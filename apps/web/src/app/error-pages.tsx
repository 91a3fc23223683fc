import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '@onecity/contracts';
import { PageTitle } from '../components/page-title.tsx';

/** Shown for any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <ErrorPage title={t('errors.notFoundTitle')}>
      <p>{t('errors.notFoundBody')}</p>
    </ErrorPage>
  );
}

/** Shown to a logged-in user who lacks the role a page needs (the API would answer 403). */
export function NoAccessPage({ allowedRoles }: { allowedRoles?: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <ErrorPage title={t('errors.forbiddenTitle')}>
      <div className="alert alert--error">
        <p>{t('errors.forbiddenBody')}</p>
      </div>
      {allowedRoles && allowedRoles.length > 0 && (
        <p>{t('errors.allowedRoles', { roles: allowedRoles.map((role) => t(`roles.${role}`)).join(', ') })}</p>
      )}
    </ErrorPage>
  );
}

/** An error page: its title, what went wrong, and a way back to the home page. */
function ErrorPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="page page--narrow">
      <PageTitle>{title}</PageTitle>
      {children}
      <p>
        <Link to="/" className="button button--secondary">
          {t('common.backHome')}
        </Link>
      </p>
    </section>
  );
}
