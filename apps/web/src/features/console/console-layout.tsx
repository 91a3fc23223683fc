import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { IOC_ROLES } from '@onecity/contracts';
import { hasAnyRole, useCurrentUser } from '../../app/session.tsx';
import { CONSOLE_SECTIONS, type ConsoleSection } from './console-sections.ts';

/** The staff console shell: a section list (sidebar on wide screens, on top on phones) and the section; IOC operators and leads also find the operations centre there. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const visible = CONSOLE_SECTIONS.filter((section) => section.roles === undefined || hasAnyRole(user, section.roles));
  const work = visible.filter((section) => section.group === 'work');
  const admin = visible.filter((section) => section.group === 'admin');
  return (
    <div className="workspace">
      <nav className="workspace__nav" aria-label={t('console.sectionsLabel')}>
        <p className="workspace__name">{t('console.title')}</p>
        <ul className="side-nav">
          <li>
            <NavLink to="/console" end>
              {t('console.overview')}
            </NavLink>
          </li>
          {work.map((section) => (
            <SectionLink key={section.key} section={section} />
          ))}
          {hasAnyRole(user, IOC_ROLES) && (
            <li>
              <NavLink to="/ioc">{t('nav.ioc')}</NavLink>
            </li>
          )}
        </ul>
        {admin.length > 0 && (
          <>
            <p className="side-nav__group" id="console-admin-group">
              {t('console.admin')}
            </p>
            <ul className="side-nav" aria-labelledby="console-admin-group">
              {admin.map((section) => (
                <SectionLink key={section.key} section={section} />
              ))}
            </ul>
          </>
        )}
      </nav>
      <div className="workspace__content">
        <Outlet />
      </div>
    </div>
  );
}

function SectionLink({ section }: { section: ConsoleSection }) {
  const { t } = useTranslation();
  return (
    <li>
      <NavLink to={`/console/${section.path}`}>
        {t(`console.${section.key}`)}
        {section.isComingSoon && <span className="badge badge--small">{t('common.comingSoon')}</span>}
      </NavLink>
    </li>
  );
}
