/**
 * One benchmark run on one database: prepare it (generate data, bench sessions, parameter pools), measure the API's
 * start, run every workload against the API for a fixed time at a fixed concurrency, then each read workload against
 * its raw ceiling, and return the results.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hash as argon2Hash } from '@node-rs/argon2';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig, type Config } from '../../apps/api/src/config.ts';
import type { DatabaseHandle } from '../../apps/api/src/core/db/database.ts';
import { daysNeeded, generateCity, GENERATED_PASSWORD, hasGeneratedData, startOfLocalDay } from '../../apps/api/src/scripts/city-data/generate.ts';
import { aggregateGenerated, openCity } from '../../apps/api/src/scripts/city-data/run.ts';
import { formatCount, formatDuration } from '../../apps/api/src/scripts/city-data/cli.ts';
import { listAgencies } from '../../apps/api/src/modules/agencies/index.ts';
import { addDays } from '../../apps/api/src/modules/calendar/index.ts';
import { scopeOf } from '../../apps/api/src/modules/operations/operations.scope.ts';
import { mapSlices } from '../../apps/api/src/modules/reports/reports.repository.ts';
import { ceilingRatio, type WorkloadResult } from './report.ts';
import { apiEnv, freePort, root, startNode, type Started } from './processes.ts';
import {
  catchUpQueries,
  countersQueries,
  decision766Queries,
  dossierLookupQueries,
  normaliseSql,
  publicMapQueries,
  queueQueries,
  reportPageQueries,
  type OperationsScope,
  type Statement,
} from './queries.ts';

export interface Target {
  kind: 'postgres' | 'pglite';
  databaseUrl?: string;
  dataDir?: string;
}

export interface SuiteOptions {
  duration: number;
  connections: number;
  citizens: number;
  reports: number;
  dossiers: number;
  workloads: string[] | null;
  ceilings: boolean;
  checkSql: boolean;
  quick: boolean;
}

interface Pools {
  tokens: string[];
  citizenLogins: string[];
  points: { lng: number; lat: number }[];
  reportCodes: string[];
  dossierCodes: string[];
  units: { code: string; token: string }[];
  iocToken: string;
  statistics: { agencyCode: string; token: string; from: string; to: string };
  subtrees: Record<string, string[]>;
  /** The operations centre: the city's and the ward's agency codes, their subtrees as operations sees them, the last 365 days. */
  operations: { city: string; ward: string; scopes: Record<string, OperationsScope>; from: string; to: string };
}

interface Workload {
  name: string;
  title: string;
  connections?: number;
  /** The API request, chosen afresh for every request. */
  api: () => { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };
  /** The same request to the raw ceiling server, when the workload is a read. */
  raw?: () => string;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** Makes the benchmark database ready: the demo city, generated data at the requested size (unless present). */
export async function prepareDatabase(
  target: Target,
  options: Pick<SuiteOptions, 'citizens' | 'reports' | 'dossiers' | 'quick'>,
  log: (text: string) => void,
): Promise<{ config: Config; generated: boolean; loadSeconds: number | null; aggregates: { seconds: number; reports: number; dossiers: number; rows: number } | null }> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : { DATABASE_URL: '', DATA_DIR: target.dataDir }) });
  const { ctx, handle } = await openCity(config);
  try {
    if (await hasGeneratedData(handle.db)) {
      log('Reusing the generated data already in the database.');
      return { config, generated: false, loadSeconds: null, aggregates: null };
    }
    const asOf = startOfLocalDay(new Date(), config.officeHours.timeZone);
    log(`Generating ${formatCount(options.citizens)} citizens, ${formatCount(options.reports)} reports, ${formatCount(options.dossiers)} dossiers…`);
    const summary = await generateCity(ctx, {
      seed: 1,
      citizens: options.citizens,
      reports: options.reports,
      dossiers: options.dossiers,
      asOf,
      days: options.quick ? Math.max(30, Math.ceil(options.reports / 9000)) : daysNeeded(options.reports),
      photos: false,
      batch: target.kind === 'postgres' ? 50_000 : 10_000,
      jobs: target.kind === 'postgres' ? 2 : 1,
      quiet: options.quick,
    });
    log(`Loaded in ${formatDuration(summary.seconds.total)} (reports: ${formatCount(summary.reports / Math.max(0.001, summary.seconds.reports))}/s).`);
    // The operations figures read the daily aggregates; as seed:scale does, they are computed once from the new data.
    const aggregates = await aggregateGenerated(ctx, { quiet: options.quick });
    log(`Operations aggregates rebuilt in ${formatDuration(aggregates.seconds)} (${formatCount(aggregates.rows)} daily rows).`);
    return { config, generated: true, loadSeconds: summary.seconds.total, aggregates };
  } finally {
    await handle.close();
  }
}

