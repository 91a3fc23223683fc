/**
 * Generates city-scale history straight into the database: citizens, staff, field reports with their handling and
 * timelines, dossiers through every status with their steps, events, supplements and surveys.
 *
 * Why bulk SQL rather than the services: the services stamp `now` on every change (actOnReport, submitDossier,
 * actOnDossier), so they cannot back-date a year of activity, and at 10 M reports they would take days (one
 * audited transaction per change). Rows are instead generated server-side (INSERT … SELECT over generate_series,
 * one statement per day, on PostgreSQL and on PGlite alike) with the same rules the services apply: codes from
 * the daily counters, routing from the routing table, deadlines from the working-day calendar, statuses that follow
 * the state machines with timestamps in order. city-data.db.test.ts checks a generated report against one filed
 * through submitReport for the same input. Not generated: audit rows (the hash chain records what happened on this
 * system), notifications, uploaded files (result PDFs; after-photos only with `photos`).
 *
 * Randomness is a hash of (seed, day, row, draw), so the same seed and the same `asOf` give the same rows.
 */
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import sharp from 'sharp';
import type { AppContext } from '../../core/context.ts';
import { seededRandom } from '../../core/seeded-random.ts';
import type { DB, ProceduresTable, ReportQuestion } from '../../core/db/schema.ts';

type Directory = Awaited<ReturnType<typeof getAgencyDirectory>>;
import { getAgencyDirectory, findAreaAt } from '../../modules/agencies/index.ts';
import { addDays, addWorkingDays, getWorkingCalendar, isWorkingDay, localDateTime, localIso, type WorkingCalendar } from '../../modules/calendar/index.ts';
import { hashPassword } from '../../modules/identity/index.ts';
import { computeAppointment, computeStepDues } from '../../modules/procedures/workflow/dossier-deadlines.ts';
import { sampleAnswers } from '../../seed/demo-dossiers.ts';
import { Progress } from './cli.ts';
import {
  ANSWERS,
  areaWeight,
  CATEGORY_WEIGHTS,
  cumulativeThresholds,
  DESCRIPTIONS,
  DESK_DOSSIER_HOURS,
  FAMILY_NAMES,
  FAMILY_WEIGHTS,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  minuteQuantiles,
  MONTH_FACTOR,
  ONLINE_DOSSIER_HOURS,
  REPORT_HOURS,
  spreadOverDays,
  STREETS,
} from './city-model.ts';

/** The password of every generated citizen (benchmarks log in with it). */
export const GENERATED_PASSWORD = 'OneCity-bench-2026';
/** Generated citizens' phone numbers start with this prefix (followed by 7 digits), so they are easy to find and never clash with demo accounts. */
export const CITIZEN_PHONE_PREFIX = '089';
/** Generated staff have e-mail addresses at this domain. */
export const STAFF_EMAIL_DOMAIN = 'staff.gen.onecity.local';

export interface GenerateOptions {
  seed: number;
  citizens: number;
  reports: number;
  dossiers: number;
  /** History ends just before this instant (default: the start of today in the city). */
  asOf: Date;
  /** Days of history; at least enough to keep report codes at four digits a day (9,000 a day at most). */
  days: number;
  /** Store an after-photo (a tiny JPEG) for every resolved report, as the service requires for most categories. */
  photos: boolean;
  /** Rows per statement for citizens (PGlite likes smaller batches). */
  batch: number;
  /** Statements run at once (2 on a 2-core PostgreSQL machine; PGlite runs one at a time whatever this says). */
  jobs: number;
  /** Print progress lines (tests turn it off). */
  quiet?: boolean;
}

export interface GenerateSummary {
  citizens: number;
  staff: number;
  reports: number;
  reportEvents: number;
  dossiers: number;
  from: string;
  to: string;
  seconds: { citizens: number; reports: number; dossiers: number; indexes: number; total: number };
}

interface Prepared {
  tz: string;
  endMinute: number;
  dates: string[];
  categories: { id: string; code: string; sla: number; urgentHours: number; isPublic: boolean; nameVi: string; nameEn: string; questions: ReportQuestion[] }[];
  areas: { code: string; kind: string; nameVi: string; nameEn: string; agencyId: string; weight: number }[];
  calendar: WorkingCalendar;
}

const round = (value: number, digits = 6) => Number(value.toFixed(digits));

/** The start of today in the city's time zone. */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  return new Date(localIso(localDateTime(now, timeZone).date, 0, timeZone));
}

/**
 * A code's day sequence as the services write it (`padStart(4, '0')`): at least four digits, more past 9,999 a day.
 * PostgreSQL's `lpad` cuts longer text to the width, which made the 10,000th report of a day repeat the 1,000th's code.
 */
