import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { IOC_ROLES } from '@onecity/contracts';
import { hasAnyRole, useSession } from '../../app/session.tsx';
import { StatusMessage } from '../../components/error-alert.tsx';
import { Icon } from '../../components/icon.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { STAFF_CONSOLE_ROLES } from '../console/console-sections.ts';
import { SERVICE_TILES, type ServiceTile } from './service-tiles.ts';

/** /: greeting, the citizen services, links to the staff surfaces for staff, and the city's public statistics. */
export function HomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { state } = useLocation() as { state: { loggedOut?: boolean } | null };
  const user = session.status === 'authenticated' ? session.user : undefined;
  const isConsoleUser = hasAnyRole(user, STAFF_CONSOLE_ROLES);
  const isIocUser = hasAnyRole(user, IOC_ROLES);

  return (
    <div className="page">
      <section className="hero">
        <PageTitle tabTitle={t('home.title')}>
          {user ? t('home.greeting', { name: user.fullName }) : t('home.greetingAnonymous')}
        </PageTitle>
        <p className="lead">{t('home.intro')}</p>
        <StatusMessage message={session.status === 'anonymous' && state?.loggedOut ? t('home.loggedOut') : undefined} />
        {session.status === 'anonymous' && (
          <div className="hero__actions">
            <p>{t('home.anonymousCallToAction')}</p>
            <Link to="/login" className="button button--primary">
              {t('nav.login')}
            </Link>
            <Link to="/register" className="button button--secondary">
              {t('nav.register')}
            </Link>
          </div>
        )}
      </section>

      {(isConsoleUser || isIocUser) && (
        <section aria-labelledby="staff-title" className="section">
          <h2 id="staff-title">{t('home.staffTitle')}</h2>
          <ul className="tile-grid tile-grid--staff">
            {isConsoleUser && (
              <li>
                <Link to="/console" className="tile tile--link">
                  <Icon name="console" size={32} />
                  <h3 className="tile__title">{t('nav.console')}</h3>
                  <span className="tile__description">{t('home.consoleDescription')}</span>
                </Link>
              </li>
            )}
            {isIocUser && (
              <li>
                <Link to="/ioc" className="tile tile--link">
                  <Icon name="operations" size={32} />
                  <h3 className="tile__title">{t('nav.ioc')}</h3>
                  <span className="tile__description">{t('home.iocDescription')}</span>
                </Link>
              </li>
            )}
          </ul>
        </section>
      )}

      <section aria-labelledby="services-title" className="section">
        <h2 id="services-title">{t('home.servicesTitle')}</h2>
        <ul className="tile-grid">
          {SERVICE_TILES.map((tile) => (
            <li key={tile.key}>
              <Tile tile={tile} />
            </li>
          ))}
        </ul>
        {SERVICE_TILES.some((tile) => tile.path === undefined) && (
          <p className="note">{t('home.comingSoonNote')}</p>
        )}
      </section>

      <section aria-labelledby="open-data-title" className="section">
        <h2 id="open-data-title">{t('home.openDataTitle')}</h2>
        <ul className="tile-grid">
          <li>
            <Link to="/statistics" className="tile tile--link">
              <Icon name="operations" size={32} />
              <h3 className="tile__title">{t('home.openDataLink')}</h3>
              <span className="tile__description">{t('home.openDataDescription')}</span>
            </Link>
          </li>
        </ul>
      </section>
    </div>
  );
}

function Tile({ tile }: { tile: ServiceTile }) {
  const { t } = useTranslation();
  const title = t(`home.tiles.${tile.key}.title`);
  const description = t(`home.tiles.${tile.key}.description`);
  if (tile.path !== undefined) {
    return (
      <Link to={tile.path} className="tile tile--link">
        <Icon name={tile.icon} size={32} />
        <h3 className="tile__title">{title}</h3>
        <span className="tile__description">{description}</span>
      </Link>
    );
  }
  // Not built yet: not a link and not focusable, so nobody is sent to an empty page; the badge says why.
  return (
    <div className="tile tile--disabled">
      <Icon name={tile.icon} size={32} />
      <h3 className="tile__title">{title}</h3>
      <span className="tile__description">{description}</span>
      <span className="badge">{t('common.comingSoon')}</span>
    </div>
  );
}