async function preparePools(handle: DatabaseHandle, timeZone: string): Promise<Pools> {
  const db = handle.db;
  const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
  const session = async (userId: string) => {
    const token = randomBytes(32).toString('base64url');
    await db.insertInto('sessions').values({ token_hash: hashToken(token), user_id: userId, kind: 'bearer', csrf_token: randomBytes(24).toString('base64url'), ip: '127.0.0.1', user_agent: 'onecity-bench', expires_at: new Date(Date.now() + 12 * 3600_000) }).execute();
    return token;
  };
  // Bench citizens: sessions made up front, so the write workload measures filing reports, not logging in.
  const citizens = await db.selectFrom('users').select(['id', 'phone']).where('phone', 'like', '089%').orderBy('phone').limit(300).execute();
  const tokens: string[] = [];
  for (const citizen of citizens.slice(0, 200)) tokens.push(await session(citizen.id));
  const sample = async <T>(query: string) => (await sql.raw<T>(query).execute(db)).rows;
  const points = (await sample<{ location: { x: number; y: number } }>(`select location from reports tablesample system (5) limit 3000`)).map((row) => ({ lng: row.location.x, lat: row.location.y }));
  const morePoints = points.length < 100 ? (await sample<{ location: { x: number; y: number } }>(`select location from reports limit 3000`)).map((row) => ({ lng: row.location.x, lat: row.location.y })) : [];
  const reportCodes = (await sample<{ code: string }>(`select code from reports tablesample system (5) where is_public and status <> 'rejected' limit 3000`)).map((row) => row.code);
  const moreCodes = reportCodes.length < 100 ? (await sample<{ code: string }>(`select code from reports where is_public and status <> 'rejected' limit 3000`)).map((row) => row.code) : [];
  const dossierCodes = (await sample<{ code: string }>(`select code from dossiers tablesample system (10) limit 3000`)).map((row) => row.code);
  const moreDossiers = dossierCodes.length < 100 ? (await sample<{ code: string }>(`select code from dossiers limit 3000`)).map((row) => row.code) : [];
  // The four units with the longest queues (of those with an officer), with one of their officers.
  const busiest = await sample<{ code: string }>(
    `select a.code from reports r join agencies a on a.id = r.unit_id where r.status in ('submitted', 'assigned', 'in_progress', 'resolved') and exists (select 1 from role_grants g where g.agency_id = a.id and g.role = 'officer') group by a.code order by count(*) desc, a.code limit 4`,
  );
  const units: Pools['units'] = [];
  for (const { code } of busiest) {
    const officer = await db.selectFrom('role_grants as g').innerJoin('agencies as a', 'a.id', 'g.agency_id').select('g.user_id').where('g.role', '=', 'officer').where('a.code', '=', code).limit(1).executeTakeFirst();
    if (officer) units.push({ code, token: await session(officer.user_id) });
  }
  // An IOC operator of the whole city (granted on the root agency): the operations centre's figures are per subtree.
  const ioc = await db.selectFrom('role_grants as g').innerJoin('agencies as a', 'a.id', 'g.agency_id').select('g.user_id').where('g.role', '=', 'ioc_operator').where('a.parent_id', 'is', null).limit(1).executeTakeFirstOrThrow();
  const lead = await db.selectFrom('role_grants as g').innerJoin('agencies as a', 'a.id', 'g.agency_id').select('g.user_id').where('g.role', '=', 'unit_lead').where('a.code', '=', 'PHUXUAN').limit(1).executeTakeFirstOrThrow();
  const agencies = await db.selectFrom('agencies').select(['id', 'code', 'path']).execute();
  const subtrees: Record<string, string[]> = {};
  for (const agency of agencies) subtrees[agency.code] = agencies.filter((other) => other.path === agency.path || other.path.startsWith(`${agency.path}.`)).map((other) => other.id);
  const today = new Date();
  const yearAgo = new Date(today.getTime() - 365 * 86_400_000);
  // The operations centre's subtrees exactly as operations.scope makes them (same ids, same order).
  const tree = await listAgencies(db);
  const scopes: Record<string, OperationsScope> = {};
  for (const agency of tree) {
    const scope = scopeOf(tree, agency);
    scopes[agency.code] = { agencyIds: scope.agencyIds, isCity: scope.isCity, includesWard: scope.includesWard };
  }
  const city = tree.find((agency) => agency.parent_id === null);
  if (!city) throw new Error('the agency tree has no root');
  const localToday = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(today);
  return {
    tokens,
    citizenLogins: citizens.map((citizen) => citizen.phone ?? ''),
    points: [...points, ...morePoints],
    reportCodes: [...reportCodes, ...moreCodes],
    dossierCodes: [...dossierCodes, ...moreDossiers],
    units,
    iocToken: await session(ioc.user_id),
    statistics: { agencyCode: 'PHUXUAN', token: await session(lead.user_id), from: yearAgo.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) },
    subtrees,
    operations: { city: city.code, ward: 'PHUXUAN', scopes, from: addDays(localToday, -364), to: localToday },
  };
}