function codeSequence(sequence: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(case when ${sequence} < 10000 then lpad((${sequence})::text, 4, '0') else (${sequence})::text end)`;
}

/** Days of history needed: a year, or more when reports would average over 9,000 a day (busy days still pass 9,999). */
export function daysNeeded(reports: number): number {
  return Math.max(365, Math.ceil(reports / 9000));
}

/** Refuses to generate twice into the same database (ids and phone numbers are derived from the seed). */
export async function hasGeneratedData(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('phone', 'like', `${CITIZEN_PHONE_PREFIX}%`).limit(1).executeTakeFirst();
  const staff = await db.selectFrom('users').select('id').where('email', 'like', `%@${STAFF_EMAIL_DOMAIN}`).limit(1).executeTakeFirst();
  return Boolean(row || staff);
}

async function prepare(ctx: AppContext, options: GenerateOptions): Promise<Prepared> {
  const { timeZone: tz, endMinute } = ctx.config.officeHours;
  const lastDate = addDays(localDateTime(options.asOf, tz).date, -1);
  const dates: string[] = [];
  for (let i = options.days - 1; i >= 0; i -= 1) dates.push(addDays(lastDate, -i));
  const categories = (await ctx.db.selectFrom('report_categories').selectAll().where('is_active', '=', true).orderBy('code').execute()).map((row) => ({
    id: row.id,
    code: row.code,
    sla: row.sla_working_days,
    urgentHours: row.urgent_sla_hours,
    isPublic: row.is_public,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    questions: row.questions,
  }));
  const areas = (await ctx.db.selectFrom('areas').select(['code', 'kind', 'name_vi', 'name_en', 'agency_id']).orderBy('code').execute()).map((row) => ({
    code: row.code,
    kind: row.kind,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    agencyId: row.agency_id,
    weight: areaWeight(row.code, row.kind),
  }));
  if (categories.length === 0 || areas.length === 0) throw new Error('the database has no report categories or areas: seed the city first');
  return { tz, endMinute, dates, categories, areas, calendar: await getWorkingCalendar(ctx) };
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[]) => sql.raw(`array[${values.map(literal).join(',')}]::text[]`);
const floatArray = (values: readonly number[]) => sql.raw(`array[${values.map((value) => String(round(value, 9))).join(',')}]::float8[]`);

/**
 * Generates everything into the database behind ctx (which must hold the demo city: areas, categories, routing,
 * procedures). One connection is held for the whole run: the lookup tables are temporary.
 */
export async function generateCity(ctx: AppContext, options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const prepared = await prepare(ctx, options);
  const directory = await getAgencyDirectory(ctx);
  const passwordHash = await hashPassword(ctx, GENERATED_PASSWORD);
  const seconds = { citizens: 0, reports: 0, dossiers: 0, indexes: 0, total: 0 };
  const say = (text: string) => {
    if (!options.quiet) process.stdout.write(`${text}\n`);
  };
  const progress = (label: string, total: number) => (options.quiet ? { tick: () => undefined, finish: () => ({ seconds: 0, rate: 0 }) } : new Progress(label, total));

  // Points where reports are made: rejection-sampled inside the configured ward boundaries (real or demo), weighted by area.
  const random = seededRandom(options.seed * 7919 + 17);
  const pointCount = Math.max(500, Math.min(200_000, options.reports));
  const areaCum = cumulativeThresholds(prepared.areas.map((area) => area.weight));
  const bounds = new Map<string, [number, number, number, number]>();
  for (const row of await ctx.db.selectFrom('areas').select(['code', 'boundary']).execute()) {
    const geometry = row.boundary as { type: string; coordinates: unknown };
    const rings = (geometry.type === 'Polygon' ? geometry.coordinates : (geometry.coordinates as unknown[]).flat()) as [number, number][][];
    const xs = rings.flat().map((p) => p[0]);
    const ys = rings.flat().map((p) => p[1]);
    bounds.set(row.code, [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
  }
  const points: { x: number; y: number; area: string; address: string }[] = [];
  while (points.length < pointCount) {
    const pick = random();
    let index = areaCum.length - 1;
    while (index > 0 && (areaCum[index] ?? 0) > pick) index -= 1;
    const area = prepared.areas[index];
    const box = area ? bounds.get(area.code) : undefined;
    if (!area || !box) continue;
    const x = round(box[0] + random() * (box[2] - box[0]));
    const y = round(box[1] + random() * (box[3] - box[1]));
    const hit = await findAreaAt(ctx, x, y);
    if (hit?.code !== area.code) continue;
    const street = STREETS[Math.floor(random() * STREETS.length)] ?? 'Lê Lợi';
    points.push({ x, y, area: area.code, address: `${1 + Math.floor(random() * 240)} ${street}, ${area.nameVi}` });
  }

  // Staff: officers, leads and desk officers for every handling unit, desk and area; IOC operators.
  const staff: { id: string; code: string; role: string; agencyId: string; name: string; email: string }[] = [];
  const staffKey = (code: string, role: string, j: number) => `${role}:${code}:${j}`;
  const name = () => {
    let pick = random() * FAMILY_WEIGHTS.reduce((a, b) => a + b, 0);
    let family = 0;
    while (family < FAMILY_WEIGHTS.length - 1 && pick > (FAMILY_WEIGHTS[family] ?? 0)) pick -= FAMILY_WEIGHTS[family++] ?? 0;
    return `${FAMILY_NAMES[family]} ${MIDDLE_NAMES[Math.floor(random() * MIDDLE_NAMES.length)]} ${GIVEN_NAMES[Math.floor(random() * GIVEN_NAMES.length)]}`;
  };
  // Everything read through ctx.db is read now: below, the one connection is held (PGlite has only one).
  const rules = await ctx.db.selectFrom('report_routing_rules').selectAll().execute();
  const procedures = await ctx.db.selectFrom('procedures').selectAll().where('is_active', '=', true).orderBy('code').execute();
  const agencyKinds = new Map((await ctx.db.selectFrom('agencies').select(['code', 'kind']).execute()).map((row) => [row.code, row.kind]));
  for (const agency of [...directory.byCode.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    const kind = agencyKinds.get(agency.code) ?? '';
    const roles: [string, number][] = agency.code === 'IOC' ? [['ioc_operator', 3]] : agency.code.endsWith('_HCC') || agency.code === 'TTHCC' ? [['desk_officer', 2]] : kind === 'unit' || kind === 'service_unit' || kind === 'department' ? [['officer', 3], ['unit_lead', 1]] : [['unit_lead', 1]];
    for (const [role, count] of roles) {
      for (let j = 0; j < count; j += 1) {
        const key = staffKey(agency.code, role, j);
        staff.push({ id: '', code: key, role, agencyId: agency.id, name: name(), email: `${role.replace('_', '.')}.${j}.${agency.code.toLowerCase().replace(/_/g, '-')}@${STAFF_EMAIL_DOMAIN}` });
      }
    }
  }

  const db = ctx.db;
  let restore: (() => Promise<void>) | null = null;
  await sql`drop schema if exists onecity_gen cascade`.execute(db);
  await sql`create schema onecity_gen`.execute(db);
  try {
    const seed = options.seed;
    await sql.raw(`create or replace function onecity_gen.u(v bigint, k int) returns float8 language sql immutable parallel safe as
      $$ select (hashint8extended(v, ${seed * 100}::bigint + k) & 2147483647)::float8 / 2147483648.0 $$`).execute(db);
    await sql.raw(`create or replace function onecity_gen.iso(t timestamptz) returns text language sql immutable as
      $$ select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$`).execute(db);
    await sql.raw(`create or replace function onecity_gen.uid(k text) returns uuid language sql immutable as $$ select md5(${literal(`${seed}:`)} || k)::uuid $$`).execute(db);

    // ---------------------------------------------------------------- staff
    for (const person of staff) person.id = (await sql<{ id: string }>`select onecity_gen.uid(${`staff:${person.code}`}) as id`.execute(db)).rows[0]?.id ?? '';
    for (let i = 0; i < staff.length; i += 200) {
      const chunk = staff.slice(i, i + 200);
      await db
        .insertInto('users')
        .values(chunk.map((person) => ({ id: person.id, full_name: person.name, email: person.email, phone: null, password_hash: passwordHash, is_verified: true, verified_at: new Date(options.asOf.getTime() - options.days * 86_400_000), assurance: 2, created_at: new Date(options.asOf.getTime() - options.days * 86_400_000) })))
        .execute();
      await db.insertInto('role_grants').values(chunk.map((person) => ({ user_id: person.id, role: person.role, agency_id: person.agencyId }))).execute();
    }
    say(`Staff: ${staff.length} officers, leads, desk officers and IOC operators`);

    // ---------------------------------------------------------------- citizens
    const firstDay = prepared.dates[0] ?? '';
    const citizenStart = new Date(localIso(addDays(firstDay, -400), 0, prepared.tz));
    const citizenProgress = progress('citizens', options.citizens);
    const citizenStarted = performance.now();
    for (let from = 1; from <= options.citizens; from += options.batch) {
      const to = Math.min(options.citizens, from + options.batch - 1);
      await sql`
        with c as materialized (
          select i, onecity_gen.uid('c:' || i) as id,
            (${textArray(FAMILY_NAMES)})[width_bucket(onecity_gen.u(i, 1), ${floatArray(cumulativeThresholds(FAMILY_WEIGHTS))})] || ' ' ||
            (${textArray(MIDDLE_NAMES)})[1 + floor(onecity_gen.u(i, 2) * ${MIDDLE_NAMES.length})::int] || ' ' ||
            (${textArray(GIVEN_NAMES)})[1 + floor(onecity_gen.u(i, 3) * ${GIVEN_NAMES.length})::int] as full_name,
            ${citizenStart}::timestamptz + (onecity_gen.u(i, 4) * ${options.days + 400}) * interval '1 day' as created_at
          from generate_series(${from}::int, ${to}::int) i
        ), u as (
          insert into users (id, full_name, email, phone, password_hash, is_verified, verified_at, assurance, locale, created_at, updated_at)
          select id, full_name, null, ${CITIZEN_PHONE_PREFIX} || lpad(i::text, 7, '0'), ${passwordHash}, true, created_at + interval '3 minutes', 1, 'vi', created_at, created_at from c
          returning id, created_at
        )
        insert into role_grants (user_id, role, agency_id, created_at) select id, 'citizen', null, created_at from u
      `.execute(db);
      citizenProgress.tick(to - from + 1);
    }
    citizenProgress.finish();
    seconds.citizens = (performance.now() - citizenStarted) / 1000;

    // ---------------------------------------------------------------- report lookups
    await sql`create unlogged table onecity_gen.points (i int primary key, x float8, y float8, area_code text, address text)`.execute(db);
    for (let i = 0; i < points.length; i += 2000) {
      const chunk = points.slice(i, i + 2000);
      await sql`insert into onecity_gen.points values ${sql.join(chunk.map((p, k) => sql`(${i + k + 1}, ${p.x}, ${p.y}, ${p.area}, ${p.address})`))}`.execute(db);
    }
    const categoryIndex = new Map(prepared.categories.map((category, index) => [category.code, index + 1]));
    await sql`create unlogged table onecity_gen.categories (idx int primary key, id uuid, code text, sla int, urgent_hours int, is_public boolean, descriptions text[], answers text[], answer_variants jsonb[])`.execute(db);
    for (const category of prepared.categories) {
      const row = { questions: category.questions };
      const variants: Record<string, string | number>[] = [];
      for (let v = 0; v < 4; v += 1) {
        const answer: Record<string, string | number> = {};
        for (const question of row.questions) {
          if (!question.isRequired && v % 2 === 1) continue;
          if (question.datatype === 'choice' && question.options?.length) answer[question.code] = question.options[v % question.options.length]?.key ?? '';
          else if (question.datatype === 'number') answer[question.code] = 10 + v * 15;
          else if (question.isRequired) answer[question.code] = 'Không rõ';
        }
        variants.push(answer);
      }
      await sql`insert into onecity_gen.categories values (${categoryIndex.get(category.code)}, ${category.id}, ${category.code}, ${category.sla}, ${category.urgentHours}, ${category.isPublic},
        ${textArray(DESCRIPTIONS[category.code] ?? DESCRIPTIONS.OTHER ?? [])}, ${textArray(ANSWERS[category.code] ?? ANSWERS.OTHER ?? [])},
        ${sql.raw(`array[${variants.map((variant) => `${literal(JSON.stringify(variant))}::jsonb`).join(',')}]`)})`.execute(db);
    }
    // Routing as routeReport decides it: the ward's own rule first, then the city-wide one; none → IOC triage.
    await sql`create unlogged table onecity_gen.routes (cat int, area_code text, unit_id uuid, unit_code text, routing jsonb, kt_unit_id uuid, kt_unit_code text, primary key (cat, area_code))`.execute(db);
    for (const category of prepared.categories) {
      const rows = prepared.areas.map((area) => {
        const rule = rules.find((candidate) => candidate.category_id === category.id && candidate.area_code === area.code) ?? rules.find((candidate) => candidate.category_id === category.id && candidate.area_code === null);
        return { area, rule };
      });
      const names = { name_vi: category.nameVi, name_en: category.nameEn };
      const values = rows.map(({ area, rule }) => {
        const unit = rule ? directory.byId.get(rule.unit_id) : undefined;
        const routing = rule
          ? {
              ruleNo: rule.rule_no,
              explanationVi: `${area.nameVi} · ${names.name_vi} → ${unit?.nameVi ?? rule.unit_id}, ${rule.area_code ? 'quy tắc riêng của địa bàn' : 'quy tắc chung toàn thành phố'} #${rule.rule_no}`,
              explanationEn: `${area.nameEn} · ${names.name_en} → ${unit?.nameEn ?? rule.unit_id}, ${rule.area_code ? 'ward-specific rule' : 'city-wide rule'} #${rule.rule_no}`,
            }
          : {
              ruleNo: null,
              explanationVi: `${area.nameVi} · ${names.name_vi} → chưa có quy tắc phân công: chuyển Trung tâm điều hành (IOC) phân loại`,
              explanationEn: `${area.nameEn} · ${names.name_en} → no routing rule: sent to the operations centre (IOC) for triage`,
            };
        const kt = directory.byCode.get(`${area.code}_KT`);
        return sql`(${categoryIndex.get(category.code)}, ${area.code}, ${rule?.unit_id ?? null}::uuid, ${unit?.code ?? null}, ${JSON.stringify(routing)}::jsonb, ${kt?.id ?? null}::uuid, ${kt?.code ?? null})`;
      });
      await sql`insert into onecity_gen.routes values ${sql.join(values)}`.execute(db);
    }
    // Deadlines by the working-day rule for every receipt date and SLA in play.
    const slas = [...new Set(prepared.categories.map((category) => category.sla))];
    await sql`create unlogged table onecity_gen.due (day date, sla int, due_at timestamptz, primary key (day, sla))`.execute(db);
    const dueRows: RawBuilder<unknown>[] = [];
    for (const date of [...prepared.dates, addDays(prepared.dates.at(-1) ?? firstDay, 1)]) {
      for (const sla of slas) dueRows.push(sql`(${date}::date, ${sla}, ${localIso(addWorkingDays(prepared.calendar, date, sla), prepared.endMinute, prepared.tz)}::timestamptz)`);
    }
    for (let i = 0; i < dueRows.length; i += 2000) await sql`insert into onecity_gen.due values ${sql.join(dueRows.slice(i, i + 2000))}`.execute(db);
    for (const table of ['onecity_gen.points', 'onecity_gen.categories', 'onecity_gen.routes', 'onecity_gen.due']) await sql`analyze ${sql.table(table)}`.execute(db);

    const iocStaff = staff.filter((person) => person.role === 'ioc_operator').map((person) => person.id);
    const photo = options.photos ? await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 120, g: 140, b: 110 } } }).jpeg({ quality: 70 }).toBuffer() : null;

    // A large load into small tables: defer their secondary indexes and foreign keys (restored even on failure).
    const existing = (await sql<{ n: number }>`select count(*)::int as n from reports`.execute(db)).rows[0]?.n ?? 0;
    restore = options.reports >= 100_000 && options.reports > existing ? await deferIndexes(db, say) : null;

    // ---------------------------------------------------------------- reports, one statement a day
    const reportDays = spreadOverDays(options.reports, prepared.dates, (date) => {
      const month = Number(date.slice(5, 7)) - 1;
      return (MONTH_FACTOR[month] ?? 1) * (isWorkingDay(prepared.calendar, date) ? 1 : 0.7);
    });
    await sql`create unlogged table onecity_gen.arrays (name text primary key, q float8[])`.execute(db);
    await sql`insert into onecity_gen.arrays values ('report', ${floatArray(minuteQuantiles(REPORT_HOURS))}), ('online', ${floatArray(minuteQuantiles(ONLINE_DOSSIER_HOURS))}), ('desk', ${floatArray(minuteQuantiles(DESK_DOSSIER_HOURS))})`.execute(db);
    const reportProgress = progress('reports', options.reports);
    const reportStarted = performance.now();
    let reportEvents = 0;
    await forEachDay(prepared.dates.length, options.jobs, async (dayIndex) => {
      const date = prepared.dates[dayIndex] ?? '';
      const count = reportDays[dayIndex] ?? 0;
      if (count === 0) return;
      const month = Number(date.slice(5, 7)) - 1;
      const weights = prepared.categories.map((category) => {
        const model = CATEGORY_WEIGHTS[category.code] ?? { base: 5 };
        return model.base * (model.season?.[month] ?? 1);
      });
      const explain = (process.env.GENERATE_EXPLAIN === 'last' && dayIndex === prepared.dates.length - 1) || (process.env.GENERATE_EXPLAIN === 'first' && dayIndex === 0) ? 'explain (analyze, buffers, costs off) ' : '';
      const result = await sql<{ events: number }>`${sql.raw(explain)}
        with b as (
          select s.n, ${dayIndex}::bigint * 10000000 + s.n as v from generate_series(1, ${count}::int) s(n)
        ), g0 as materialized (
          select b.n, b.v, onecity_gen.uid('r:' || ${dayIndex}::int || ':' || b.n) as id,
            ${`PA-${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}-`} || ${codeSequence(sql`b.n`)} as code,
            q.q[1 + floor(((b.n - 1) + onecity_gen.u(b.v, 1)) / ${count}::float8 * 1440)::int] as minute,
            width_bucket(onecity_gen.u(b.v, 2), ${floatArray(cumulativeThresholds(weights))}) as cat,
            1 + floor(onecity_gen.u(b.v, 3) * ${points.length})::int as pt,
            onecity_gen.u(b.v, 4) < 0.04 as is_urgent,
            onecity_gen.uid('c:' || (1 + floor(power(onecity_gen.u(b.v, 5), 1.6) * ${options.citizens})::int)) as reporter_id
          from b cross join (select q from onecity_gen.arrays where name = 'report') q
        ), g1 as materialized (
          select g0.*, c.id as category_id, c.code as category_code, c.is_public, c.urgent_hours, c.sla, c.descriptions, c.answers, c.answer_variants,
            p.x, p.y, p.area_code, p.address, r.unit_id as routed_unit_id, r.routing, r.kt_unit_id, r.kt_unit_code, r.unit_code as routed_unit_code,
            date_trunc('milliseconds', (${date}::date::timestamp + g0.minute * interval '1 minute') at time zone ${prepared.tz}) as created_at,
            case when g0.is_urgent then ${date}::date when g0.minute >= ${prepared.endMinute} then ${date}::date + 1 else ${date}::date end as received_on
          from g0
          join onecity_gen.categories c on c.idx = g0.cat
          join onecity_gen.points p on p.i = g0.pt
          join onecity_gen.routes r on r.cat = g0.cat and r.area_code = p.area_code
        ), g2 as materialized (
          select g1.*,
            case when g1.is_urgent then g1.created_at + g1.urgent_hours * interval '1 hour' else d.due_at end as due_at,
            g1.routed_unit_id is null as is_triage,
            g1.routed_unit_id is null and onecity_gen.u(g1.v, 6) < 0.15 as is_rejected,
            case when g1.routed_unit_id is null then g1.created_at + (0.5 + onecity_gen.u(g1.v, 7) * 20) * interval '1 hour' else g1.created_at end as start_at,
            coalesce(g1.routed_unit_id, g1.kt_unit_id) as unit_id,
            coalesce(g1.routed_unit_code, g1.kt_unit_code) as unit_code,
            onecity_gen.u(g1.v, 8) < 0.16 as is_late
          from g1 left join onecity_gen.due d on d.day = g1.received_on and d.sla = g1.sla
        ), g3 as materialized (
          select g2.*,
            g2.start_at + greatest(g2.due_at - g2.start_at, interval '2 hours') * (case when g2.is_late then 1.05 + onecity_gen.u(g2.v, 9) * 1.4 else 0.12 + onecity_gen.u(g2.v, 9) * 0.8 end) as resolve_at
          from g2
        ), g4 as materialized (
          select g3.*,
            g3.start_at + (g3.resolve_at - g3.start_at) * (0.05 + 0.3 * onecity_gen.u(g3.v, 10)) as take_at,
            onecity_gen.u(g3.v, 11) < 0.35 as is_confirmed,
            onecity_gen.uid('staff:officer:' || g3.unit_code || ':' || floor(onecity_gen.u(g3.v, 12) * 3)::int) as officer,
            (${textArray(iocStaff)}::uuid[])[1 + floor(onecity_gen.u(g3.v, 13) * ${iocStaff.length})::int] as ioc_id
          from g3
        ), g5 as materialized (
          select g4.*,
            case when g4.is_confirmed then g4.resolve_at + (2 + onecity_gen.u(g4.v, 14) * 100) * interval '1 hour' else g4.resolve_at + interval '7 days' + onecity_gen.u(g4.v, 14) * interval '5 minutes' end as close_at,
            onecity_gen.u(g4.v, 15) < 0.45 as is_rated,
            case when g4.is_late then width_bucket(onecity_gen.u(g4.v, 16), array[0, 0.15, 0.4, 0.7, 0.9]::float8[]) else width_bucket(onecity_gen.u(g4.v, 16), array[0, 0.03, 0.08, 0.2, 0.5]::float8[]) end as rating_value,
            g4.resolve_at + (1 + onecity_gen.u(g4.v, 17) * 140) * interval '1 hour' as rate_at,
            g4.due_at + interval '3 minutes' as esc1_at,
            g4.due_at + interval '2 days 3 minutes' as esc2_at,
            case when g4.is_rejected then g4.start_at else g4.resolve_at end as open_until
          from g4
        ), g as materialized (
          select g5.*,
            case
              when g5.is_rejected then case when g5.start_at <= ${options.asOf} then 'rejected' else 'submitted' end
              when g5.is_triage and g5.start_at > ${options.asOf} then 'submitted'
              when g5.take_at > ${options.asOf} then 'assigned'
              when g5.resolve_at > ${options.asOf} then 'in_progress'
              when g5.close_at > ${options.asOf} then 'resolved'
              else 'closed' end as status,
            (g5.esc1_at <= least(g5.open_until, ${options.asOf}))::int + (g5.esc2_at <= least(g5.open_until, ${options.asOf}))::int as escalation_level
          from g5
        ), ins as (
          insert into reports (id, code, category_id, description, location, address, area_code, status, is_urgent, is_public, reporter_id, channel, answers,
            unit_id, officer_id, routing, received_on, due_at, escalation_level, answer, resolved_at, closed_at, rating, created_at, updated_at)
          select g.id, g.code, g.category_id, g.descriptions[1 + floor(onecity_gen.u(g.v, 20) * array_length(g.descriptions, 1))::int], point(g.x, g.y),
            case when onecity_gen.u(g.v, 21) < 0.7 then g.address end, g.area_code, g.status, g.is_urgent, g.is_public, g.reporter_id,
            case when onecity_gen.u(g.v, 22) < 0.9 then 'app' when onecity_gen.u(g.v, 22) < 0.97 then 'phone' else 'desk' end,
            g.answer_variants[1 + floor(onecity_gen.u(g.v, 23) * array_length(g.answer_variants, 1))::int],
            case when g.status in ('submitted', 'rejected') then null else g.unit_id end,
            case when g.status in ('in_progress', 'resolved', 'closed') then g.officer end,
            g.routing, g.received_on, g.due_at, g.escalation_level,
            case when g.status in ('resolved', 'closed') then g.answers[1 + floor(onecity_gen.u(g.v, 24) * array_length(g.answers, 1))::int] end,
            case when g.status in ('resolved', 'closed') then g.resolve_at end,
            case when g.status = 'closed' then g.close_at end,
            case when g.status in ('resolved', 'closed') and g.is_rated and g.rate_at <= ${options.asOf} then g.rating_value end,
            g.created_at,
            case g.status when 'submitted' then greatest(g.created_at, case when g.escalation_level > 0 then g.esc1_at end)
              when 'rejected' then g.start_at when 'assigned' then greatest(g.start_at, case when g.escalation_level > 0 then g.esc1_at end)
              when 'in_progress' then greatest(g.take_at, case when g.escalation_level > 0 then g.esc1_at end, case when g.escalation_level > 1 then g.esc2_at end)
              when 'resolved' then greatest(g.resolve_at, case when g.is_rated and g.rate_at <= ${options.asOf} then g.rate_at end)
              else greatest(g.close_at, case when g.is_rated and g.rate_at <= ${options.asOf} then g.rate_at end) end
          from g
          returning id
        ), followers as (
          insert into report_followers (report_id, user_id, created_at) select g.id, g.reporter_id, g.created_at from g join ins on ins.id = g.id returning 1
        ), photos as (
          insert into report_photos (report_id, kind, uploaded_by, content_type, width, height, image, thumbnail, byte_size, created_at, review_status, reviewed_by, reviewed_at)
          select g.id, 'after', g.officer, 'image/jpeg', 64, 48, ${photo}::bytea, ${photo}::bytea, ${photo?.length ?? 0}, g.resolve_at - interval '10 minutes', 'published', g.officer, g.resolve_at
          from g join ins on ins.id = g.id where ${photo !== null} and g.status in ('resolved', 'closed') and g.category_code <> 'OTHER'
          returning 1
        ), ev as (
          insert into report_events (report_id, at, type, from_status, to_status, actor_id, actor_kind, details, is_public)
          select g.id, e.at, e.type, e.from_status, e.to_status, e.actor_id, e.actor_kind, e.details, e.is_public
          from g join ins on ins.id = g.id
          cross join lateral (values
            (1, g.created_at, 'submit', null, 'submitted', g.reporter_id, 'reporter', jsonb_build_object('channel', 'app', 'isUrgent', g.is_urgent), true),
            (2, case when not g.is_triage then g.created_at end, 'route', 'submitted', 'assigned', null, 'system', g.routing || jsonb_build_object('dueAt', onecity_gen.iso(g.due_at)), true),
            (3, case when g.is_triage and not g.is_rejected then g.start_at end, 'accept', 'submitted', 'assigned', g.ioc_id, 'ioc',
              jsonb_build_object('unitId', g.unit_id, 'dueAt', onecity_gen.iso(g.due_at), 'unitCode', g.unit_code), true),
            (3, case when g.is_rejected then g.start_at end, 'reject', 'submitted', 'rejected', g.ioc_id, 'ioc', jsonb_build_object('reason', 'Nội dung không thuộc phạm vi tiếp nhận phản ánh hiện trường'), true),
            (5, case when g.escalation_level >= 1 then g.esc1_at end, 'escalate',
              case when g.is_triage and g.esc1_at < g.start_at then 'submitted' when g.esc1_at < g.take_at then 'assigned' else 'in_progress' end,
              case when g.is_triage and g.esc1_at < g.start_at then 'submitted' when g.esc1_at < g.take_at then 'assigned' else 'in_progress' end,
              null, 'system', jsonb_build_object('level', 1, 'to', 'unit_lead', 'dueAt', onecity_gen.iso(g.due_at)), true),
            (4, case when not g.is_rejected then g.take_at end, 'take', 'assigned', 'in_progress', g.officer, 'unit_officer', jsonb_build_object('officerId', g.officer, 'previousOfficerId', null), false),
            (6, case when g.escalation_level >= 2 then g.esc2_at end, 'escalate',
              case when g.is_triage and g.esc2_at < g.start_at then 'submitted' when g.esc2_at < g.take_at then 'assigned' else 'in_progress' end,
              case when g.is_triage and g.esc2_at < g.start_at then 'submitted' when g.esc2_at < g.take_at then 'assigned' else 'in_progress' end,
              null, 'system', jsonb_build_object('level', 2, 'to', 'ioc', 'dueAt', onecity_gen.iso(g.due_at)), true),
            (7, case when not g.is_rejected then g.resolve_at end, 'resolve', 'in_progress', 'resolved', g.officer, 'unit_officer',
              jsonb_build_object('answer', g.answers[1 + floor(onecity_gen.u(g.v, 24) * array_length(g.answers, 1))::int], 'afterPhotoCount', case when ${photo !== null} and g.category_code <> 'OTHER' then 1 else 0 end), true),
            (8, case when not g.is_rejected and g.is_confirmed then g.close_at end, 'confirm', 'resolved', 'closed', g.reporter_id, 'reporter', '{}'::jsonb, true),
            (8, case when not g.is_rejected and not g.is_confirmed then g.close_at end, 'auto_close', 'resolved', 'closed', null, 'system', jsonb_build_object('resolvedAt', onecity_gen.iso(g.resolve_at)), true),
            (9, case when not g.is_rejected and g.is_rated then g.rate_at end, 'rate', case when g.rate_at < g.close_at then 'resolved' else 'closed' end,
              case when g.rate_at < g.close_at then 'resolved' else 'closed' end, g.reporter_id, 'reporter', jsonb_build_object('rating', g.rating_value), true)
          ) as e(ord, at, type, from_status, to_status, actor_id, actor_kind, details, is_public)
          where e.at is not null and e.at <= ${options.asOf} and (e.ord <= 3 or g.status not in ('submitted', 'rejected') or e.type = 'escalate')
            and (e.type <> 'take' or g.status in ('in_progress', 'resolved', 'closed'))
            and (e.type <> 'resolve' or g.status in ('resolved', 'closed'))
            and (e.type not in ('confirm', 'auto_close') or g.status = 'closed')
            and (e.type <> 'rate' or g.status in ('resolved', 'closed'))
          returning 1
        )
        select (select count(*) from ev)::int as events, (select count(*) from followers)::int as followers, (select count(*) from photos)::int as photos
      `.execute(db);
      if (explain) process.stdout.write(`${result.rows.map((row) => Object.values(row).join(' ')).join('\n')}\n`);
      reportEvents += result.rows[0]?.events ?? 0;
      await sql`insert into report_code_counters (day, last_value) values (${date}::date, ${count}) on conflict (day) do update set last_value = greatest(report_code_counters.last_value, excluded.last_value)`.execute(db);
      reportProgress.tick(count);
    });
    reportProgress.finish();
    seconds.reports = (performance.now() - reportStarted) / 1000;

    // ---------------------------------------------------------------- dossiers
    const dossierStarted = performance.now();
    const dossierCount = await generateDossiers(ctx, db, prepared, options, directory, procedures, progress);
    seconds.dossiers = (performance.now() - dossierStarted) / 1000;
    if (restore) {
      const rebuild = restore;
      restore = null;
      const rebuildStarted = performance.now();
      await rebuild();
      seconds.indexes = (performance.now() - rebuildStarted) / 1000;
    }

    // Vacuum as well as analyse, as after a restore: the visibility map lets the public map's index answer from the
    // index alone (autovacuum would get there on its own after a while, which would make the first runs differ).
    await sql`vacuum (analyze)`.execute(db);
    seconds.total = (performance.now() - started) / 1000;
    await sql`drop schema if exists onecity_gen cascade`.execute(db);
    return {
      citizens: options.citizens,
      staff: staff.length,
      reports: options.reports,
      reportEvents,
      dossiers: dossierCount,
      from: prepared.dates[0] ?? '',
      to: prepared.dates.at(-1) ?? '',
      seconds,
    };
  } catch (error) {
    await sql`drop schema if exists onecity_gen cascade`.execute(db).catch(() => undefined);
    if (restore) await restore().catch((restoreError: unknown) => say(`Could not restore the deferred indexes and foreign keys: ${String(restoreError)}`));
    throw error;
  }
}

