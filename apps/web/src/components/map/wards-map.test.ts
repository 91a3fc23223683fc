import * as L from 'leaflet';
import { describe, expect, it } from 'vitest';
import { stopAndRemove } from './wards-map.tsx';

type Internals = L.Map & { _animatingZoom: boolean; _animateToCenter: L.LatLng; _animateToZoom: number; _onZoomTransitionEnd: () => void };

/** Puts `map` in the middle of a zoom animation, as a fit or a wheel zoom does: Leaflet ends it from a timer 250 ms later. */
function startZoomAnimation(map: Internals): void {
  map._animatingZoom = true;
  map._animateToCenter = map.getCenter();
  map._animateToZoom = 13;
}

describe('stopAndRemove', () => {
  it('leaves nothing that touches the removed map when a zoom animation was still running', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const map = L.map(container).setView([16.4637, 107.5909], 12) as Internals;
    startZoomAnimation(map);
    stopAndRemove(map);
    expect(() => map._onZoomTransitionEnd()).not.toThrow();
    container.remove();
  });

  it('is what a plain remove() is not: the pending end of the animation throws there', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const map = L.map(container).setView([16.4637, 107.5909], 12) as Internals;
    startZoomAnimation(map);
    map.remove();
    expect(() => map._onZoomTransitionEnd()).toThrow(/_leaflet_pos/);
    container.remove();
  });
});
