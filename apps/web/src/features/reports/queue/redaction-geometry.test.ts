import { describe, expect, it } from 'vitest';
import { fractionsToPercent, percentToFractions, pixelsToFractions, withVersion } from './redaction-geometry.ts';

describe('redaction geometry', () => {
  it('turns a drag on the displayed picture into fractions of the picture, whichever way it went', () => {
    const size = { width: 400, height: 300 };
    expect(pixelsToFractions({ x: 100, y: 30 }, { x: 200, y: 180 }, size)).toEqual({ x: 0.25, y: 0.1, width: 0.25, height: 0.5 });
    expect(pixelsToFractions({ x: 200, y: 180 }, { x: 100, y: 30 }, size)).toEqual({ x: 0.25, y: 0.1, width: 0.25, height: 0.5 });
  });

  it('keeps a drag that leaves the picture inside it', () => {
    expect(pixelsToFractions({ x: 300, y: -20 }, { x: 480, y: 150 }, { width: 400, height: 300 })).toEqual({ x: 0.75, y: 0, width: 0.25, height: 0.5 });
    expect(pixelsToFractions({ x: 1, y: 1 }, { x: 2, y: 2 }, { width: 0, height: 0 })).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });

  it('converts between typed percentages and fractions, refusing boxes outside the picture or empty', () => {
    expect(fractionsToPercent({ x: 0.25, y: 0.1, width: 0.3333, height: 0.5 })).toEqual({ x: '25', y: '10', width: '33.3', height: '50' });
    expect(percentToFractions({ x: '25', y: '10,5', width: '30', height: '50' })).toEqual({ x: 0.25, y: 0.105, width: 0.3, height: 0.5 });
    expect(percentToFractions({ x: '80', y: '0', width: '30', height: '10' })).toBeUndefined();
    expect(percentToFractions({ x: '10', y: '10', width: '0', height: '10' })).toBeUndefined();
    expect(percentToFractions({ x: '', y: '10', width: '10', height: '10' })).toBeUndefined();
  });

  it('adds a cache-busting parameter after a change', () => {
    expect(withVersion('/api/v1/reports/photos/a.jpg', 0)).toBe('/api/v1/reports/photos/a.jpg');
    expect(withVersion('/api/v1/reports/photos/a.jpg', 7)).toBe('/api/v1/reports/photos/a.jpg?v=7');
    expect(withVersion('/p/a.jpg?size=full', 7)).toBe('/p/a.jpg?size=full&v=7');
  });
});