const BULK_TABLES = ['reports', 'report_events', 'report_followers', 'dossiers', 'dossier_steps', 'dossier_events'];

/**
 * Drops the secondary indexes and foreign keys of the tables about to receive a large load and returns what puts
 * them back: building an index once over sorted data and validating a foreign key in one join is many times faster
 * than maintaining them row by row (what pg_restore does too). Primary keys and unique constraints stay, so
 * duplicates are still refused during the load; every foreign key is validated again when it is restored.
 */
async function deferIndexes(db: Kysely<DB>, say: (text: string) => void): Promise<() => Promise<void>> {
  const indexes = (
    await sql<{ name: string; definition: string }>`
      select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename in (${sql.join(BULK_TABLES)})
        and indexname not in (select conname from pg_constraint where conrelid::regclass::text in (${sql.join(BULK_TABLES)}))`.execute(db)
  ).rows;
  const foreignKeys = (
    await sql<{ table: string; name: string; definition: string }>`
      select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
      where contype = 'f' and conrelid::regclass::text in (${sql.join(BULK_TABLES)})`.execute(db)
  ).rows;
  for (const key of foreignKeys) await sql`alter table ${sql.table(key.table)} drop constraint ${sql.ref(key.name)}`.execute(db);
  for (const index of indexes) await sql`drop index ${sql.ref(index.name)}`.execute(db);
  say(`Deferred ${indexes.length} indexes and ${foreignKeys.length} foreign keys of ${BULK_TABLES.join(', ')} until the load is done.`);
  return async () => {
    const started = performance.now();
    await db.connection().execute(async (connection) => {
      await sql`set maintenance_work_mem = '512MB'`.execute(connection).catch(() => undefined);
      for (const index of indexes) await sql.raw(index.definition).execute(connection);
      for (const key of foreignKeys) await sql`alter table ${sql.table(key.table)} add constraint ${sql.ref(key.name)} ${sql.raw(key.definition)}`.execute(connection);
    });
    say(`Rebuilt ${indexes.length} indexes and validated ${foreignKeys.length} foreign keys in ${((performance.now() - started) / 1000).toFixed(1)}s.`);
  };
}

