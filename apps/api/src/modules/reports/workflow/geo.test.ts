import { describe, expect, it } from 'vitest';
import { formatReportCode } from './report-code.ts';
import { boxAround, distanceMetres } from './geo.ts';

describe('distanceMetres', () => {
  it('measures short distances in Huế', () => {
    // 0.0005° of latitude ≈ 55.6 m anywhere.
    expect(distanceMetres({ lng: 107.58, lat: 16.47 }, { lng: 107.58, lat: 16.4705 })).toBeCloseTo(55.6, 0);
    // Ngọ Môn gate to Trường Tiền bridge, about 1.5 km.
    const d = distanceMetres({ lng: 107.5786, lat: 16.4672 }, { lng: 107.5907, lat: 16.4677 });
    expect(d).toBeGreaterThan(1200);
    expect(d).toBeLessThan(1400);
  });
});

describe('boxAround', () => {
  it('contains the whole circle', () => {
    const centre = { lng: 107.58, lat: 16.47 };
    const box = boxAround(centre, 50);
    expect(distanceMetres(centre, { lng: box.maxLng, lat: centre.lat })).toBeCloseTo(50, 0);
    expect(distanceMetres(centre, { lng: centre.lng, lat: box.minLat })).toBeCloseTo(50, 0);
  });
});

describe('formatReportCode', () => {
  it('is PA-YYMMDD-NNNN', () => {
    expect(formatReportCode('2026-11-29', 42)).toBe('PA-261129-0042');
    expect(formatReportCode('2027-01-05', 12345)).toBe('PA-270105-12345');
  });
});
