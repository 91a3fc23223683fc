import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { LatLng } from '../../components/map/areas.ts';
import { StatusBadge } from './report-bits.tsx';
import { findNearbyReports, type NearbyReport } from './reports.api.ts';

const NEARBY_DEBOUNCE_MS = 400;

type NearbyState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; items: NearbyReport[] };

/**
 * Open reports of the same category within 50 m of the chosen place, shown before sending so the citizen
 * can follow one instead of filing the same problem twice (FixMyStreet's duplicate suggestion).
 */
export function NearbyReports({
  categoryCode,
  location,
  followed,
  onFollow,
}: {
  categoryCode: string;
  location: LatLng | null;
  followed: ReadonlySet<string>;
  onFollow: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<NearbyState>({ status: 'idle' });
  const lat = location?.lat;
  const lng = location?.lng;

  useEffect(() => {
    if (categoryCode === '' || lat === undefined || lng === undefined) {
      setState({ status: 'idle' });
      return;
    }
    let isCurrent = true;
    // Waits for the pin to rest: dragging it would otherwise ask at every step.
    const timer = window.setTimeout(() => {
      setState({ status: 'loading' });
      findNearbyReports(categoryCode, { lat, lng })
        .then(({ items }) => isCurrent && setState({ status: 'ready', items }))
        .catch((error: unknown) => isCurrent && setState({ status: 'error', error }));
    }, NEARBY_DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [categoryCode, lat, lng]);

  if (state.status === 'idle' || state.status === 'loading') return null;
  if (state.status === 'error') return <ErrorAlert error={state.error} />;
  if (state.items.length === 0) return null;
  return (
    <section className="nearby" aria-labelledby="nearby-title">
      <h2 id="nearby-title">{t('reports.nearby.title')}</h2>
      <p>{t('reports.nearby.intro')}</p>
      <ul className="nearby__list">
        {state.items.map((report) => (
          <li key={report.code} className="nearby__item">
            <p className="nearby__head">
              <Link to={`/reports/${report.code}`}>{report.code}</Link> <StatusBadge status={report.status} />{' '}
              <span className="note">{t('reports.nearby.distance', { metres: Math.round(report.distanceMetres) })}</span>
            </p>
            <p className="nearby__description">{report.description}</p>
            {followed.has(report.code) ? (
              <p className="nearby__followed">{t('reports.nearby.following')}</p>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => onFollow(report.code)}>
                {t('reports.nearby.follow', { code: report.code })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
