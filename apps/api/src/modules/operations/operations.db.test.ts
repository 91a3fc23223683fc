/**
 * The operations centre against the demo city: Decision 766 figures traced to their items and agreeing with the
 * dossier statistics, the public statistics, the live stream over a real HTTP connection, the daily aggregates against
 * a full rebuild, and who may see a scorecard.
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/seeded-random.ts';
import { createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';
import { applyNewEvents, rebuildAggregates } from './index.ts';
import { readDecision766Input } from './operations.sources.ts';
import { periodOf, resolveScope } from './operations.scope.ts';
import { scoreDecision766 } from './workflow/decision-766.ts';
import { figuresOf, headlineCountsOf } from './workflow/headline-figures.ts';
import { dossierQueries } from '../procedures/index.ts';
import { reportQueries } from '../reports/index.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const PHU_XUAN = { lat: 16.4698, lng: 107.5786 };

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
// After office hours a dossier counts as received the next working day: periods end a few days ahead.
const ahead = () => daysBefore(today(), -12);

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, login] of Object.entries({
    ioc: 'ioc@demo.onecity.local',
    auditor: 'auditor@demo.onecity.local',
    citizen: 'citizen@demo.onecity.local',
    wardLead: 'ward.lead@demo.onecity.local',
    unitLead: 'unit.lead@demo.onecity.local',
    wardOfficer: 'ward.officer@demo.onecity.local',
    civil: 'civil.officer@demo.onecity.local',
    desk: 'desk.officer@demo.onecity.local',
  })) {
    tokens[name] = await loginToken(t.app, login);
  }
});
afterAll(async () => t?.dispose());

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const get = (url: string, who?: string) => t.app.inject({ method: 'GET', url, headers: who ? as(who) : {} });

describe('Decision 766', () => {
  it('scores a ward, traces every figure to its items and agrees with the dossier statistics', async () => {
    const to = ahead();
    const from = daysBefore(today(), 30);
    const query = `agencyCode=PHUXUAN&from=${from}&to=${to}`;
    const response = await get(`/api/v1/operations/decision-766?${query}`, 'ioc');
    expect(response.statusCode, response.body).toBe(200);
    const score = response.json();
    const statistics = (await get(`/api/v1/dossiers/statistics?${query}`, 'ioc')).json();
    const indicator = (code: string) => score.indicators.find((candidate: { code: string }) => candidate.code === code);

    // The demo dossiers: one waiting at the desk (not counted), six accepted, five within their time and one finished
    // late (its supplement was requested twice).
    expect(indicator('2.1')).toMatchObject({ numerator: 5, denominator: 6, points: 16.67 });
    expect(indicator('2.1').value).toBeCloseTo(5 / 6, 6);
    expect(indicator('2.1').denominator).toBe(statistics.toProcess);
    expect(statistics.doneLate).toBe(1);
    expect(indicator('3.3').denominator).toBe(statistics.received);
    expect(indicator('3.6')).toMatchObject({ numerator: statistics.feePaidOnline, denominator: statistics.feeBearing });
    expect(indicator('1.1')).toMatchObject({ measurable: false, value: null, points: null });
    expect(score.maxPoints).toBe(100);
    expect(score.total).toBeCloseTo(score.groups.reduce((sum: number, group: { points: number }) => sum + group.points, 0), 2);

    for (const figure of score.indicators.filter((candidate: { measurable: boolean; denominator: number | null }) => candidate.measurable && candidate.denominator)) {
      const items = (await get(`/api/v1/operations/decision-766/items?${query}&indicator=${figure.code}&limit=1000`, 'ioc')).json();
      expect(items.total, figure.code).toBe(figure.code === '2.2' || figure.code === '5.4' ? items.items.length : figure.denominator);
      if (figure.code !== '2.2' && figure.code !== '5.4') expect(items.items.filter((item: { isMet: boolean }) => item.isMet).length, figure.code).toBe(figure.numerator);
    }
    const supplement = (await get(`/api/v1/operations/decision-766/items?${query}&indicator=2.1&met=true`, 'ioc')).json();
    expect(supplement.items.find((item: { outcome: string }) => item.outcome === 'supplement_on_time')?.fields.supplementCount).toBe(1);
    const late = (await get(`/api/v1/operations/decision-766/items?${query}&indicator=2.1&met=false`, 'ioc')).json();
    expect(late.items).toEqual([expect.objectContaining({ kind: 'dossier', isMet: false, outcome: 'done_late', fields: expect.objectContaining({ procedureCode: 'HUE-CUTRU-XNTTCT', supplementCount: 2 }) })]);
  });

  it('is shown only to staff over the agency, and refuses unknown indicators and reversed periods', async () => {
    const to = today();
    expect((await get(`/api/v1/operations/decision-766?agencyCode=PHUXUAN&from=${to}&to=${to}`, 'citizen')).statusCode).toBe(403);
    expect((await get(`/api/v1/operations/decision-766?agencyCode=SXD&from=${to}&to=${to}`, 'wardLead')).statusCode).toBe(403);
    expect((await get(`/api/v1/operations/decision-766?agencyCode=PHUXUAN&from=${to}&to=${to}`, 'wardLead')).statusCode).toBe(200);
    expect((await get(`/api/v1/operations/decision-766/items?agencyCode=PHUXUAN&from=${to}&to=${to}&indicator=9.9`, 'ioc')).statusCode).toBe(404);
    const reversed = await get(`/api/v1/operations/decision-766?agencyCode=PHUXUAN&from=${to}&to=${daysBefore(to, 1)}`, 'ioc');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('query.from');
  });
});

describe('public statistics', () => {
  it('gives figures with their definitions to anyone, city-wide and per agency, as JSON and CSV', async () => {
    const response = await get(`/api/v1/public/statistics?from=${daysBefore(today(), 30)}&to=${ahead()}`);
    expect(response.statusCode, response.body).toBe(200);
    const statistics = response.json();
    const figure = (figures: { key: string; numerator: number; denominator: number; value: number | null }[], key: string) => figures.find((candidate) => candidate.key === key);
    expect(statistics.definitions).toHaveLength(statistics.city.figures.length);
    expect(figure(statistics.city.figures, 'proceduresOnline')).toMatchObject({ value: 1 });
    const ward = statistics.agencies.find((entry: { agency: { code: string } }) => entry.agency.code === 'PHUXUAN');
    expect(figure(ward.figures, 'dossiersFiledOnline')).toMatchObject({ numerator: 6, denominator: 6, value: 1 });
    expect(figure(ward.figures, 'surveysSatisfied')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(JSON.stringify(statistics)).not.toMatch(/Nguyễn Thị Hoa|046190000123/);
    const csv = await get(`/api/v1/public/statistics?format=csv&from=${statistics.from}&to=${statistics.to}`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.startsWith('\uFEFFfrom,to,agency_code')).toBe(true);
    expect(csv.body).toMatch(/PHUXUAN,"Phường Phú Xuân",dossiersFiledOnline,"Hồ sơ nộp trực tuyến",6,6,1,/);
  });
});

/** Reads server-sent events from a streaming HTTP body until `isDone` says stop. */
async function readEvents(body: ReadableStream<Uint8Array>, isDone: (events: { event: string; data: Record<string, unknown> }[]) => boolean, timeoutMs = 15_000) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: Record<string, unknown> }[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (!isDone(events)) {
    if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(events.map((e) => e.event))}`);
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
      end = buffer.indexOf('\n\n');
    }
  }
  reader.releaseLock();
  return events;
}

describe('the live stream', () => {
  it('pushes a change and fresh counters when a report is filed (real HTTP connection)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/operations/stream?areaCode=PHUXUAN`, { headers: as('ioc'), signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = response.body as ReadableStream<Uint8Array>;
    const [first] = await readEvents(body, (events) => events.length >= 1);
    expect(first?.event).toBe('counters');
    const openBefore = (first?.data.reports as { open: number }).open;

    const filed = await fetch(`http://127.0.0.1:${port}/api/v1/reports`, {
      method: 'POST',
      headers: { ...as('citizen'), 'content-type': 'application/json' },
      body: JSON.stringify({ categoryCode: 'GARBAGE', description: 'Rác thải đổ trộm ở góc đường, bốc mùi.', location: PHU_XUAN }),
    });
    expect(filed.status).toBe(201);
    const { code } = (await filed.json()) as { code: string };
    const events = await readEvents(body, (seen) => seen.some((e) => e.event === 'counters' && (e.data.reports as { open: number }).open === openBefore + 1));
    const change = events.find((e) => e.event === 'change' && e.data.code === code);
    expect(change?.data).toMatchObject({ source: 'report', type: 'submit', areaCode: 'PHUXUAN', categoryCode: 'GARBAGE', agencyCode: 'HEPCO' });
    expect(JSON.stringify(events)).not.toMatch(/citizen@|Nguyễn Thị Hoa/);
    controller.abort();

    // The same report is on the operations map and, for a unit lead, only within his own subtree.
    const map = (await get('/api/v1/operations/reports?areaCode=PHUXUAN', 'ioc')).json();
    expect(map.items.map((report: { code: string }) => report.code)).toContain(code);
    expect((await get('/api/v1/operations/counters', 'unitLead')).statusCode).toBe(403);
    const lead = (await get('/api/v1/operations/counters?agencyCode=SXD', 'unitLead')).json();
    expect(lead.reports.open).toBeGreaterThanOrEqual(1);
    expect(lead.intakeToday.reports.app).toBeGreaterThanOrEqual(1);
  });

  it('counts the open reports as their list does: overdue, urgent, escalated, awaiting triage, by ward and category', async () => {
    // Three new reports: one overdue and escalated to a lead, one urgent and escalated to the IOC, one awaiting triage.
    const codes: string[] = [];
    for (const [index, categoryCode] of ['GARBAGE', 'ENCROACHMENT', 'GARBAGE'].entries()) {
      const filed = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: as('citizen'), payload: { categoryCode, description: `Phản ánh kiểm tra bộ đếm số ${index}.`, location: PHU_XUAN } });
      expect(filed.statusCode, filed.body).toBe(201);
      codes.push(filed.json().code);
    }
    await sql`update reports set due_at = now() - interval '1 day', escalation_level = 1 where code = ${codes[0]}`.execute(t.handle.db);
    await sql`update reports set is_urgent = true, escalation_level = 2 where code = ${codes[1]}`.execute(t.handle.db);
    await sql`update reports set status = 'submitted', unit_id = null where code = ${codes[2]}`.execute(t.handle.db);
    const now = new Date();
    for (const query of ['', '?areaCode=PHUXUAN', '?categoryCode=GARBAGE', '?agencyCode=SXD']) {
      const counters = (await get(`/api/v1/operations/counters${query}`, 'ioc')).json();
      const filter = Object.fromEntries(new URLSearchParams(query));
      const scope = await resolveScope(t.app.ctx, filter.agencyCode ?? 'HUE');
      const open = await reportQueries.listReportFacts(t.app.ctx, { isOpen: true, unitIds: scope.isCity ? undefined : scope.agencyIds, areaCodes: filter.areaCode ? [filter.areaCode] : undefined, categoryCodes: filter.categoryCode ? [filter.categoryCode] : undefined });
      expect(counters.reports, query).toMatchObject({
        open: open.length,
        overdue: open.filter((row) => row.dueAt < now).length,
        urgentOpen: open.filter((row) => row.isUrgent).length,
        escalatedToLead: open.filter((row) => row.escalationLevel === 1).length,
        escalatedToIoc: open.filter((row) => row.escalationLevel >= 2).length,
        awaitingTriage: open.filter((row) => row.status === 'submitted').length,
      });
      if (query === '') expect(Math.min(counters.reports.overdue, counters.reports.urgentOpen, counters.reports.escalatedToLead, counters.reports.escalatedToIoc, counters.reports.awaitingTriage)).toBeGreaterThan(0);
    }
  });
});

