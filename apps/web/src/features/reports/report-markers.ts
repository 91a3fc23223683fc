import { useEffect, useState } from 'react';
import * as L from 'leaflet';
import type { PublicReport } from '@onecity/contracts';
import { CLUSTER_CELL_PIXELS, CLUSTER_THRESHOLD, clusterByGrid } from './clustering.ts';
import { STATUS_COLOURS } from './report-status.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** What a marker needs of a report. */
type MarkedReport = Pick<PublicReport, 'code' | 'status' | 'location' | 'category'>;

export type MarkerTexts<Report extends MarkedReport = MarkedReport> = {
  /** The popup's category line for a report. */
  categoryOf: (report: Report) => string;
  statusOf: (report: Report) => string;
  /** "12 reports", for a group marker. */
  groupLabel: (count: number) => string;
};

/**
 * Draws the reports on the map: one dot per report coloured by status, or, above CLUSTER_THRESHOLD reports,
 * grid groups with their count that zoom in when clicked. Popups link to the report page with
 * `data-report-link`, which the page turns into in-app navigation. Regrouped after every zoom.
 */
export function useReportMarkers<Report extends MarkedReport>(map: L.Map | undefined, reports: readonly Report[], texts: MarkerTexts<Report>): void {
  const [zoom, setZoom] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (map === undefined) return;
    const handleZoom = () => setZoom(map.getZoom());
    handleZoom();
    map.on('zoomend', handleZoom);
    return () => {
      map.off('zoomend', handleZoom);
    };
  }, [map]);

  useEffect(() => {
    if (map === undefined || zoom === undefined) return;
    const group = L.layerGroup();
    const addDot = (report: Report) => {
      const popup =
        `<p class="map-popup__title"><a href="/reports/${encodeURIComponent(report.code)}" data-report-link="${escapeHtml(report.code)}">${escapeHtml(report.code)}</a></p>` +
        `<p>${escapeHtml(texts.categoryOf(report))}</p><p>${escapeHtml(texts.statusOf(report))}</p>`;
      L.circleMarker([report.location.lat, report.location.lng], {
        radius: 8,
        color: '#ffffff',
        weight: 2,
        fillColor: STATUS_COLOURS[report.status],
        fillOpacity: 0.95,
        className: `report-marker report-marker--${report.status}`,
      })
        .bindPopup(popup)
        .addTo(group);
    };
    // At the deepest zoom, reports at the very same spot could never be split, so they are drawn one by one.
    if (reports.length <= CLUSTER_THRESHOLD || zoom >= map.getMaxZoom()) {
      reports.forEach(addDot);
    } else {
      const clusters = clusterByGrid(reports, (report) => map.project([report.location.lat, report.location.lng], zoom), CLUSTER_CELL_PIXELS);
      for (const cluster of clusters) {
        const [only] = cluster.items;
        if (cluster.items.length === 1 && only) {
          addDot(only);
          continue;
        }
        const count = cluster.items.length;
        const size = count < 10 ? 34 : count < 100 ? 40 : 48;
        const bounds = L.latLngBounds(cluster.items.map((report) => [report.location.lat, report.location.lng] as [number, number]));
        L.marker(map.unproject([cluster.x, cluster.y], zoom), {
          title: texts.groupLabel(count),
          alt: texts.groupLabel(count),
          icon: L.divIcon({ className: 'report-cluster', html: `<span>${count}</span>`, iconSize: [size, size] }),
        })
          .on('click', () => map.fitBounds(bounds.pad(0.2), { maxZoom: zoom + 3 }))
          .addTo(group);
      }
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, reports, zoom, texts]);
}
