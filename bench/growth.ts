/**
 * `npm run bench:growth [-- --sizes 100000,1000000,10000000] [--duration 10] [--keep]`: W1, W3 and W5 at each data
 * size on PostgreSQL (one database per size, onecity_bench_<size>, reused when it already holds generated data),
 * printing how p99 grows. Loading 10 M reports takes a while: the load time is printed for each size.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { formatGrowth, parseBenchOptions, type WorkloadResult } from './lib/report.ts';
import { root } from './lib/processes.ts';
import { prepareDatabase, runSuite } from './lib/suite.ts';

const options = parseBenchOptions(process.argv.slice(2));
const log = (text: string) => process.stdout.write(`${text}\n`);
const adminUrl = options['admin-url'] ?? '';
const byWorkload = new Map<string, number[]>();
const runs: { size: number; loadSeconds: number | null; results: WorkloadResult[] }[] = [];

for (const size of options.sizes) {
  const name = `onecity_bench_${size >= 1_000_000 ? `${size / 1_000_000}m` : `${size / 1000}k`}`.replace('.', '_');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if ((await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target = { kind: 'postgres' as const, databaseUrl: url.toString() };
  log(`\n=== ${size.toLocaleString('en-US')} reports (database ${name}) ===`);
  const prepared = await prepareDatabase(target, { citizens: Math.min(1_300_000, Math.max(10_000, Math.round(size / 8))), reports: size, dossiers: Math.round(size / 10), quick: false }, log);
  const suite = await runSuite(target, prepared.config, { ...options, workloads: ['W1', 'W3', 'W5'], ceilings: false, checkSql: false }, log);
  runs.push({ size, loadSeconds: prepared.loadSeconds, results: suite.results });
  for (const result of suite.results) byWorkload.set(result.name, [...(byWorkload.get(result.name) ?? []), result.p99Ms]);
  if (!options.keep) {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  }
}
log('');
log(formatGrowth(options.sizes, byWorkload));
const file = path.join(root, 'bench/results', `growth-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), durationSeconds: options.duration, connections: options.connections, runs }, null, 2)}\n`);
log(`Results in ${path.relative(root, file)}`);
