import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { currentLocale } from '../../app/i18n/index.ts';
import { boundsOfAreas, loadAreas, type AreaCollection, type LatLng } from './areas.ts';

/** Zoom for a single place (a report, the citizen's position): a few streets around it. */
export const PLACE_ZOOM = 17;
// Huế's centre, shown until the ward boundaries arrive.
const CITY_CENTRE: LatLng = { lat: 16.4637, lng: 107.5909 };
const CITY_ZOOM = 12;

export type WardsMapState = {
  /** The Leaflet map once created (after the first render). */
  map: L.Map | undefined;
  /** The wards, once loaded. */
  areas: AreaCollection | undefined;
  /** Why the wards could not be loaded; the map still works without them. */
  areasError: unknown;
};

/**
 * A Leaflet map in `container` whose base layer is the ward boundaries from /areas: no tile server is needed.
 * When VITE_MAP_TILE_URL is set, its tiles are drawn under the wards with VITE_MAP_TILE_ATTRIBUTION.
 * Without `initialView` the map fits the whole city once the wards arrive.
 */
export function useWardsMap(container: HTMLDivElement | null, initialView?: { centre: LatLng; zoom: number }): WardsMapState {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [map, setMap] = useState<L.Map | undefined>(undefined);
  const [areas, setAreas] = useState<AreaCollection | undefined>(undefined);
  const [areasError, setAreasError] = useState<unknown>(undefined);
  const initialViewRef = useRef(initialView);

  useEffect(() => {
    if (container === null) return;
    const view = initialViewRef.current;
    const created = L.map(container, { minZoom: 7, maxZoom: 19, zoomControl: true });
    created.setView(view ? [view.centre.lat, view.centre.lng] : [CITY_CENTRE.lat, CITY_CENTRE.lng], view?.zoom ?? CITY_ZOOM);
    const tileUrl = import.meta.env.VITE_MAP_TILE_URL;
    if (tileUrl) L.tileLayer(tileUrl, { attribution: import.meta.env.VITE_MAP_TILE_ATTRIBUTION ?? '', maxZoom: 19 }).addTo(created);
    setMap(created);
    let isCurrent = true;
    loadAreas()
      .then((loaded) => {
        if (!isCurrent) return;
        const bounds = boundsOfAreas(loaded.features);
        // Not animated: an animation still running when the page unmounts the map would touch its removed panes.
        if (view === undefined && bounds !== undefined) created.fitBounds(bounds, { padding: [8, 8], animate: false });
        setAreas(loaded);
      })
      .catch((error: unknown) => {
        if (isCurrent) setAreasError(error);
      });
    return () => {
      isCurrent = false;
      setMap(undefined);
      stopAndRemove(created);
    };
  }, [container]);

  // The ward layer is redrawn when the language changes, for its names.
  useEffect(() => {
    if (map === undefined || areas === undefined) return;
    const layer = L.geoJSON(areas as unknown as Parameters<typeof L.geoJSON>[0], {
      style: () => ({ color: '#4a5666', weight: 1.5, fillColor: '#fdfcf7', fillOpacity: 0.85, className: 'ward-shape' }),
      onEachFeature: (feature, shape) => {
        const properties = feature.properties as { nameVi?: string; nameEn?: string };
        const name = locale === 'vi' ? properties.nameVi : properties.nameEn;
        if (name) shape.bindTooltip(name, { sticky: true, direction: 'top' });
      },
    });
    layer.addTo(map);
    layer.bringToBack();
    return () => {
      layer.remove();
    };
  }, [map, areas, locale]);

  return { map, areas, areasError };
}

/**
 * Removes a map safely while a pan or zoom may still be running (a fit, a click on a group, a wheel zoom): Leaflet's
 * zoom animation finishes on a timer that would otherwise move the removed map pane and throw
 * "Cannot read properties of undefined (reading '_leaflet_pos')".
 */
export function stopAndRemove(map: L.Map): void {
  map.stop();
  // Leaflet has no public way to cancel a zoom animation; its end handler does nothing once this flag is cleared.
  const internals = map as L.Map & { _animatingZoom?: boolean; _sizeTimer?: ReturnType<typeof setTimeout> };
  internals._animatingZoom = false;
  if (internals._sizeTimer !== undefined) clearTimeout(internals._sizeTimer);
  map.remove();
}

/** The element a map is drawn in, named for assistive technology; the page gives the text alternative beside it. */
export function MapCanvas({ label, onContainer, className }: { label: string; onContainer: (element: HTMLDivElement | null) => void; className?: string }) {
  return <div className={['map', className].filter(Boolean).join(' ')} role="region" aria-label={label} ref={onContainer} />;
}