describe('daily aggregates', () => {
  const snapshot = async () => [
    ...(await sql<{ agency_id: string; day: string; metric: string; value: number }>`select agency_id, day::text as day, metric, value from operations_daily order by 1, 2, 3`.execute(t.handle.db)).rows.map((row) => `${row.agency_id} ${row.day} ${row.metric} ${Number(row.value)}`),
    ...(await sql<{ day: string; metric: string; value: number }>`select day::text as day, metric, value from operations_daily_city order by 1, 2`.execute(t.handle.db)).rows.map((row) => `city ${row.day} ${row.metric} ${Number(row.value)}`),
  ];

  it('after a random sequence of events, the incremental figures equal a full rebuild', async () => {
    const random = seededRandom(2026);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    // Answers without an after-photo keep the sequence short; the rule itself is the reports module's.
    await sql`update report_categories set is_after_photo_required = false`.execute(t.handle.db);
    await applyNewEvents(t.app.ctx);
    const reports: string[] = [];
    const dossiers = (await sql<{ code: string }>`select code from dossiers order by code`.execute(t.handle.db)).rows.map((row) => row.code);
    const tryAs = async (who: readonly string[], url: string, payload: object) => {
      for (const name of who) if ((await t.app.inject({ method: 'POST', url, headers: as(name), payload })).statusCode < 300) return true;
      return false;
    };
    const REPORT_ACTIONS = [
      { type: 'take' },
      { type: 'resolve', answer: 'Đã xử lý xong.' },
      { type: 'transfer', unitCode: 'PHUXUAN_KT', reason: 'Thuộc địa bàn phường.' },
      { type: 'transfer', unitCode: 'HEPCO', reason: 'Thuộc nhiệm vụ thu gom rác.' },
      { type: 'reopen', reason: 'Chưa xử lý triệt để.' },
      { type: 'confirm' },
      { rating: 2 },
      { rating: 5 },
    ];
    const DOSSIER_ACTIONS = [{ type: 'accept' }, { type: 'record_payment', reference: 'BL-766' }, { type: 'forward' }, { type: 'approve' }, { type: 'deliver' }, { type: 'request_supplement', items: [{ componentCode: null, text: 'Bổ sung bản sao giấy tờ.' }] }];
    let applied = 0;
    for (let step = 0; step < 60; step += 1) {
      const roll = random();
      if (roll < 0.25 || reports.length === 0) {
        const filed = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: as('citizen'), payload: { categoryCode: pick(['GARBAGE', 'ENCROACHMENT']), description: `Phản ánh thử nghiệm số ${step}, cần xử lý.`, location: PHU_XUAN, isUrgent: random() < 0.2 } });
        reports.push(filed.json().code);
      } else if (roll < 0.75) {
        const action = pick(REPORT_ACTIONS);
        // The reporter's answers (reopen, confirm, rating) need an answered report: one of those is picked for them.
        const needsAnswer = 'rating' in action || action.type === 'reopen' || action.type === 'confirm';
        const candidates = needsAnswer
          ? (await sql<{ code: string }>`select code from reports where status = 'resolved' and code in (${sql.join(reports)}) order by code`.execute(t.handle.db)).rows.map((row) => row.code)
          : reports;
        if (candidates.length === 0) continue;
        const code = pick(candidates);
        if ('rating' in action) await tryAs(['citizen'], `/api/v1/reports/${code}/rating`, action);
        else await tryAs(['wardOfficer', 'unitLead', 'wardLead', 'ioc', 'citizen'], `/api/v1/reports/${code}/actions`, action);
      } else if (roll < 0.9) {
        await tryAs(['desk', 'civil', 'wardLead'], `/api/v1/dossiers/${pick(dossiers)}/actions`, pick(DOSSIER_ACTIONS));
      } else {
        const result = await applyNewEvents(t.app.ctx);
        applied += result.reports + result.dossiers;
      }
    }
    // The sequence moved reports between units, answered, reopened and rated them, and moved dossiers on.
    const kinds = (await sql<{ type: string }>`select distinct type from report_events union select distinct action from dossier_events`.execute(t.handle.db)).rows.map((row) => row.type);
    expect(kinds).toEqual(expect.arrayContaining(['transfer', 'resolve', 'reopen', 'rate', 'approve', 'record_payment']));
    await applyNewEvents(t.app.ctx);
    // Applying again changes nothing.
    const incremental = await snapshot();
    expect(await applyNewEvents(t.app.ctx)).toEqual({ reports: 0, dossiers: 0 });
    expect(applied).toBeGreaterThan(0);

    const rebuilt = await rebuildAggregates(t.app.ctx);
    expect(rebuilt.reports).toBeGreaterThanOrEqual(reports.length);
    expect(await snapshot()).toEqual(incremental);

    // The city's rows are the agencies' rows summed.
    const citySums = await sql<{ day: string; metric: string; value: number }>`select day::text as day, metric, sum(value)::bigint as value from operations_daily group by 1, 2 having sum(value) <> 0 order by 1, 2`.execute(t.handle.db);
    expect(incremental.filter((line) => line.startsWith('city ')).length).toBeGreaterThan(50);
    expect(incremental.filter((line) => line.startsWith('city '))).toEqual(citySums.rows.map((row) => `city ${row.day} ${row.metric} ${Number(row.value)}`));

    // And the aggregates agree with the sources they summarise.
    const totals = (await sql<{ metric: string; total: number }>`select metric, sum(value)::int as total from operations_daily group by metric`.execute(t.handle.db)).rows;
    const total = (metric: string) => totals.find((row) => row.metric === metric)?.total ?? 0;
    const counts = (await sql<{ all: number; answered: number }>`select count(*)::int as all, count(*) filter (where resolved_at is not null)::int as answered from reports`.execute(t.handle.db)).rows[0];
    expect(total('reports.received')).toBe(counts?.all);
    expect(total('reports.answered')).toBe(counts?.answered);
    const statistics = (await get(`/api/v1/dossiers/statistics?agencyCode=PHUXUAN&from=2000-01-01&to=${ahead()}`, 'ioc')).json();
    expect(total('dossiers.received')).toBe(statistics.received);
    expect(total('dossiers.finished')).toBe(statistics.done);

    // Decision 766 from the aggregates equals the rules applied to every item: for the city, a ward and a department,
    // over a period still running and over one that ended yesterday, whose items answered or finished today are
    // judged as still open at its end.
    const yesterday = daysBefore(today(), 1);
    let checked = 0;
    for (const agencyCode of ['HUE', 'PHUXUAN', 'SXD']) {
      for (const [from, to] of [[daysBefore(today(), 40), ahead()], [daysBefore(today(), 40), yesterday], [today(), today()]] as const) {
        const served = await get(`/api/v1/operations/decision-766?agencyCode=${agencyCode}&from=${from}&to=${to}`, 'ioc');
        expect(served.statusCode, served.body).toBe(200);
        const scope = await resolveScope(t.app.ctx, agencyCode);
        const expected = scoreDecision766(await readDecision766Input(t.app.ctx, scope, periodOf(t.app.ctx, from, to)));
        const figures = (indicators: { code: string; numerator: number | null; denominator: number | null; points: number | null }[]) =>
          indicators.map(({ code, numerator, denominator, points }) => ({ code, numerator, denominator, points }));
        expect(figures(served.json().indicators), `${agencyCode} ${from}..${to}`).toEqual(figures(expected.indicators.map((indicator) => ({ ...indicator, code: indicator.definition.code }))));
        expect(served.json().total).toBe(expected.total);
        checked += expected.indicators.filter((indicator) => (indicator.denominator ?? 0) > 0).length;
      }
    }
    expect(checked).toBeGreaterThan(20);

    // The public statistics, from the same aggregates, equal the figures computed from every item.
    for (const [from, to] of [[daysBefore(today(), 40), ahead()], [daysBefore(today(), 40), yesterday]] as const) {
      const served = (await get(`/api/v1/public/statistics?from=${from}&to=${to}`)).json();
      for (const entry of [served.city, ...served.agencies.filter((candidate: { agency: { code: string } }) => ['PHUXUAN', 'SXD', 'HEPCO'].includes(candidate.agency.code))]) {
        const scope = await resolveScope(t.app.ctx, entry.agency.code);
        const period = periodOf(t.app.ctx, from, to);
        const input = await readDecision766Input(t.app.ctx, scope, period);
        const progress = scoreDecision766(input).indicators.find((indicator) => indicator.definition.code === '2.1');
        const everyDossier = await dossierQueries.listDossierFacts(t.app.ctx, { agencyIds: scope.isCity ? undefined : scope.agencyIds });
        const expected = figuresOf(
          input.procedures,
          headlineCountsOf(period, everyDossier, input.reports),
          { all: input.documents.length, met: input.documents.filter((document) => document.signatureCount > 0).length },
          { all: progress?.denominator ?? 0, met: progress?.numerator ?? 0 },
        );
        expect(entry.figures, `${entry.agency.code} ${from}..${to}`).toEqual(expected);
      }
    }
  });

  it('rebuilds page by page, holds the job while it runs, and a rebuild stopped half-way is redone by the next', async () => {
    await applyNewEvents(t.app.ctx);
    const incremental = await snapshot();
    // Small pages and a small memory budget: many page transactions and several writes of the daily sums.
    let pages = 0;
    const countPage = () => {
      pages += 1;
    };
    await rebuildAggregates(t.app.ctx, new Date(), { pageSize: 2, flushRows: 25, onPage: countPage });
    expect(pages).toBeGreaterThan(8);
    expect(await snapshot()).toEqual(incremental);

    // A rebuild that stops after two pages leaves the figures partial and the job idle, new events included.
    await expect(
      rebuildAggregates(t.app.ctx, new Date(), {
        pageSize: 3,
        onPage: (_source, done) => {
          if (done >= 6) throw new Error('stopped');
        },
      }),
    ).rejects.toThrow('stopped');
    const cursors = await t.handle.db.selectFrom('operations_cursors').select(['source', 'rebuild_after_code']).orderBy('source').execute();
    expect(cursors.map((row) => row.rebuild_after_code)).toEqual(['', expect.stringMatching(/^PA-/)]);
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: as('citizen'), payload: { categoryCode: 'GARBAGE', description: 'Phản ánh trong lúc tính lại số liệu.', location: PHU_XUAN } });
    expect(filed.statusCode).toBe(201);
    expect(await applyNewEvents(t.app.ctx)).toEqual({ reports: 0, dossiers: 0 });
    expect(await snapshot()).not.toEqual(incremental);

    // The next rebuild starts again from the beginning; the job then applies what came after its cursors.
    await rebuildAggregates(t.app.ctx, new Date(), { pageSize: 4, flushRows: 30 });
    await applyNewEvents(t.app.ctx);
    const afterRestart = await snapshot();
    const counts = (await sql<{ all: number }>`select count(*)::int as all from reports`.execute(t.handle.db)).rows[0];
    const received = (await sql<{ total: number }>`select coalesce(sum(value), 0)::int as total from operations_daily where metric = 'reports.received'`.execute(t.handle.db)).rows[0];
    expect(received?.total).toBe(counts?.all);
    // Equal to a rebuild in one go with every event in it.
    await rebuildAggregates(t.app.ctx, new Date(Date.now() + 3_600_000));
    expect(await snapshot()).toEqual(afterRestart);
    expect(await applyNewEvents(t.app.ctx)).toEqual({ reports: 0, dossiers: 0 });

    // Another rebuild starting after this one's last page (its start resets the markers): this one must not write its
    // sums into the other's fresh tables, and stops; the other's result stands.
    await expect(
      rebuildAggregates(t.app.ctx, new Date(), {
        onPage: async (source) => {
          if (source === 'dossier') await sql`update operations_cursors set rebuild_after_code = ''`.execute(t.handle.db);
        },
      }),
    ).rejects.toThrow('another rebuild');
    await rebuildAggregates(t.app.ctx, new Date(Date.now() + 3_600_000));
    expect(await snapshot()).toEqual(afterRestart);
  });
});