/** A random map viewport of a phone screen (about 2 × 1.5 km) around a place where people report. */
function viewport(pools: Pools): string {
  const centre = pick(pools.points);
  const width = 0.012 + Math.random() * 0.012;
  const height = width * 0.75;
  return [centre.lng - width / 2, centre.lat - height / 2, centre.lng + width / 2, centre.lat + height / 2].map((value) => value.toFixed(5)).join(',');
}

const OPEN = ['submitted', 'assigned', 'in_progress'];

function workloads(pools: Pools): Workload[] {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const w1 = () => {
    const filters = Math.random();
    const query = filters < 0.3 ? `&${OPEN.map((status) => `status=${status}`).join('&')}` : filters < 0.5 ? `&category=${pick(['GARBAGE', 'ROAD_DAMAGE', 'STREET_LIGHT', 'FLOODING'])}` : '';
    return `bbox=${viewport(pools)}${query}`;
  };
  let w1Next = '';
  let w5Next = pick(pools.units);
  // W6a alternates between the city's and the ward's counters (the API and the ceiling each keep their own turn).
  let countersTurn = 0;
  let rawCountersTurn = 0;
  const { city, ward, from, to } = pools.operations;
  return [
    {
      name: 'W1',
      title: 'public map (bbox)',
      api: () => {
        w1Next = w1();
        return { method: 'GET', path: `/api/v1/reports/map?${w1Next}` };
      },
      raw: () => `/raw/reports/map?${w1()}`,
    },
    {
      name: 'W2',
      title: 'submit report',
      api: () => {
        const point = pick(pools.points);
        const category = pick(['GARBAGE', 'ROAD_DAMAGE', 'STREET_LIGHT', 'ENCROACHMENT']);
        return {
          method: 'POST',
          path: '/api/v1/reports',
          headers: { ...bearer(pick(pools.tokens)), 'content-type': 'application/json' },
          body: JSON.stringify({
            categoryCode: category,
            description: 'Rác tồn đọng nhiều ngày chưa được thu gom (bench)',
            // A place where a generated report was made: inside a ward by construction (a jittered point near the city's
            // edge could fall outside and be refused with a 400, which is correct but not what this workload measures).
            location: point,
            ...(category === 'STREET_LIGHT' ? { answers: { light_state: 'off' } } : {}),
          }),
        };
      },
    },
    { name: 'W3', title: 'dossier look-up', api: () => ({ method: 'GET', path: `/api/v1/dossiers/lookup?code=${encodeURIComponent(pick(pools.dossierCodes))}` }), raw: () => `/raw/dossiers/lookup?code=${encodeURIComponent(pick(pools.dossierCodes))}` },
    { name: 'W4', title: 'report page', api: () => ({ method: 'GET', path: `/api/v1/reports/${pick(pools.reportCodes)}` }), raw: () => `/raw/reports/${pick(pools.reportCodes)}` },
    {
      name: 'W5',
      title: 'unit staff queue',
      api: () => {
        w5Next = pick(pools.units);
        return { method: 'GET', path: `/api/v1/console/reports?unit=${w5Next.code}`, headers: bearer(w5Next.token) };
      },
      raw: () => `/raw/queue?unit=${pick(pools.units).code}`,
    },
    {
      name: 'W6a',
      title: 'IOC live counters',
      api: () => ({ method: 'GET', path: `/api/v1/operations/counters?agencyCode=${countersTurn++ % 2 === 0 ? city : ward}`, headers: bearer(pools.iocToken) }),
      raw: () => `/raw/operations/counters?agencyCode=${rawCountersTurn++ % 2 === 0 ? city : ward}`,
    },
    {
      name: 'W6b',
      title: 'dossier statistics',
      api: () => ({ method: 'GET', path: `/api/v1/dossiers/statistics?agencyCode=${pools.statistics.agencyCode}&from=${pools.statistics.from}&to=${pools.statistics.to}`, headers: bearer(pools.statistics.token) }),
      raw: () => `/raw/statistics?agencyCode=${pools.statistics.agencyCode}&from=${pools.statistics.from}&to=${pools.statistics.to}`,
    },
    {
      name: 'W6c',
      title: 'Decision 766, ward, 365 days',
      api: () => ({ method: 'GET', path: `/api/v1/operations/decision-766?agencyCode=${ward}&from=${from}&to=${to}`, headers: bearer(pools.iocToken) }),
      raw: () => `/raw/operations/decision-766?agencyCode=${ward}&from=${from}&to=${to}`,
    },
    {
      name: 'W6d',
      title: 'Decision 766, city, 365 days',
      api: () => ({ method: 'GET', path: `/api/v1/operations/decision-766?agencyCode=${city}&from=${from}&to=${to}`, headers: bearer(pools.iocToken) }),
      raw: () => `/raw/operations/decision-766?agencyCode=${city}&from=${from}&to=${to}`,
    },
    {
      name: 'W7',
      title: 'login (argon2id)',
      connections: 4,
      api: () => ({ method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: pick(pools.citizenLogins), password: GENERATED_PASSWORD }) }),
    },
  ];
}

