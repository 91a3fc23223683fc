/**
 * The pure half of the benchmarks: options, the results' shape, ratios to the raw ceiling and the printed table.
 */
import { parseOptions, type OptionSpec } from '../../apps/api/src/scripts/city-data/cli.ts';

export interface WorkloadResult {
  name: string;
  title: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
  ceilingRps?: number;
  ceilingP50Ms?: number;
  ceilingP99Ms?: number;
  ratio?: number;
}

export const BENCH_OPTIONS = {
  embedded: { type: 'boolean', default: false },
  quick: { type: 'boolean', default: false },
  duration: { type: 'count', default: 0, min: 0, max: 3600 },
  connections: { type: 'count', default: 10, min: 1, max: 1000 },
  citizens: { type: 'count', default: 0, min: 0, max: 9_999_999 },
  reports: { type: 'count', default: 0, min: 0, max: 100_000_000 },
  dossiers: { type: 'count', default: 0, min: 0, max: 50_000_000 },
  'admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  database: { type: 'string', default: 'onecity_bench' },
  reuse: { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  only: { type: 'string', default: null },
  'no-ceiling': { type: 'boolean', default: false },
  'check-sql': { type: 'boolean', default: false },
  sizes: { type: 'counts', default: [100_000, 1_000_000] },
  help: { type: 'boolean', default: false },
} satisfies Record<string, OptionSpec>;

export type BenchOptions = ReturnType<typeof parseBenchOptions>;

/** Parses `npm run bench` options and fills the sizes and durations implied by --quick. */
export function parseBenchOptions(argv: string[]) {
  const options = parseOptions(argv, BENCH_OPTIONS);
  const quick = options.quick;
  return {
    ...options,
    duration: options.duration || (quick ? 3 : 10),
    citizens: options.citizens || (quick ? 2_000 : 100_000),
    reports: options.reports || (quick ? 5_000 : 100_000),
    dossiers: options.dossiers || (quick ? 2_000 : 20_000),
    workloads: options.only ? options.only.split(',').map((name) => name.trim().toUpperCase()) : null,
  };
}

/** Our throughput as a share of the raw ceiling's (null when there is no ceiling). */
export function ceilingRatio(rps: number, ceilingRps: number | undefined): number | undefined {
  if (ceilingRps === undefined || ceilingRps <= 0) return undefined;
  return Math.round((rps / ceilingRps) * 1000) / 1000;
}

const number = (value: number | undefined, digits = 0) => (value === undefined ? '—' : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

/** The results as an aligned text table. */
export function formatTable(results: WorkloadResult[]): string {
  const header = ['Workload', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'ceiling req/s', 'ceiling p99', 'of ceiling'];
  const rows = results.map((result) => [
    `${result.name} ${result.title}`,
    number(result.rps),
    number(result.p50Ms, 1),
    number(result.p99Ms, 1),
    number(result.errors),
    number(result.ceilingRps),
    number(result.ceilingP99Ms, 1),
    result.ratio === undefined ? '—' : `${(result.ratio * 100).toFixed(0)} %`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}

/** The JSON written to bench/results/latest.json. */
export function resultsJson(results: WorkloadResult[], extra: Record<string, unknown>) {
  return {
    ...extra,
    workloads: results.map((result) => ({
      name: result.name,
      title: result.title,
      rps: Math.round(result.rps * 10) / 10,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      errors: result.errors,
      requests: result.requests,
      ...(result.ceilingRps !== undefined ? { ceilingRps: Math.round(result.ceilingRps * 10) / 10, ceilingP99Ms: result.ceilingP99Ms, ratio: result.ratio } : {}),
    })),
  };
}

/** How p99 changed between data sizes, per workload, as a text table. */
export function formatGrowth(sizes: number[], byWorkload: Map<string, number[]>): string {
  const header = ['Workload', ...sizes.map((size) => `p99 @ ${size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`}`), 'growth'];
  const rows = [...byWorkload.entries()].map(([name, p99s]) => [name, ...p99s.map((p99) => `${p99.toFixed(1)} ms`), p99s.length > 1 && (p99s[0] ?? 0) > 0 ? `${((p99s.at(-1) ?? 0) / (p99s[0] ?? 1)).toFixed(2)}×` : '—']);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}