describe('scorecards', () => {
  it('ranks units on their aggregates, traces each figure to its items, and takes the unit leads’ comments', async () => {
    await sql`update report_categories set is_after_photo_required = false`.execute(t.handle.db);
    const filed = (await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: as('citizen'), payload: { categoryCode: 'ENCROACHMENT', description: 'Quán nước lấn chiếm vỉa hè trước chợ.', location: PHU_XUAN } })).json();
    expect(filed.unit.code).toBe('PHUXUAN_KT');
    for (const action of [{ type: 'take' }, { type: 'resolve', answer: 'Đã yêu cầu dọn dẹp, trả lại vỉa hè.' }]) {
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/reports/${filed.code}/actions`, headers: as('wardOfficer'), payload: action })).statusCode).toBe(200);
    }
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/reports/${filed.code}/rating`, headers: as('citizen'), payload: { rating: 5 } })).statusCode).toBeLessThan(300);
    await applyNewEvents(t.app.ctx);
    const month = today().slice(0, 7);

    const list = await get(`/api/v1/operations/scorecards/units?month=${month}&kind=ward`, 'ioc');
    expect(list.statusCode, list.body).toBe(200);
    const ward = list.json().items.find((item: { agency: { code: string } }) => item.agency.code === 'PHUXUAN');
    expect(ward.peers).toBe(40);
    expect(ward.rank).toBe(1);
    const figure = (figures: { measure: string; numerator: number; denominator: number; value: number | null }[], measure: string) => figures.find((candidate) => candidate.measure === measure);
    expect(figure(ward.figures, 'handled')?.value).toBeGreaterThanOrEqual(1);
    for (const measure of ['onTime', 'ratings', 'transfers']) {
      const items = (await get(`/api/v1/operations/scorecards/units/PHUXUAN/items?month=${month}&measure=${measure}&limit=1000`, 'ioc')).json();
      const expected = figure(ward.figures, measure);
      if (measure === 'onTime') {
        expect(items.total, measure).toBe(expected?.denominator);
        expect(items.items.filter((item: { isMet: boolean }) => item.isMet).length, measure).toBe(expected?.numerator);
      }
      if (measure === 'ratings') expect(items.items.map((item: { code: string }) => item.code)).toContain(filed.code);
    }
    // A ward lead sees only his ward, still ranked among all 40.
    const own = (await get(`/api/v1/operations/scorecards/units?month=${month}&kind=ward`, 'wardLead')).json();
    expect(own.items.map((item: { agency: { code: string } }) => item.agency.code)).toEqual(['PHUXUAN']);
    expect(own.definitions.formulaVi).toMatch(/70 × tỷ lệ đúng hạn/);

    const comment = (who: string) => t.app.inject({ method: 'POST', url: '/api/v1/operations/scorecards/units/PHUXUAN/comments', headers: as(who), payload: { month, text: 'Tháng này phường tăng cường kiểm tra lấn chiếm vỉa hè.' } });
    expect((await comment('wardLead')).statusCode).toBe(201);
    expect((await comment('wardOfficer')).statusCode).toBe(403);
    expect((await get(`/api/v1/operations/scorecards/units/PHUXUAN?month=${month}`, 'wardLead')).json().comments[0]).toMatchObject({ authorName: 'Trương Công Minh' });
  });

  it("shows an official's scorecard to the official, their lead and overseers only", async () => {
    const me = (await get('/api/v1/me', 'wardOfficer')).json();
    const url = `/api/v1/operations/scorecards/officials/${me.id}?month=${today().slice(0, 7)}`;
    const own = await get(url, 'wardOfficer');
    expect(own.statusCode, own.body).toBe(200);
    const handled = own.json().figures.find((figure: { measure: string }) => figure.measure === 'handled');
    expect(handled.value).toBeGreaterThanOrEqual(1);
    const items = (await get(`/api/v1/operations/scorecards/officials/${me.id}/items?month=${today().slice(0, 7)}&measure=handled`, 'wardOfficer')).json();
    expect(items.total).toBe(handled.value);
    for (const who of ['wardLead', 'ioc', 'auditor']) expect((await get(url, who)).statusCode, who).toBe(200);
    for (const who of ['civil', 'unitLead', 'citizen', 'desk']) expect((await get(url, who)).statusCode, who).toBe(403);
  });
});

