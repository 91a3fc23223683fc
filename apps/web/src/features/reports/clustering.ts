/** Above this many reports in view, nearby markers are grouped so the map stays readable and fast. */
export const CLUSTER_THRESHOLD = 200;
/** The side of a grid cell, in screen pixels. */
export const CLUSTER_CELL_PIXELS = 64;

export type Point = { x: number; y: number };
export type Cluster<T> = { x: number; y: number; items: T[] };

/**
 * Groups items by the square grid cell (of `cellSize` pixels, in the map's absolute pixel space at the current
 * zoom) that holds them; each group sits at the mean position of its members. Using absolute pixels, not
 * screen ones, keeps groups stable while the map is panned. Groups come in the order of their first member.
 */
export function clusterByGrid<T>(items: readonly T[], positionOf: (item: T) => Point, cellSize: number): Cluster<T>[] {
  const cells = new Map<string, { sumX: number; sumY: number; items: T[] }>();
  for (const item of items) {
    const { x, y } = positionOf(item);
    const key = `${Math.floor(x / cellSize)}:${Math.floor(y / cellSize)}`;
    const cell = cells.get(key);
    if (cell === undefined) cells.set(key, { sumX: x, sumY: y, items: [item] });
    else {
      cell.sumX += x;
      cell.sumY += y;
      cell.items.push(item);
    }
  }
  return [...cells.values()].map((cell) => ({ x: cell.sumX / cell.items.length, y: cell.sumY / cell.items.length, items: cell.items }));
}
