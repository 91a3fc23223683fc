import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as L from 'leaflet';
import { currentLocale } from '../../app/i18n/index.ts';
import { TextField } from '../../components/text-field.tsx';
import { findAreaAt, type LatLng } from '../../components/map/areas.ts';
import { MapCanvas, PLACE_ZOOM, useWardsMap } from '../../components/map/wards-map.tsx';

// Six decimals are about 10 cm: more precision than any phone has, and short enough to read.
const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;
const toLatLng = (point: L.LatLng): LatLng => ({ lat: roundCoordinate(point.lat), lng: roundCoordinate(point.lng) });

/** Parses a typed coordinate ("16.4698" or "16,4698"), or undefined when it is not a number within the range. */
export function parseCoordinate(text: string, limit: number): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Math.abs(value) <= limit ? value : undefined;
}

type GeolocationState = { status: 'idle' } | { status: 'locating' } | { status: 'error'; reason: 'denied' | 'unavailable' | 'unsupported' };

/**
 * Where the problem is: the citizen's position, a tap on the map (the pin can then be dragged), or typed
 * coordinates for those who cannot use the map. The chosen place is also written out with its ward.
 */
export function LocationPicker({
  value,
  onChange,
  error,
}: {
  value: LatLng | null;
  onChange: (location: LatLng) => void;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [initialValue] = useState(value);
  const { map, areas } = useWardsMap(container, initialValue ? { centre: initialValue, zoom: PLACE_ZOOM } : undefined);
  const markerRef = useRef<L.Marker | undefined>(undefined);
  // A place chosen on the map is not re-centred on; one typed or located is.
  const lastFromMap = useRef<LatLng | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const [geolocation, setGeolocation] = useState<GeolocationState>({ status: 'idle' });
  const [typed, setTyped] = useState({ lat: value ? String(value.lat) : '', lng: value ? String(value.lng) : '' });
  const [typedErrors, setTypedErrors] = useState<{ lat?: string; lng?: string }>({});

  useEffect(() => {
    if (map === undefined) return;
    const handleClick = (event: L.LeafletMouseEvent) => {
      const location = toLatLng(event.latlng);
      lastFromMap.current = location;
      onChangeRef.current(location);
    };
    map.on('click', handleClick);
    return () => {
      map.off('click', handleClick);
    };
  }, [map]);

  // The pin's title is read once, when the pin is made; a language switch does not move the map.
  useEffect(() => {
    if (map === undefined) return;
    if (value === null) {
      markerRef.current?.remove();
      markerRef.current = undefined;
      return;
    }
    if (markerRef.current === undefined) {
      const marker = L.marker([value.lat, value.lng], {
        draggable: true,
        autoPan: true,
        title: t('reports.location.pinTitle'),
        alt: t('reports.location.pinTitle'),
        icon: L.divIcon({ className: 'map-pin', html: '<span class="map-pin__head"></span>', iconSize: [30, 42], iconAnchor: [15, 42] }),
      });
      marker.on('dragend', () => {
        const location = toLatLng(marker.getLatLng());
        lastFromMap.current = location;
        onChangeRef.current(location);
      });
      marker.addTo(map);
      markerRef.current = marker;
    } else {
      markerRef.current.setLatLng([value.lat, value.lng]);
    }
    const fromMap = lastFromMap.current;
    if (fromMap === null || fromMap.lat !== value.lat || fromMap.lng !== value.lng) map.setView([value.lat, value.lng], Math.max(map.getZoom(), PLACE_ZOOM));
  }, [map, value]);

  useEffect(
    () => () => {
      markerRef.current = undefined;
    },
    [map],
  );

  useEffect(() => {
    if (value !== null) setTyped({ lat: String(value.lat), lng: String(value.lng) });
  }, [value]);

  function locateMe() {
    if (!('geolocation' in navigator)) {
      setGeolocation({ status: 'error', reason: 'unsupported' });
      return;
    }
    setGeolocation({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setGeolocation({ status: 'idle' });
        lastFromMap.current = null;
        onChange({ lat: roundCoordinate(position.coords.latitude), lng: roundCoordinate(position.coords.longitude) });
      },
      (failure) => setGeolocation({ status: 'error', reason: failure.code === failure.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  function applyTyped() {
    const lat = parseCoordinate(typed.lat, 90);
    const lng = parseCoordinate(typed.lng, 180);
    setTypedErrors({
      lat: lat === undefined ? t('reports.validation.latitude') : undefined,
      lng: lng === undefined ? t('reports.validation.longitude') : undefined,
    });
    if (lat === undefined || lng === undefined) return;
    lastFromMap.current = null;
    onChange({ lat, lng });
  }

  const area = value && areas ? findAreaAt(areas, value) : undefined;
  const areaName = area ? (locale === 'vi' ? area.properties.nameVi : area.properties.nameEn) : undefined;

  return (
    <fieldset className={['fieldset', error ? 'fieldset--invalid' : undefined].filter(Boolean).join(' ')}>
      <legend className="fieldset__legend">{t('reports.location.title')}</legend>
      <p className="field__hint">{t('reports.location.hint')}</p>
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={locateMe} disabled={geolocation.status === 'locating'} aria-invalid={error && value === null ? true : undefined}>
          {geolocation.status === 'locating' ? t('reports.location.locating') : t('reports.location.useMyLocation')}
        </button>
      </div>
      {geolocation.status === 'error' && (
        <p className="field__error" role="alert">
          {t(`reports.location.geolocationError.${geolocation.reason}`)}
        </p>
      )}
      <MapCanvas label={t('reports.location.mapLabel')} onContainer={setContainer} className="map--picker" />
      <p className="location-summary" role="status">
        {value === null
          ? t('reports.location.none')
          : t('reports.location.chosen', { lat: value.lat.toFixed(5), lng: value.lng.toFixed(5) }) +
            (areas ? ` · ${areaName ?? t('reports.location.outsideCity')}` : '')}
      </p>
      {error && <p className="field__error">{error}</p>}
      <details className="disclosure">
        <summary>{t('reports.location.typeCoordinates')}</summary>
        <div className="coordinate-fields">
          <TextField
            label={t('reports.location.latitude')}
            inputMode="decimal"
            value={typed.lat}
            onChange={(event) => setTyped((current) => ({ ...current, lat: event.target.value }))}
            error={typedErrors.lat}
          />
          <TextField
            label={t('reports.location.longitude')}
            inputMode="decimal"
            value={typed.lng}
            onChange={(event) => setTyped((current) => ({ ...current, lng: event.target.value }))}
            error={typedErrors.lng}
          />
        </div>
        <button type="button" className="button button--secondary" onClick={applyTyped}>
          {t('reports.location.applyCoordinates')}
        </button>
      </details>
    </fieldset>
  );
}
