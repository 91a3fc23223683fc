import { describe, expect, it } from 'vitest';
import { ceilingRatio, formatGrowth, formatTable, parseBenchOptions, resultsJson } from '../../../../../bench/lib/report.ts';
import { formatProgress, parseCount, parseOptions, parseSizes } from './cli.ts';
import { cumulativeThresholds, minuteQuantiles, spreadOverDays } from './city-model.ts';

describe('command-line parsing', () => {
  it('reads counts the way people write them', () => {
    expect(parseCount('1300000')).toBe(1_300_000);
    expect(parseCount('1_300_000')).toBe(1_300_000);
    expect(parseCount('1,300,000')).toBe(1_300_000);
    expect(parseCount('100k')).toBe(100_000);
    expect(parseCount('1.3M')).toBe(1_300_000);
    expect(parseCount('1e6')).toBe(1_000_000);
    expect(() => parseCount('ten')).toThrow(/whole number/);
    expect(() => parseCount('1.5')).toThrow(/whole number/);
    expect(parseSizes('100000,1M,10M')).toEqual([100_000, 1_000_000, 10_000_000]);
  });

  it('parses options by a spec and refuses unknown ones and values out of range', () => {
    const spec = { reports: { type: 'count', default: 5, min: 1, max: 100 }, quick: { type: 'boolean', default: false }, name: { type: 'string', default: null } } as const;
    expect(parseOptions(['--reports', '50', '--quick'], spec)).toEqual({ reports: 50, quick: true, name: null });
    expect(parseOptions(['--reports=1k'].slice(0, 0), spec)).toEqual({ reports: 5, quick: false, name: null });
    expect(() => parseOptions(['--reports', '500'], spec)).toThrow(/between 1 and 100/);
    expect(() => parseOptions(['--nope'], spec)).toThrow();
  });

  it('fills the quick benchmark defaults', () => {
    const quick = parseBenchOptions(['--quick']);
    expect(quick).toMatchObject({ quick: true, duration: 3, reports: 5_000, connections: 10, workloads: null });
    expect(parseBenchOptions(['--sizes', '100k,1M', '--only', 'w1,w3']).sizes).toEqual([100_000, 1_000_000]);
    expect(parseBenchOptions(['--only', 'w1,w3']).workloads).toEqual(['W1', 'W3']);
  });
});

describe('result tables', () => {
  const results = [
    { name: 'W1', title: 'public map', rps: 812.4, p50Ms: 11, p99Ms: 38.5, errors: 0, requests: 8124, ceilingRps: 1000, ceilingP99Ms: 20, ratio: ceilingRatio(812.4, 1000) },
    { name: 'W2', title: 'submit report', rps: 120, p50Ms: 70, p99Ms: 210, errors: 3, requests: 1200 },
  ];

  it('computes the ratio to the ceiling', () => {
    expect(ceilingRatio(812.4, 1000)).toBe(0.812);
    expect(ceilingRatio(10, undefined)).toBeUndefined();
    expect(ceilingRatio(10, 0)).toBeUndefined();
  });

  it('prints aligned rows with dashes where a workload has no ceiling', () => {
    const table = formatTable(results).split('\n');
    expect(table[0]).toMatch(/^Workload\s+\| req\/s \| p50 ms \| p99 ms \| errors \| ceiling req\/s \| ceiling p99 \| of ceiling$/);
    expect(table[2]).toContain('812');
    expect(table[2]).toContain('81 %');
    expect(table[3]).toMatch(/\| +— \| +— \| +—$/);
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
  });

  it('writes the JSON shape of latest.json', () => {
    const json = resultsJson(results, { database: 'postgres' });
    expect(json.workloads[0]).toEqual({ name: 'W1', title: 'public map', rps: 812.4, p50Ms: 11, p99Ms: 38.5, errors: 0, requests: 8124, ceilingRps: 1000, ceilingP99Ms: 20, ratio: 0.812 });
    expect(json.workloads[1]).not.toHaveProperty('ceilingRps');
  });

  it('shows p99 growth between sizes', () => {
    const table = formatGrowth([100_000, 1_000_000], new Map([['W1', [20, 30]]]));
    expect(table).toContain('p99 @ 100k');
    expect(table).toContain('p99 @ 1M');
    expect(table).toContain('1.50×');
  });
});

describe('the city model', () => {
  it('spreads a total over days by weight without losing any', () => {
    const counts = spreadOverDays(1000, ['a', 'b', 'c'], (day) => (day === 'b' ? 2 : 1));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(counts[1]).toBe(500);
  });

  it('makes width_bucket thresholds and monotone minute quantiles', () => {
    expect(cumulativeThresholds([1, 1, 2])).toEqual([0, 0.25, 0.5]);
    const quantiles = minuteQuantiles([0, 0, 0, 0, 0, 0, 0, 0, 1, ...Array<number>(15).fill(0)]);
    expect(quantiles).toHaveLength(1441);
    expect(quantiles[0]).toBeGreaterThanOrEqual(480);
    expect(quantiles[1440]).toBeLessThanOrEqual(540);
    expect(quantiles.every((value, index) => index === 0 || value >= (quantiles[index - 1] ?? 0))).toBe(true);
    expect(formatProgress('reports', 50, 100, 2)).toMatch(/^reports\s+\[#{12}\.{12}\] 50\/100 +50% {2}25\/s {2}2\.0s elapsed, ~2\.0s left$/);
  });
});
