import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { IOC_ROLES } from '@onecity/contracts';
import { STAFF_CONSOLE_ROLES } from '../features/console/console-sections.ts';
import { Icon } from '../components/icon.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { NotificationInbox } from '../features/notifications/notification-inbox.tsx';
import { hasAnyRole, useCurrentUser, useSession } from './session.tsx';

/** Header (brand, navigation, language switch), main content and footer around every screen. */
export function Layout() {
  const { t } = useTranslation();
  const mainRef = useFocusOnNavigation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <Icon name="logo" size={28} />
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <SiteNavigation />
          <LanguageSwitch />
          <HeaderInbox />
        </div>
      </header>
      <main id="main" className="site-main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <nav aria-label={t('app.footerNavigation')}>
          <Link to="/statistics">{t('nav.statistics')}</Link>
        </nav>
      </footer>
    </div>
  );
}

/** The notification bell, for logged-in users only; a new user gets a fresh inbox. */
function HeaderInbox() {
  const user = useCurrentUser();
  return user === undefined ? null : <NotificationInbox key={user.id} />;
}

function SiteNavigation() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (session.status === 'loading') return <nav className="site-nav" aria-label={t('app.mainNavigation')} />;
  const user = session.status === 'authenticated' ? session.user : undefined;
  return (
    <nav className="site-nav" aria-label={t('app.mainNavigation')}>
      <ul className="site-nav__list">
        <li>
          <NavLink to="/reports" end>
            {t('nav.reports')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/services">{t('procedures.nav.services')}</NavLink>
        </li>
        <li>
          <NavLink to="/statistics">{t('nav.statistics')}</NavLink>
        </li>
        {user === undefined ? (
          <>
            <li>
              <NavLink to="/login">{t('nav.login')}</NavLink>
            </li>
            <li>
              <NavLink to="/register">{t('nav.register')}</NavLink>
            </li>
          </>
        ) : (
          <>
            {hasAnyRole(user, STAFF_CONSOLE_ROLES) && (
              <li>
                <NavLink to="/console">{t('nav.console')}</NavLink>
              </li>
            )}
            {hasAnyRole(user, IOC_ROLES) && (
              <li>
                <NavLink to="/ioc">{t('nav.ioc')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/profile">{t('nav.account')}</NavLink>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

/**
 * After a client-side navigation, moves focus to the new page's heading (or main), as a full page load
 * would for screen-reader users. The first render is left alone so the browser's own focus stays.
 */
function useFocusOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    const main = mainRef.current;
    const heading = main?.querySelector<HTMLElement>('h1[tabindex="-1"]');
    (heading ?? main)?.focus();
  }, [pathname]);
  return mainRef;
}
