import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import type { ConsoleSectionKey } from './console-sections.ts';

/** /console: who you are here and what the console will hold. */
export function ConsoleOverview() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user === undefined) return null;
  const staffRoles = user.roles.filter((grant) => grant.role !== 'citizen');
  return (
    <section className="page">
      <PageTitle>{t('console.title')}</PageTitle>
      <p className="lead">{t('console.welcome', { name: user.fullName })}</p>
      <h2>{t('console.yourRoles')}</h2>
      <ul className="role-list">
        {staffRoles.map((grant) => (
          <li key={`${grant.role}:${grant.agencyId ?? '*'}`}>
            <span className="role-list__role">{t(`roles.${grant.role}`)}</span>
            <span className="role-list__agency"> — {grant.agencyName ?? t('identity.profile.roleEverywhere')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A console section that a later capability fills; says so instead of pretending. */
export function ComingSoonSection({ section }: { section: ConsoleSectionKey }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <PageTitle>{t(`console.${section}`)}</PageTitle>
      <p>
        <span className="badge">{t('common.comingSoon')}</span>
      </p>
      <p>{t('console.comingSoonBody')}</p>
    </section>
  );
}