describe('dossiers in progress on the live counters', () => {
  it('are counted from the open stock as the one-stop statistics count them, overdue, nearly due and not yet due', async () => {
    // Spread the deadlines of the dossiers in progress over past, the next hours and later (this is the file's last test).
    const inProgress = sql`status not in (1, 3) and finished_at is null and closed_at is null`;
    // Four more copies of a dossier in progress (with their own ids and codes), so there are enough whatever ran before.
    await sql`
      insert into dossiers select (jsonb_populate_record(null::dossiers, to_jsonb(d) || jsonb_build_object('id', gen_random_uuid(), 'code', d.code || '-C' || i))).*
      from (select * from dossiers where ${inProgress} order by code limit 1) d, generate_series(1, 4) i`.execute(t.handle.db);
    const open = await sql<{ id: string }>`select id from dossiers where ${inProgress} order by code`.execute(t.handle.db);
    expect(open.rows.length).toBeGreaterThanOrEqual(5);
    for (const [index, row] of open.rows.entries()) {
      const due = index % 3 === 0 ? sql`now() - interval '2 days'` : index % 3 === 1 ? sql`now() + interval '3 hours'` : sql`now() + interval '5 days'`;
      await sql`update dossiers set legal_due_at = ${due} where id = ${row.id}`.execute(t.handle.db);
    }
    // One is withdrawn an hour ago: closed, so no longer in progress, though never finished.
    await sql`update dossiers set status = 7, closed_at = now() - interval '1 hour' where id = ${open.rows.at(-1)?.id ?? ''}`.execute(t.handle.db);
    const shown = (figures: Record<string, number>) => ({ overdue: figures.inProgressOverdue, nearlyDue: figures.inProgressNearlyDue, notDue: figures.inProgressNotDue });
    let seen = 0;
    for (const agencyCode of ['HUE', 'PHUXUAN', 'SXD']) {
      const counters = (await get(`/api/v1/operations/counters?agencyCode=${agencyCode}`, 'ioc')).json();
      const statistics = (await get(`/api/v1/dossiers/statistics?agencyCode=${agencyCode}&from=${today()}&to=${daysBefore(today(), -30)}`, 'ioc')).json();
      expect(shown(counters.dossiers), agencyCode).toEqual(shown(statistics));
      seen += counters.dossiers.inProgressOverdue + counters.dossiers.inProgressNearlyDue + counters.dossiers.inProgressNotDue;
      if (agencyCode === 'HUE') expect(Math.min(counters.dossiers.inProgressOverdue, counters.dossiers.inProgressNearlyDue, counters.dossiers.inProgressNotDue)).toBeGreaterThan(0);
    }
    expect(seen).toBeGreaterThanOrEqual(open.rows.length - 1);
  });
});
