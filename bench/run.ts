/**
 * `npm run bench [-- --embedded] [--quick] [--duration 10] [--connections 10] [--reports 100k] [--reuse] [--keep]`
 *
 * Owns a benchmark database (PostgreSQL `onecity_bench` on the server of --admin-url by default, or a fresh PGlite
 * directory with --embedded), migrates and seeds it, generates city data and the operations centre's daily
 * aggregates from it (timed, as `seed:scale` does), starts the API as `npm start` does
 * (node apps/api/src/main.ts, configured by the environment, rate limiter out of the way) and runs each workload
 * for a fixed time at a fixed concurrency, then each read workload against its raw ceiling (bench/raw-server.ts).
 * Prints a table and writes bench/results/latest.json and a timestamped copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { formatTable, parseBenchOptions, resultsJson } from './lib/report.ts';
import { root } from './lib/processes.ts';
import { measureEmbeddedStart, prepareDatabase, runSuite, timePasswordHash, type Target } from './lib/suite.ts';

const USAGE = `Usage: npm run bench -- [--embedded] [--quick] [--duration S] [--connections N] [--citizens N] [--reports N] [--dossiers N]
  [--database onecity_bench] [--admin-url postgres://postgres@127.0.0.1:5432/postgres] [--reuse] [--keep] [--only W1,W3] [--no-ceiling] [--check-sql]`;

let options;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const log = (text: string) => process.stdout.write(`${text}\n`);
const started = performance.now();

/** Creates (or keeps, with --reuse) the benchmark database; never touches another database. */
async function ownDatabase(adminUrl: string, name: string, reuse: boolean): Promise<string> {
  if (!/^onecity_bench[a-z0-9_]*$/.test(name)) throw new Error(`--database must start with onecity_bench (got "${name}")`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (exists && !reuse) await admin.query(`drop database ${name} with (force)`);
    if (!exists || !reuse) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

const target: Target = options.embedded
  ? { kind: 'pglite', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'onecity-bench-')) }
  : { kind: 'postgres', databaseUrl: await ownDatabase(options['admin-url'] ?? '', options.database ?? 'onecity_bench', options.reuse) };
log(`Benchmark on ${target.kind === 'postgres' ? `PostgreSQL database ${options.database}` : `PGlite in ${target.dataDir}`}, ${options.duration} s per workload, ${options.connections} connections.`);

try {
  const prepared = await prepareDatabase(target, options, log);
  const rebuild = prepared.aggregates;
  const hashCost = await timePasswordHash(prepared.config);
  log(`One argon2id hash (m=${hashCost.memoryKiB} KiB, t=${hashCost.iterations}, p=1): ${hashCost.ms} ms`);
  const suite = await runSuite(target, prepared.config, { ...options, ceilings: !options['no-ceiling'], checkSql: options['check-sql'] }, log);
  const embeddedStart = options.embedded ? null : await measureEmbeddedStart(log);
  log('');
  log(formatTable(suite.results));
  log('');
  log(`Start to ready (${target.kind}): ${suite.start.readyMs} ms, RSS ${suite.start.rssMiB} MiB${embeddedStart ? `; embedded: first start ${embeddedStart.first?.readyMs} ms (RSS ${embeddedStart.first?.rssMiB} MiB), second ${embeddedStart.second?.readyMs} ms (RSS ${embeddedStart.second?.rssMiB} MiB)` : ''}. argon2id hash: ${hashCost.ms} ms.`);
  log(`Load: ${prepared.loadSeconds === null ? 'data reused' : `data ${prepared.loadSeconds.toFixed(1)} s`}${rebuild ? `, operations aggregates rebuilt in ${rebuild.seconds} s (${rebuild.rows.toLocaleString('en-US')} daily rows)` : ''}.`);
  const json = resultsJson(suite.results, {
    at: new Date().toISOString(),
    database: target.kind,
    quick: options.quick,
    durationSeconds: options.duration,
    connections: options.connections,
    data: { citizens: options.citizens, reports: options.reports, dossiers: options.dossiers, generated: prepared.generated, loadSeconds: prepared.loadSeconds, aggregatesRebuild: rebuild },
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` },
    start: suite.start,
    embeddedStart,
    passwordHash: hashCost,
    sqlCheck: suite.sqlCheck,
  });
  const directory = path.join(root, 'bench/results');
  fs.mkdirSync(directory, { recursive: true });
  const text = `${JSON.stringify(json, null, 2)}\n`;
  fs.writeFileSync(path.join(directory, 'latest.json'), text);
  fs.writeFileSync(path.join(directory, `${new Date().toISOString().replace(/[:.]/g, '-')}${options.quick ? '-quick' : ''}-${target.kind}.json`), text);
  log(`Results in bench/results/latest.json (${((performance.now() - started) / 1000).toFixed(0)} s in all).`);
} catch (error) {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
} finally {
  if (target.dataDir) fs.rmSync(target.dataDir, { recursive: true, force: true });
  if (target.kind === 'postgres' && !options.keep && !options.reuse) await dropDatabase(options['admin-url'] ?? '', options.database ?? 'onecity_bench').catch(() => undefined);
}