/** Runs `work` for every day index, `jobs` at a time (PostgreSQL has a core per statement; PGlite has one connection). */
async function forEachDay(count: number, jobs: number, work: (dayIndex: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const dayIndex = next;
      next += 1;
      await work(dayIndex);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
}

async function generateDossiers(
  ctx: AppContext,
  db: Kysely<DB>,
  prepared: Prepared,
  options: GenerateOptions,
  directory: Directory,
  procedures: Selectable<ProceduresTable>[],
  progress: (label: string, total: number) => { tick(count: number): void; finish(): unknown },
): Promise<number> {
  if (options.dossiers === 0) return 0;
  if (procedures.length === 0) throw new Error('the database has no procedures: seed the city first');
  const wards = prepared.areas;
  const wardCum = cumulativeThresholds(wards.map((area) => area.weight));
  // Procedures most often filed: civil status and certification at the wards; department procedures are rarer.
  const procedureWeights = procedures.map((procedure) => (procedure.level === 'ward' ? (procedure.processing_amount <= 1 ? 10 : 4) : 1));
  await sql`create unlogged table onecity_gen.procedures (idx int primary key, id uuid, code text, level text, fee_total int, has_result boolean, snapshot jsonb, form_data jsonb,
    kinds text[], roles text[], review_rank int[], review_total int)`.execute(db);
  await sql`create unlogged table onecity_gen.impl (proc int, k int, agency_id uuid, agency_code text, step_agencies uuid[], step_codes text[], primary key (proc, k))`.execute(db);
  await sql`create unlogged table onecity_gen.ddue (proc int, day date, appointment_date date, appointment_at timestamptz, step_dues timestamptz[], primary key (proc, day))`.execute(db);
  const dueDays = [...prepared.dates, ...Array.from({ length: 40 }, (_, i) => addDays(prepared.dates.at(-1) ?? '', i + 1))];
  for (const [index, procedure] of procedures.entries()) {
    const idx = index + 1;
    const snapshot = {
      code: procedure.code,
      nameVi: procedure.name_vi,
      nameEn: procedure.name_en,
      processingTime: { amount: procedure.processing_amount, unit: procedure.processing_unit },
      fees: procedure.fees,
      components: procedure.components,
      formSchema: procedure.form_schema,
      onlineLevel: procedure.online_level,
      resultType: procedure.result_type,
      resultTemplate: procedure.result_template,
      workflow: procedure.workflow,
    };
    const kinds = procedure.workflow.map((step) => step.kind);
    let reviews = 0;
    const reviewRank = kinds.map((kind) => (kind === 'review' ? ++reviews : 0));
    await sql`insert into onecity_gen.procedures values (${idx}, ${procedure.id}, ${procedure.code}, ${procedure.level}, ${procedure.fees.reduce((sum, fee) => sum + fee.amount, 0)},
      ${procedure.result_type !== 'paper'}, ${JSON.stringify(snapshot)}::jsonb, ${JSON.stringify(sampleAnswers(procedure.form_schema))}::jsonb,
      ${textArray(kinds)}, ${textArray(procedure.workflow.map((step) => step.role))}, ${sql.raw(`array[${reviewRank.join(',')}]::int[]`)}, ${reviews})`.execute(db);
    const implementing = procedure.level === 'ward' ? wards.map((area) => directory.byCode.get(area.code)) : [procedure.agency_id ? directory.byId.get(procedure.agency_id) : undefined];
    const implRows = implementing.flatMap((agency, k) => {
      if (!agency) return [];
      const codes = procedure.workflow.map((step) => (step.agency === 'desk' ? (procedure.level === 'ward' ? `${agency.code}_HCC` : 'TTHCC') : step.agency === 'self' ? agency.code : step.agency.startsWith('unit:') ? `${agency.code}_${step.agency.slice(5)}` : step.agency.slice(7)));
      const ids = codes.map((code) => directory.byCode.get(code)?.id);
      if (ids.some((id) => id === undefined)) return [];
      return [sql`(${idx}, ${k + 1}, ${agency.id}::uuid, ${agency.code}, ${sql.raw(`array[${ids.map((id) => literal(id ?? '')).join(',')}]::uuid[]`)}, ${textArray(codes)})`];
    });
    if (implRows.length > 0) await sql`insert into onecity_gen.impl values ${sql.join(implRows)}`.execute(db);
    const time = { amount: procedure.processing_amount, unit: procedure.processing_unit };
    const shares = procedure.workflow.map((step) => step.share);
    const dueRows = dueDays.map((day) => {
      // A dossier received during office hours that day: the appointment and the step dues counted from it.
      const at = new Date(localIso(day, 9 * 60, prepared.tz));
      const appointment = computeAppointment(prepared.calendar, at, time, ctx.config.officeHours);
      const dues = computeStepDues(prepared.calendar, at, time, shares, ctx.config.officeHours);
      return sql`(${idx}, ${day}::date, ${appointment.dueDate}::date, ${appointment.dueAt}::timestamptz, ${sql.raw(`array[${dues.map((due) => literal(due.toISOString())).join(',')}]::timestamptz[]`)})`;
    });
    for (let i = 0; i < dueRows.length; i += 1000) await sql`insert into onecity_gen.ddue values ${sql.join(dueRows.slice(i, i + 1000))}`.execute(db);
  }
  for (const table of ['onecity_gen.procedures', 'onecity_gen.impl', 'onecity_gen.ddue']) await sql`analyze ${sql.table(table)}`.execute(db);

  const days = spreadOverDays(options.dossiers, prepared.dates, (date) => (isWorkingDay(prepared.calendar, date) ? 1 : 0.12));
  const bar = progress('dossiers', options.dossiers);
  const asOf = options.asOf;
  await forEachDay(prepared.dates.length, options.jobs, async (dayIndex) => {
    const date = prepared.dates[dayIndex] ?? '';
    const count = days[dayIndex] ?? 0;
    if (count === 0) return;
    const isWorking = isWorkingDay(prepared.calendar, date);
    const yymmdd = `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
    await sql`
      with b as (
        select s.n, ${dayIndex}::bigint * 10000000 + s.n + 5000000 as v from generate_series(1, ${count}::int) s(n)
      ), g0 as materialized (
        select b.*, onecity_gen.uid('d:' || ${dayIndex}::int || ':' || b.n) as id,
          width_bucket(onecity_gen.u(b.v, 1), ${floatArray(cumulativeThresholds(procedureWeights))}) as proc,
          width_bucket(onecity_gen.u(b.v, 2), ${floatArray(wardCum)}) as ward_k,
          case when ${!isWorking} or onecity_gen.u(b.v, 3) < 0.68 then 'online' when onecity_gen.u(b.v, 3) < 0.98 then 'in_person' else 'post' end as channel
        from b
      ), g1 as materialized (
        select g0.*, p.level, p.fee_total, p.has_result, p.snapshot, p.form_data, p.kinds, p.roles, p.review_rank, p.review_total, p.id as procedure_id,
          i.agency_id, i.agency_code, i.step_agencies, i.step_codes,
          q.q[1 + floor(((g0.n - 1) + onecity_gen.u(g0.v, 4)) / ${count}::float8 * 1440)::int] as minute
        from g0 join onecity_gen.procedures p on p.idx = g0.proc
        join onecity_gen.arrays q on q.name = case when g0.channel = 'online' then 'online' else 'desk' end
        join onecity_gen.impl i on i.proc = g0.proc and i.k = case when p.level = 'ward' then g0.ward_k else 1 end
      ), g2 as materialized (
        select g1.*,
          date_trunc('milliseconds', (${date}::date::timestamp + g1.minute * interval '1 minute') at time zone ${prepared.tz}) as submitted_at,
          case when g1.minute >= ${prepared.endMinute} then ${date}::date + 1 else ${date}::date end as received_on,
          onecity_gen.u(g1.v, 5) as branch,
          onecity_gen.uid('c:' || (1 + floor(power(onecity_gen.u(g1.v, 6), 1.3) * ${options.citizens})::int)) as owner_id,
          onecity_gen.uid('staff:desk_officer:' || g1.step_codes[1] || ':' || floor(onecity_gen.u(g1.v, 7) * 2)::int) as desk_id,
          onecity_gen.u(g1.v, 8) < 0.08 as is_late
        from g1
      ), g3 as materialized (
        select g2.*, d.appointment_date, d.appointment_at, d.step_dues,
          case when g2.channel = 'online' then g2.submitted_at + (0.3 + onecity_gen.u(g2.v, 9) * 26) * interval '1 hour' else g2.submitted_at end as accept_at,
          g2.branch >= 0.10 and g2.branch < 0.18 as has_supplement,
          case when g2.branch < 0.04 and g2.channel = 'online' then 'reject' when g2.branch < 0.06 and g2.channel = 'online' then 'withdraw' when g2.branch >= 0.06 and g2.branch < 0.075 then 'stop' else 'normal' end as outcome
        from g2 join onecity_gen.ddue d on d.proc = g2.proc and d.day = g2.received_on
      ), g4 as materialized (
        select g3.*,
          case when g3.fee_total > 0 then g3.accept_at + onecity_gen.u(g3.v, 10) * interval '40 hours' end as paid_at,
          onecity_gen.u(g3.v, 11) < 0.45 as paid_online
        from g3
      ), g5 as materialized (
        select g4.*, coalesce(g4.paid_at, g4.accept_at) as review_at from g4
      ), g6 as materialized (
        select g5.*,
          case when g5.has_supplement then g5.review_at + greatest(g5.appointment_at - g5.review_at, interval '4 hours') * 0.3 * onecity_gen.u(g5.v, 12) end as supplement_at,
          case when g5.has_supplement then g5.review_at + greatest(g5.appointment_at - g5.review_at, interval '4 hours') * 0.3 * onecity_gen.u(g5.v, 12) + (1 + onecity_gen.u(g5.v, 13) * 5) * interval '1 day' end as supplied_at
        from g5
      ), g7 as materialized (
        select g6.*,
          coalesce(s.appointment_date, g6.appointment_date) as final_date, coalesce(s.appointment_at, g6.appointment_at) as legal_due_at,
          coalesce(s.step_dues, g6.step_dues) as final_dues,
          coalesce(case when g6.supplied_at is not null then (g6.supplied_at at time zone ${prepared.tz})::date + (extract(hour from g6.supplied_at at time zone ${prepared.tz}) * 60 + extract(minute from g6.supplied_at at time zone ${prepared.tz}) >= ${prepared.endMinute})::int end, g6.received_on) as final_received_on,
          coalesce(g6.supplied_at, g6.review_at) as clock_at
        from g6 left join onecity_gen.ddue s on s.proc = g6.proc and s.day = (g6.supplied_at at time zone ${prepared.tz})::date + (extract(hour from g6.supplied_at at time zone ${prepared.tz}) * 60 + extract(minute from g6.supplied_at at time zone ${prepared.tz}) >= ${prepared.endMinute})::int
      ), g8 as materialized (
        select g7.*,
          g7.clock_at + greatest(g7.legal_due_at - g7.clock_at, interval '2 hours') * (case when g7.is_late then 1.05 + onecity_gen.u(g7.v, 14) * 0.6 else 0.15 + onecity_gen.u(g7.v, 14) * 0.8 end) as finish_at
        from g7
      ), g9 as materialized (
        select g8.*,
          g8.clock_at + (g8.finish_at - g8.clock_at) * 0.7 as forward_at,
          g8.finish_at + (case when g8.channel = 'online' then 0.1 + onecity_gen.u(g8.v, 15) * 48 else 4 + onecity_gen.u(g8.v, 15) * 120 end) * interval '1 hour' as deliver_at,
          case g8.outcome when 'reject' then g8.accept_at when 'withdraw' then g8.review_at + onecity_gen.u(g8.v, 16) * interval '20 hours' when 'stop' then g8.review_at + onecity_gen.u(g8.v, 16) * interval '30 hours' end as close_at
        from g8
      ), g as materialized (
        select g9.*,
          case
            when g9.channel = 'online' and g9.accept_at > ${asOf} then 1
            when g9.outcome = 'reject' then 3
            when g9.outcome in ('withdraw', 'stop') and g9.close_at <= ${asOf} then case g9.outcome when 'withdraw' then 7 else 8 end
            when g9.paid_at is not null and g9.paid_at > ${asOf} then 6
            when g9.has_supplement and g9.supplement_at <= ${asOf} and g9.supplied_at > ${asOf} then 5
            when g9.outcome <> 'normal' or g9.forward_at > ${asOf} then 2
            when g9.finish_at > ${asOf} then 4
            when g9.deliver_at > ${asOf} then 9
            else 10 end as status
        from g9
      ), gs as materialized (
        select g.*,
          case when g.status in (3, 7, 8, 10) then null
            when g.status = 1 then 0
            when g.status = 6 then 1
            when g.status in (2, 5) then array_position(g.kinds, 'review') - 1
            when g.status = 4 then array_position(g.kinds, 'approval') - 1
            when g.status = 9 then case when g.kinds[array_length(g.kinds, 1)] = 'result' then array_length(g.kinds, 1) - 1 end end as current_step
        from g
      ), coded as materialized (
        select gs.*, gs.agency_code || ${`-${yymmdd}-`} || ${codeSequence(sql`row_number() over (partition by gs.agency_code order by gs.submitted_at, gs.n)`)} as code from gs
      ), ins as (
        insert into dossiers (id, code, procedure_id, procedure_snapshot, agency_id, owner_user_id, received_by, channel, delivery_method, status, applicant, form_data,
          fee_total, fee_paid_at, fee_paid_via, fee_reference, submitted_at, received_on, accepted_at, appointment_date, appointment_at, original_appointment_date,
          legal_due_at, current_step, supplement_count, status_before_supplement, finished_at, delivered_at, closed_at, is_late, has_electronic_result, created_at, updated_at)
        select c.id, c.code, c.procedure_id, c.snapshot, c.agency_id, case when c.channel = 'online' then c.owner_id end, case when c.channel <> 'online' then c.desk_id end,
          c.channel, case when c.channel = 'online' and onecity_gen.u(c.v, 17) < 0.6 then 'online' when onecity_gen.u(c.v, 17) < 0.1 then 'post' else 'in_person' end, c.status,
          jsonb_build_object('fullName', u.full_name, 'idNumber', '046' || lpad((floor(onecity_gen.u(c.v, 18) * 1000000000))::bigint::text, 9, '0'), 'phone', coalesce(u.phone, '0905000000'),
            'email', null, 'address', 'Số ' || (1 + floor(onecity_gen.u(c.v, 19) * 200))::int || ' ' || (${textArray(STREETS)})[1 + floor(onecity_gen.u(c.v, 20) * ${STREETS.length})::int] || ', thành phố Huế'),
          c.form_data, c.fee_total,
          case when c.paid_at <= ${asOf} and c.status not in (1, 3) and (c.close_at is null or c.paid_at < c.close_at) then c.paid_at end,
          case when c.paid_at <= ${asOf} and c.status not in (1, 3) and (c.close_at is null or c.paid_at < c.close_at) then case when c.paid_online and c.channel = 'online' then 'online' else 'desk' end end,
          case when c.paid_at <= ${asOf} and c.status not in (1, 3) and (c.close_at is null or c.paid_at < c.close_at) then 'BL-' || lpad((floor(onecity_gen.u(c.v, 21) * 10000000))::int::text, 7, '0') end,
          c.submitted_at, case when c.supplied_at <= ${asOf} then c.final_received_on else c.received_on end,
          case when c.status not in (1, 3) then c.accept_at end,
          case when c.supplied_at <= ${asOf} then c.final_date else c.appointment_date end,
          case when c.supplied_at <= ${asOf} then c.legal_due_at else c.appointment_at end,
          c.appointment_date,
          case when c.supplied_at <= ${asOf} then c.legal_due_at else c.appointment_at end,
          c.current_step, case when c.has_supplement and c.supplement_at <= ${asOf} and c.status not in (1, 3) then 1 else 0 end,
          case when c.status = 5 then 2 end,
          case when c.status in (9, 10) then c.finish_at end, case when c.status = 10 then c.deliver_at end,
          case when c.status in (3, 7, 8) then c.close_at end,
          case when c.status in (9, 10) then c.finish_at > c.legal_due_at end,
          c.status in (9, 10) and c.has_result, c.submitted_at,
          case c.status when 1 then c.submitted_at when 3 then c.accept_at when 6 then c.accept_at when 5 then c.supplement_at when 2 then greatest(c.review_at, c.supplied_at)
            when 4 then c.forward_at when 9 then c.finish_at when 10 then c.deliver_at else c.close_at end
        from coded c join users u on u.id = c.owner_id
        returning id, code
      ), sequences as (
        insert into dossier_code_sequences (prefix, day, last_value)
        select split_part(code, '-', 1), ${date}::date, count(*)::int from ins group by 1
        on conflict (prefix, day) do update set last_value = greatest(dossier_code_sequences.last_value, excluded.last_value)
        returning 1
      ), steps as (
        insert into dossier_steps (dossier_id, step_index, code, kind, name_vi, name_en, role, agency_id, assignee_id, started_at, due_at, finished_at, finished_by)
        select c.id, st.i - 1, st.step->>'code', st.step->>'kind', st.step->>'nameVi', st.step->>'nameEn', st.step->>'role', c.step_agencies[st.i],
          case when st.i = 1 and c.channel <> 'online' then c.desk_id end,
          case when st.start_at <= ${asOf} and (c.close_at is null or st.start_at <= c.close_at) and (st.i - 1 <= coalesce(c.current_step, 99)) then st.start_at end,
          case when c.supplied_at <= ${asOf} then c.final_dues[st.i] else c.step_dues[st.i] end,
          case when st.finish_at <= ${asOf} and (c.current_step is null or st.i - 1 < c.current_step) and (c.close_at is null or st.start_at <= c.close_at) then least(st.finish_at, c.close_at) end,
          case when st.finish_at <= ${asOf} and (c.current_step is null or st.i - 1 < c.current_step) and (c.close_at is null or st.start_at <= c.close_at) then
            case when st.step->>'role' = 'desk_officer' then c.desk_id else onecity_gen.uid('staff:' || (st.step->>'role') || ':' || c.step_codes[st.i] || ':0') end end
        from coded c join ins on ins.id = c.id
        cross join lateral (
          select x.i, x.step,
            case c.kinds[x.i] when 'reception' then c.submitted_at when 'review' then c.review_at + (c.forward_at - c.review_at) * (c.review_rank[x.i] - 1) / greatest(c.review_total, 1)
              when 'approval' then c.forward_at else c.finish_at end as start_at,
            case c.kinds[x.i] when 'reception' then c.accept_at when 'review' then c.review_at + (c.forward_at - c.review_at) * c.review_rank[x.i] / greatest(c.review_total, 1)
              when 'approval' then c.finish_at else c.deliver_at end as finish_at
          from jsonb_array_elements(c.snapshot->'workflow') with ordinality as x(step, i)
        ) st
        returning 1
      ), supplements as (
        insert into dossier_supplements (dossier_id, requested_at, requested_by, items, note, previous_appointment_date, completed_at, new_appointment_date)
        select c.id, c.supplement_at, onecity_gen.uid('staff:officer:' || c.step_codes[array_position(c.kinds, 'review')] || ':0'),
          jsonb_build_array(jsonb_build_object('componentCode', null, 'text', 'Bổ sung bản sao giấy tờ chứng minh nơi cư trú')), null, c.appointment_date,
          case when c.supplied_at <= ${asOf} then c.supplied_at end, case when c.supplied_at <= ${asOf} then c.final_date end
        from coded c join ins on ins.id = c.id where c.has_supplement and c.supplement_at <= ${asOf} and c.status not in (1, 3)
          and (c.close_at is null or c.supplement_at < c.close_at)
        returning 1
      ), surveys as (
        insert into dossier_surveys (dossier_id, user_id, answers, comment, submitted_at)
        select c.id, c.owner_id, jsonb_build_object('overall', 3 + floor(onecity_gen.u(c.v, 22) * 3)::int, 'ease_of_use', 3 + floor(onecity_gen.u(c.v, 23) * 3)::int, 'on_time', case when c.finish_at > c.legal_due_at then 2 else 5 end,
            'staff_attitude', 4 + floor(onecity_gen.u(c.v, 24) * 2)::int, 'time_vs_legal_limit', 4, 'number_of_contacts', 5, 'number_of_agencies', 5, 'one_stop_reception', 5,
            'publicity', 4, 'feedback_handling', 4, 'online_service_quality', 3 + floor(onecity_gen.u(c.v, 25) * 3)::int, 'result_accuracy', 5), null, c.deliver_at + interval '2 hours'
        from coded c join ins on ins.id = c.id where c.status = 10 and c.channel = 'online' and onecity_gen.u(c.v, 26) < 0.35 and c.deliver_at + interval '2 hours' <= ${asOf}
        returning 1
      ), events as (
        insert into dossier_events (dossier_id, at, actor_id, agency_id, action, status, note, data)
        select c.id, e.at, e.actor_id, e.agency_id, e.action, e.status, e.note, e.data
        from coded c join ins on ins.id = c.id
        cross join lateral (values
          (1, c.submitted_at, case when c.channel = 'online' then c.owner_id else c.desk_id end, case when c.channel = 'online' then null else c.step_agencies[1] end,
            case when c.channel = 'online' then 'submit' else 'receive' end, case when c.channel = 'online' then 1 when c.fee_total > 0 then 6 else 2 end, null::text, jsonb_build_object('channel', c.channel)),
          (2, case when c.channel = 'online' then c.accept_at end, c.desk_id, c.step_agencies[1], case when c.outcome = 'reject' then 'reject' else 'accept' end,
            case when c.outcome = 'reject' then 3 when c.fee_total > 0 then 6 else 2 end, case when c.outcome = 'reject' then 'Hồ sơ không thuộc thẩm quyền giải quyết' end, '{}'::jsonb),
          (3, case when c.outcome <> 'reject' then c.paid_at end, case when c.paid_online and c.channel = 'online' then null else c.desk_id end, case when c.paid_online and c.channel = 'online' then null else c.step_agencies[1] end,
            'record_payment', 2, null, jsonb_build_object('amount', c.fee_total)),
          (4, case when c.outcome <> 'reject' and c.has_supplement then c.supplement_at end, null::uuid, c.step_agencies[array_position(c.kinds, 'review')], 'request_supplement', 5, null, jsonb_build_object('count', 1)),
          (5, case when c.outcome <> 'reject' and c.has_supplement then c.supplied_at end, c.owner_id, null::uuid, 'complete_supplement', 2, null, jsonb_build_object('newAppointmentDate', c.final_date)),
          (6, case when c.outcome = 'normal' then c.forward_at end, null::uuid, c.step_agencies[array_position(c.kinds, 'review')], 'forward', 4, null, '{}'::jsonb),
          (7, case when c.outcome = 'normal' then c.finish_at end, null::uuid, c.step_agencies[array_position(c.kinds, 'approval')], 'approve', 9, null, jsonb_build_object('isLate', c.finish_at > c.legal_due_at)),
          (8, case when c.outcome = 'normal' then c.deliver_at end, case when c.channel = 'online' then c.owner_id else c.desk_id end, null::uuid, 'deliver', 10, null,
            case when c.channel = 'online' then jsonb_build_object('via', 'online') else '{}'::jsonb end),
          (9, case when c.outcome in ('withdraw', 'stop') then c.close_at end, case when c.outcome = 'withdraw' then c.owner_id end, null::uuid, c.outcome, case when c.outcome = 'withdraw' then 7 else 8 end,
            case when c.outcome = 'withdraw' then 'Công dân rút hồ sơ' else 'Dừng xử lý theo đề nghị của cơ quan chuyên môn' end, '{}'::jsonb)
        ) as e(ord, at, actor_id, agency_id, action, status, note, data)
        where e.at is not null and e.at <= ${asOf} and (c.close_at is null or e.at <= c.close_at)
        returning 1
      )
      select (select count(*) from steps) + (select count(*) from supplements) + (select count(*) from surveys) + (select count(*) from events) + (select count(*) from sequences) as rows
    `.execute(db);
    bar.tick(count);
  });
  bar.finish();
  return options.dossiers;
}
