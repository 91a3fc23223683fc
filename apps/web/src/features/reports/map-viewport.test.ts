import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BBOX_DEGREES, bboxOfBounds, debounce, formatBbox } from './map-viewport.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('viewport box', () => {
  it('is minLng,minLat,maxLng,maxLat, rounded outwards to five decimals so nothing visible is cut off', () => {
    const bbox = bboxOfBounds({ south: 16.4123456, west: 107.5123456, north: 16.5000001, east: 107.6999999 });
    expect(bbox).toEqual([107.51234, 16.41234, 107.7, 16.50001]);
    expect(formatBbox(bbox)).toBe('107.51234,16.41234,107.7,16.50001');
  });

  it('shrinks around its centre to what the API accepts when zoomed far out', () => {
    const [minLng, minLat, maxLng, maxLat] = bboxOfBounds({ south: 10, west: 100, north: 24, east: 116 });
    expect(maxLng - minLng).toBeCloseTo(MAX_BBOX_DEGREES, 4);
    expect(maxLat - minLat).toBeCloseTo(MAX_BBOX_DEGREES, 4);
    expect((minLng + maxLng) / 2).toBeCloseTo(108, 4);
    expect((minLat + maxLat) / 2).toBeCloseTo(17, 4);
  });

  it('stays on the globe when the map wraps past the antimeridian or the poles', () => {
    const [minLng, minLat, maxLng, maxLat] = bboxOfBounds({ south: -95, west: 178, north: -88, east: 190 });
    expect(minLng).toBeGreaterThanOrEqual(-180);
    expect(maxLng).toBeLessThanOrEqual(180);
    expect(minLat).toBeGreaterThanOrEqual(-90);
    expect(maxLat).toBeLessThanOrEqual(90);
  });
});

describe('debounce', () => {
  it('runs once, with the last arguments, after the calls stop', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const debounced = debounce(run, 300);
    debounced('a');
    vi.advanceTimersByTime(200);
    debounced('b');
    vi.advanceTimersByTime(299);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith('b');
  });

  it('drops a pending call when cancelled (the map was closed)', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const debounced = debounce(run, 300);
    debounced();
    debounced.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
