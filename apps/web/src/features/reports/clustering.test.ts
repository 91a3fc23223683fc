import { describe, expect, it } from 'vitest';
import { clusterByGrid } from './clustering.ts';

describe('grid clustering', () => {
  const position = (point: { x: number; y: number }) => point;

  it('groups the points of one grid cell at their mean position', () => {
    const clusters = clusterByGrid(
      [
        { x: 10, y: 10 },
        { x: 50, y: 30 },
        { x: 70, y: 10 },
        { x: 130, y: 130 },
      ],
      position,
      64,
    );
    expect(clusters.map((cluster) => ({ x: cluster.x, y: cluster.y, size: cluster.items.length }))).toEqual([
      { x: 30, y: 20, size: 2 },
      { x: 70, y: 10, size: 1 },
      { x: 130, y: 130, size: 1 },
    ]);
  });

  it('keeps every item exactly once, and works for many points', () => {
    const points = Array.from({ length: 1000 }, (_, index) => ({ x: (index * 37) % 900, y: (index * 91) % 700, id: index }));
    const clusters = clusterByGrid(points, position, 64);
    const ids = clusters.flatMap((cluster) => cluster.items.map((item) => item.id)).sort((left, right) => left - right);
    expect(ids).toEqual(points.map((point) => point.id));
    expect(clusters.length).toBeLessThanOrEqual(Math.ceil(900 / 64) * Math.ceil(700 / 64));
  });

  it('puts negative coordinates in their own cells', () => {
    const clusters = clusterByGrid([{ x: -1, y: 5 }, { x: 1, y: 5 }], position, 64);
    expect(clusters).toHaveLength(2);
  });
});