async function cannon(url: string, connections: number, duration: number, next: () => { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }) {
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
  return {
    rps: result.requests.total / Math.max(0.001, result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

/** Times one argon2id hash with the configured parameters. */
export async function timePasswordHash(config: Config): Promise<{ ms: number; memoryKiB: number; iterations: number }> {
  await argon2Hash('warm-up', { algorithm: 2, ...config.passwordHash });
  const started = performance.now();
  const rounds = 5;
  for (let i = 0; i < rounds; i += 1) await argon2Hash(`OneCity-bench-${i}`, { algorithm: 2, ...config.passwordHash });
  return { ms: Math.round(((performance.now() - started) / rounds) * 10) / 10, memoryKiB: config.passwordHash.memoryCost, iterations: config.passwordHash.timeCost };
}

/** Runs the workloads on a prepared database; returns results and the start measurement. */
export async function runSuite(target: Target, config: Config, options: SuiteOptions, log: (text: string) => void) {
  const { openDatabase } = await import('../../apps/api/src/core/db/database.ts');
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 });
  let pools: Pools;
  try {
    pools = await preparePools(handle, config.officeHours.timeZone);
  } finally {
    await handle.close();
  }
  const selected = workloads(pools).filter((workload) => !options.workloads || options.workloads.includes(workload.name.toUpperCase()) || options.workloads.includes(workload.name.slice(0, 2)));
  const port = await freePort();
  const env = apiEnv({ databaseUrl: target.databaseUrl, dataDir: target.dataDir }, port);
  const results: WorkloadResult[] = [];
  let sqlCheck: { checked: number; same: number; differences: string[] } | null = null;
  if (options.checkSql && target.databaseUrl) sqlCheck = await checkSql(target.databaseUrl, env, port, selected, log);
  const api: Started = await startNode(path.join(root, 'apps/api/src/main.ts'), env, port);
  const start = { readyMs: Math.round(api.readyMs), rssMiB: api.rssMiB };
  log(`API ready in ${start.readyMs} ms, RSS ${start.rssMiB} MiB (${target.kind}).`);
  try {
    // A short warm-up: the first requests compile schemas and fill the caches.
    await cannon(api.url, 4, 1, pick(selected.filter((w) => w.raw)).api);
    for (const workload of selected) {
      const measured = await cannon(api.url, workload.connections ?? options.connections, options.duration, workload.api);
      results.push({ name: workload.name, title: workload.title, ...measured });
      log(`${workload.name} ${workload.title}: ${measured.rps.toFixed(0)} req/s, p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms, ${measured.errors} errors`);
    }
    start.rssMiB = Math.max(start.rssMiB, 0);
  } finally {
    await api.stop();
  }
  // The raw ceilings run after the API has stopped: on PGlite two processes must never open the same directory.
  if (options.ceilings) {
    const rawPort = await freePort();
    const raw = await startNode(path.join(root, 'bench/raw-server.ts'), {
      ...process.env,
      RAW_PORT: String(rawPort),
      RAW_POOL_MAX: String(config.databasePoolMax),
      RAW_DIRECTORY: JSON.stringify(pools.subtrees),
      RAW_SCOPES: JSON.stringify(pools.operations.scopes),
      RAW_TIME_ZONE: config.officeHours.timeZone,
      ...(target.databaseUrl ? { RAW_DATABASE_URL: target.databaseUrl } : { RAW_DATABASE_URL: '', RAW_DATA_DIR: target.dataDir }),
    }, rawPort);
    try {
      for (const workload of selected) {
        if (!workload.raw) continue;
        const rawPath = workload.raw;
        const measured = await cannon(raw.url, workload.connections ?? options.connections, options.duration, () => ({ method: 'GET', path: rawPath() }));
        const result = results.find((candidate) => candidate.name === workload.name);
        if (!result) continue;
        result.ceilingRps = measured.rps;
        result.ceilingP50Ms = measured.p50Ms;
        result.ceilingP99Ms = measured.p99Ms;
        result.ratio = ceilingRatio(result.rps, measured.rps);
        log(`${workload.name} raw ceiling: ${measured.rps.toFixed(0)} req/s, p99 ${measured.p99Ms} ms, ${measured.errors} errors → ours is ${((result.ratio ?? 0) * 100).toFixed(0)} %`);
      }
    } finally {
      await raw.stop();
    }
  }
  return { results, start, sqlCheck };
}

/**
 * Checks that the raw ceiling runs the API's statements: with log_min_duration_statement = 0 on the benchmark
 * database only, one request per read workload goes to the API, and every statement PostgreSQL logged for it must be
 * one that lib/queries.ts compiles (compared with whitespace normalised).
 */
async function checkSql(databaseUrl: string, env: NodeJS.ProcessEnv, port: number, selected: Workload[], log: (text: string) => void) {
  const logFile = '/var/log/postgresql/postgresql-15-main.log';
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!fs.existsSync(logFile)) {
    log(`SQL check skipped: ${logFile} is not readable here.`);
    return null;
  }
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`alter database ${name} set log_min_duration_statement = 0`);
  const api = await startNode(path.join(root, 'apps/api/src/main.ts'), env, port);
  // Only what the workload requests run: the start's migrations, seed checks and job queue come before this point.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const offset = fs.statSync(logFile).size;
  const expected = new Set<string>();
  try {
    for (const workload of selected.filter((w) => w.raw)) {
      const request = workload.api();
      const response = await fetch(`${api.url}${request.path}`, { method: request.method, headers: request.headers });
      await response.arrayBuffer();
    }
  } finally {
    await api.stop();
    await admin.query(`alter database ${name} reset log_min_duration_statement`);
    await admin.end();
  }
  const now = new Date();
  const ward: OperationsScope = { agencyIds: ['x'], isCity: false, includesWard: true };
  const city: OperationsScope = { agencyIds: ['x'], isCity: true, includesWard: true };
  const statistics = { agencyIds: ['x'], from: '2026-01-01', to: '2026-01-31', start: now, end: now, asOf: now, nearly: now };
  const period = { from: '2026-01-01', to: '2026-12-31', start: now, end: now, asOf: now };
  const operations = [ward, city].flatMap((scope): (Statement | null)[] => {
    const counters = countersQueries({ scope, dayStart: now, now, statistics });
    const decision766 = decision766Queries({ scope, period });
    return [...counters.reports, ...counters.dossiers, ...Object.values(decision766.reads)];
  });
  for (const statement of [
    ...operations.filter((candidate) => candidate !== null),
    ...(['report', 'dossier'] as const).flatMap((source) => [catchUpQueries.cursor(source), catchUpQueries.eventsAfter(source, 0)]),
    publicMapQueries.categories(),
    ...[{}, { statuses: OPEN }, { categoryIds: ['x'] }].flatMap((filters) => {
      const filter = { bbox: { minLng: 0, minLat: 0, maxLng: 1, maxLat: 1 }, ...filters, limit: 500 };
      return [...mapSlices(now).map((slice) => publicMapQueries.slice(filter, slice, 501)), publicMapQueries.count(filter)];
    }),
    ...dossierLookupQueries('x'),
    reportPageQueries('x').first,
    ...reportPageQueries('x').then({ id: 'x', category_id: 'x' }),
    // A unit's page has one lane per (unit of its subtree, status): every subtree size up to the lanes' limit.
    ...Array.from({ length: 16 }, (_, index) => ({ unitIds: Array.from({ length: index + 1 }, () => 'x'), statuses: ['submitted', 'assigned', 'in_progress', 'resolved'] })).flatMap((filter) => [
      queueQueries.page(filter, { limit: 100, offset: 0 }),
      queueQueries.count(filter, 1000),
    ]),
  ]) {
    expected.add(normaliseSql(statement.sql).replace(/\(\$\d+(, \$\d+)*\)/g, '($n)').replace(/\$\d+/g, '$n'));
  }
  const text = fs.readFileSync(logFile, 'utf8').slice(offset);
  const statements = [...text.matchAll(/@(\w+) LOG:\s+duration: [\d.]+ ms\s+(?:execute [^:]*|statement): ([\s\S]*?)(?=\n\d{4}-\d\d-\d\d |\n?$)/g)]
    .filter((match) => match[1] === name)
    .map((match) => normaliseSql(match[2] ?? '').replace(/\(\$\d+(, \$\d+)*\)/g, '($n)').replace(/\$\d+/g, '$n'))
    // Authentication (sessions, grants), the agency directory and the statistics pass are not part of the compared set.
    .filter((statement) => !/from "sessions"|from "role_grants"|from "agencies"|from dossiers d|^select 1$|pgboss|^begin$|^commit$/.test(statement));
  const differences = statements.filter((statement) => !expected.has(statement));
  log(`SQL check: ${statements.length} statements logged for the read workloads, ${statements.length - differences.length} identical to the raw ceiling's.`);
  for (const difference of differences.slice(0, 5)) log(`  not in the raw set: ${difference.slice(0, 200)}`);
  return { checked: statements.length, same: statements.length - differences.length, differences };
}

/** Measures start to ready on an embedded database: a first start (creates and seeds the demo city) and a second. */
export async function measureEmbeddedStart(log: (text: string) => void) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onecity-bench-start-'));
  try {
    const results: { readyMs: number; rssMiB: number }[] = [];
    for (const label of ['first start (creates and seeds the demo city)', 'second start (existing data)']) {
      const port = await freePort();
      const api = await startNode(path.join(root, 'apps/api/src/main.ts'), apiEnv({ dataDir }, port), port);
      results.push({ readyMs: Math.round(api.readyMs), rssMiB: api.rssMiB });
      log(`Embedded ${label}: ready in ${Math.round(api.readyMs)} ms, RSS ${api.rssMiB} MiB`);
      await api.stop();
    }
    return { first: results[0], second: results[1] };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
