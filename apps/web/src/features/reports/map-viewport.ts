/** [minLng, minLat, maxLng, maxLat], the order of GET /reports?bbox=. */
export type Bbox = [number, number, number, number];

/** The API refuses boxes wider or taller than this (degrees). */
export const MAX_BBOX_DEGREES = 5;
/** How long the map must rest before the reports in view are asked for again. */
export const VIEWPORT_DEBOUNCE_MS = 300;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
// Five decimals are about a metre: finer adds nothing and would make every tiny pan a new request. The small
// tolerance keeps a value that is already round (16.4 is 1639999.9999999998 × 1e-5 in binary) as it is.
const floor5 = (value: number) => Math.floor(value * 1e5 + 1e-6) / 1e5;
const ceil5 = (value: number) => Math.ceil(value * 1e5 - 1e-6) / 1e5;

function shrinkAround(min: number, max: number): [number, number] {
  if (max - min <= MAX_BBOX_DEGREES) return [min, max];
  const centre = (min + max) / 2;
  return [centre - MAX_BBOX_DEGREES / 2, centre + MAX_BBOX_DEGREES / 2];
}

/**
 * The box to ask for from the map's visible bounds: kept on the globe, shrunk around its centre when
 * zoomed out beyond what the API accepts, and rounded outwards to five decimals so nothing visible is cut off.
 */
export function bboxOfBounds(bounds: { south: number; west: number; north: number; east: number }): Bbox {
  const [south, north] = shrinkAround(clamp(bounds.south, -90, 90), clamp(bounds.north, -90, 90));
  const [west, east] = shrinkAround(clamp(bounds.west, -180, 180), clamp(bounds.east, -180, 180));
  return [floor5(west), floor5(south), ceil5(east), ceil5(north)];
}

/** "minLng,minLat,maxLng,maxLat" for the query string. */
export function formatBbox(bbox: Bbox): string {
  return bbox.join(',');
}

export type Debounced<Args extends unknown[]> = ((...args: Args) => void) & { cancel: () => void };

/** Calls `run` once calls have stopped for `waitMs`, with the last arguments; `cancel` drops a pending call. */
export function debounce<Args extends unknown[]>(run: (...args: Args) => void, waitMs: number): Debounced<Args> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (...args: Args) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run(...args);
    }, waitMs);
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}
