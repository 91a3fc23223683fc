import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../core/seeded-random.ts';
import {
  classifyProgress,
  dossierDayTallies,
  findIndicator,
  indicatorItems,
  pointsFor,
  ratingBand,
  reportDayTallies,
  scoreDecision766,
  scoreFromAggregates,
  scoreIndicator,
  type DayTally,
  type Decision766Input,
  type DossierInput,
  type OpenReportClass,
  type Period,
  type ReportInput,
} from './decision-766.ts';
import { dossierHeadlineTallies, figuresOf, headlineCountsOf, headlineFromAggregates, reportHeadlineTallies, type HeadlineDossier } from './headline-figures.ts';

const at = (iso: string) => new Date(iso);
// November 2026 in Huế (UTC+7), judged on the 20th at 17:00 local time.
const PERIOD: Period = { from: '2026-11-01', to: '2026-11-30', start: at('2026-10-31T17:00:00Z'), end: at('2026-11-30T17:00:00Z'), asOf: at('2026-11-20T10:00:00Z') };

function dossier(code: string, facts: Partial<DossierInput> = {}): DossierInput {
  return {
    code,
    procedureCode: 'P1',
    resultType: 'both',
    channel: 'online',
    status: 4,
    receivedOn: '2026-11-02',
    submittedAt: at('2026-11-02T01:00:00Z'),
    acceptedAt: at('2026-11-02T01:00:00Z'),
    finishedAt: null,
    closedAt: null,
    legalDueAt: at('2026-11-25T10:00:00Z'),
    supplementCount: 0,
    lastSupplementRequestedAt: null,
    feeTotal: 0,
    feePaidAt: null,
    feePaidVia: null,
    hasElectronicResult: false,
    componentFileCount: 1,
    hasResultFile: false,
    survey: null,
    ...facts,
  };
}

function report(code: string, facts: Partial<ReportInput> = {}): ReportInput {
  return { code, status: 'assigned', createdAt: at('2026-11-03T02:00:00Z'), dueAt: at('2026-11-12T10:00:00Z'), resolvedAt: null, rating: null, reopenCount: 0, ...facts };
}

const empty = (facts: Partial<Decision766Input> = {}): Decision766Input => ({ period: PERIOD, dossiers: [], procedures: [], reports: [], documents: [], ...facts });

describe('points and bands', () => {
  it('gives full points at the threshold and above, pro rata below', () => {
    expect(pointsFor(0.8, 4, 0.8)).toBe(4);
    expect(pointsFor(0.95, 4, 0.8)).toBe(4);
    // 60 % of an 80 % threshold is three quarters of the points.
    expect(pointsFor(0.6, 4, 0.8)).toBe(3);
    // 3.3: 25 % of a 50 % threshold is half of 6 points.
    expect(pointsFor(0.25, 6, 0.5)).toBe(3);
    // 5.4: 85.5 % ÷ 90 % × 6 = 5.7.
    expect(pointsFor(0.855, 6, 0.9)).toBe(5.7);
    // No threshold stated: pro rata on 100 %, 2/3 of 2 points = 1.33.
    expect(pointsFor(2 / 3, 2, 1)).toBe(1.33);
    expect(pointsFor(0, 6, 1)).toBe(0);
  });

  it('bands the total: 90 excellent, 80 good, 70 fair, 50 average, below weak', () => {
    expect([90, 89.99, 80, 79.99, 70, 69.99, 50, 49.99, 0].map(ratingBand)).toEqual(['excellent', 'good', 'good', 'fair', 'fair', 'average', 'average', 'weak', 'weak']);
  });
});

describe('indicator 2.1: progress of each dossier', () => {
  const cases: [string, Partial<DossierInput>, string][] = [
    ['finished before its deadline', { status: 9, finishedAt: at('2026-11-05T03:00:00Z'), legalDueAt: at('2026-11-06T10:00:00Z') }, 'done_on_time'],
    ['finished after its deadline', { status: 9, finishedAt: at('2026-11-10T03:00:00Z'), legalDueAt: at('2026-11-08T10:00:00Z') }, 'done_late'],
    ['finished in time but after two supplement requests', { status: 10, finishedAt: at('2026-11-05T03:00:00Z'), legalDueAt: at('2026-11-06T10:00:00Z'), supplementCount: 2 }, 'done_late'],
    // Waiting for its only supplement, requested before the deadline: finished on the request date, even though the deadline has passed since.
    ['waiting for its only supplement, asked in time', { status: 5, supplementCount: 1, lastSupplementRequestedAt: at('2026-11-03T03:00:00Z'), legalDueAt: at('2026-11-12T10:00:00Z') }, 'supplement_on_time'],
    ['waiting for its only supplement, asked after the deadline', { status: 5, supplementCount: 1, lastSupplementRequestedAt: at('2026-11-15T03:00:00Z'), legalDueAt: at('2026-11-12T10:00:00Z') }, 'supplement_late'],
    ['still open after a second supplement request', { status: 4, supplementCount: 2, legalDueAt: at('2026-11-28T10:00:00Z') }, 'over_one_supplement'],
    ['in progress, deadline ahead', { status: 4, legalDueAt: at('2026-11-25T10:00:00Z') }, 'in_progress_in_time'],
    ['in progress, deadline passed', { status: 4, legalDueAt: at('2026-11-18T10:00:00Z') }, 'in_progress_overdue'],
    ['withdrawn before its deadline (stop counts as the finish)', { status: 7, closedAt: at('2026-11-04T03:00:00Z'), legalDueAt: at('2026-11-10T10:00:00Z') }, 'done_on_time'],
    ['finished after the instant judged: still in progress then, and overdue', { status: 9, finishedAt: at('2026-11-25T03:00:00Z'), legalDueAt: at('2026-11-19T10:00:00Z') }, 'in_progress_overdue'],
    ['new, never accepted', { status: 1 }, 'not_counted'],
    ['rejected at intake', { status: 3, closedAt: at('2026-11-03T03:00:00Z') }, 'not_counted'],
    ['finished before the period', { status: 10, receivedOn: '2026-10-10', finishedAt: at('2026-10-20T03:00:00Z') }, 'not_counted'],
    ['received after the period', { status: 2, receivedOn: '2026-12-01' }, 'not_counted'],
  ];
  for (const [name, facts, expected] of cases) {
    it(name, () => expect(classifyProgress(dossier('X', facts), PERIOD)).toBe(expected));
  }

  it('scores on-time ÷ counted × 20 and lists every counted dossier', () => {
    const input = empty({ dossiers: cases.map(([name, facts], index) => dossier(`D${index}`, { ...facts, procedureCode: name.slice(0, 3) })) });
    const definition = findIndicator('2.1');
    if (!definition) throw new Error('2.1 missing');
    // Counted: the first ten cases; on time: done_on_time (twice), supplement_on_time, in_progress_in_time → 4 of 10.
    const result = scoreIndicator(definition, input);
    expect(result).toMatchObject({ numerator: 4, denominator: 10, value: 0.4, points: 8 });
    const items = indicatorItems(definition, input);
    expect(items.map((item) => item.code)).toEqual(['D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9']);
    expect(items.filter((item) => item.isMet).map((item) => item.outcome)).toEqual(['done_on_time', 'supplement_on_time', 'in_progress_in_time', 'done_on_time']);
    expect(items[3]?.fields).toMatchObject({ supplementCount: 1, lastSupplementRequestedAt: '2026-11-03T03:00:00.000Z' });
  });
});

describe('the whole score', () => {
  // Three procedures: P1 fully online with a paper result and a fee, P2 partly online with an electronic result and
  // no fee, P3 fully online with both results and a fee.
  const input = empty({
    procedures: [
      { code: 'P1', onlineLevel: 'full', resultType: 'paper', hasFee: true },
      { code: 'P2', onlineLevel: 'partial', resultType: 'electronic', hasFee: false },
      { code: 'P3', onlineLevel: 'full', resultType: 'both', hasFee: true },
    ],
    dossiers: [
      // d1: online, finished on time (3 days), paper-only result, fee paid online, rated 5.
      dossier('d1', { procedureCode: 'P1', resultType: 'paper', status: 10, finishedAt: at('2026-11-05T01:00:00Z'), legalDueAt: at('2026-11-06T10:00:00Z'), feeTotal: 50_000, feePaidVia: 'online', feePaidAt: at('2026-11-02T03:00:00Z'), componentFileCount: 2, hasResultFile: true, survey: { overall: 5 } }),
      // d2: at the desk, finished late (10 days), electronic result, no fee, "dislike" in the survey.
      dossier('d2', { procedureCode: 'P2', resultType: 'electronic', channel: 'in_person', status: 9, finishedAt: at('2026-11-12T01:00:00Z'), legalDueAt: at('2026-11-10T10:00:00Z'), hasElectronicResult: true, hasResultFile: true, survey: { overall: 1 } }),
      // d3: online, in progress within its time, fee paid at the desk.
      dossier('d3', { procedureCode: 'P3', feeTotal: 100_000, feePaidVia: 'desk', feePaidAt: at('2026-11-03T03:00:00Z') }),
      // d4: online, in progress and overdue, fee not paid, no files.
      dossier('d4', { procedureCode: 'P3', legalDueAt: at('2026-11-15T10:00:00Z'), feeTotal: 100_000, componentFileCount: 0 }),
    ],
    reports: [
      report('r1', { status: 'closed', resolvedAt: at('2026-11-10T03:00:00Z'), rating: 5 }),
      report('r2', { status: 'closed', resolvedAt: at('2026-11-14T03:00:00Z'), rating: 4 }),
      report('r3', { dueAt: at('2026-11-25T10:00:00Z') }),
      report('r4', { status: 'in_progress', dueAt: at('2026-11-18T10:00:00Z') }),
      report('r5', { status: 'resolved', resolvedAt: at('2026-11-05T03:00:00Z'), rating: 2 }),
      report('r6', { status: 'merged' }),
      report('r7', { status: 'resolved', resolvedAt: at('2026-11-06T03:00:00Z'), reopenCount: 1 }),
    ],
    documents: [
      { id: 'a', numberSymbol: '1/QĐ-UBND', kind: 'result', issuedAt: at('2026-11-05T01:00:00Z'), signatureCount: 2 },
      { id: 'b', numberSymbol: '2/QĐ-UBND', kind: 'result', issuedAt: at('2026-11-06T01:00:00Z'), signatureCount: 0 },
    ],
  });
  const score = scoreDecision766(input);
  const indicator = (code: string) => score.indicators.find((result) => result.definition.code === code);

  it('computes each measurable indicator from its items', () => {
    // 2.1: d1 on time, d2 late, d3 in time, d4 overdue → 2/4 × 20 = 10.
    expect(indicator('2.1')).toMatchObject({ numerator: 2, denominator: 4, points: 10 });
    // 2.2: (3 + 10) days ÷ 2 finished = 6.5 days, no points.
    expect(indicator('2.2')).toMatchObject({ numerator: 13, denominator: 2, value: 6.5, points: null });
    // 3.1: all three procedures online → 4 points; 3.1b: two of three fully online, informational.
    expect(indicator('3.1')).toMatchObject({ numerator: 3, denominator: 3, points: 4 });
    expect(indicator('3.1b')).toMatchObject({ numerator: 2, denominator: 3, points: null });
    // 3.2: P1 and P3 have online dossiers, P2 none → 2/3 × 2 = 1.33.
    expect(indicator('3.2')).toMatchObject({ numerator: 2, denominator: 3, points: 1.33 });
    // 3.3: d1 is online but finished with a paper result and no electronic one → not online; d2 at the desk; d3, d4
    // online → 2/4 = 50 %, which is the threshold → 6.
    expect(indicator('3.3')).toMatchObject({ numerator: 2, denominator: 4, points: 6 });
    // 3.5b: P1 paid online in the period, P3 not → 1/2 × 2 = 1. 3.6: d1 of the fee-bearing d1, d3, d4 → 1/3 × 6 = 2.
    expect(indicator('3.5b')).toMatchObject({ numerator: 1, denominator: 2, points: 1 });
    expect(indicator('3.6')).toMatchObject({ numerator: 1, denominator: 3, points: 2 });
    // 4.1: only d1 finished with a paper-result procedure, without an electronic result → 0 points (but measured).
    expect(indicator('4.1')).toMatchObject({ numerator: 0, denominator: 1, points: 0 });
    // 4.2: d1 and d2 finished with component files and a result file → 4.
    expect(indicator('4.2')).toMatchObject({ numerator: 2, denominator: 2, points: 4 });
    // 5.1: r6 merged is out; r1, r3, r5, r7 on time of 6 → 4.
    expect(indicator('5.1')).toMatchObject({ numerator: 4, denominator: 6, points: 4 });
    // 5.2: r2 and r4 overdue, r5 unsatisfied, r7 reopened → r1, r3 of 6 → 2.
    expect(indicator('5.2')).toMatchObject({ numerator: 2, denominator: 6, points: 2 });
    // 5.4: 100 % − (2 late of 4 + 1 disliked of 4) = 25 %, threshold 90 % → 6 × 0.25 ÷ 0.9 = 1.67.
    expect(indicator('5.4')).toMatchObject({ numerator: 1, denominator: 4, points: 1.67 });
    expect(indicator('DS')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, points: null });
  });

  it('never invents a figure for what it cannot measure', () => {
    for (const code of ['1.1', '1.2', '1.3', '1.4', '3.5', '4.2b', '4.3', '4.4', '4.5a', '4.5b']) {
      expect(indicator(code)).toMatchObject({ measurable: false, numerator: null, denominator: null, value: null, points: null });
    }
    // Measurable but without items in the period: no value and no points either.
    expect(scoreDecision766(empty()).indicators.find((result) => result.definition.code === '2.1')).toMatchObject({ measurable: true, denominator: 0, value: null, points: null });
  });

  it('adds up the groups, the total out of 100 and the band', () => {
    const groups = Object.fromEntries(score.groups.map((group) => [group.group, group]));
    expect(groups.progress).toMatchObject({ maxPoints: 20, measuredMaxPoints: 20, points: 10 });
    expect(groups.online_services).toMatchObject({ maxPoints: 12, measuredMaxPoints: 12, points: 11.33 });
    expect(groups.online_payment).toMatchObject({ maxPoints: 10, measuredMaxPoints: 8, points: 3 });
    expect(groups.satisfaction).toMatchObject({ maxPoints: 18, measuredMaxPoints: 18, points: 7.67 });
    expect(groups.digitisation).toMatchObject({ maxPoints: 22, measuredMaxPoints: 10, points: 4 });
    expect(groups.publicity).toMatchObject({ maxPoints: 18, measuredMaxPoints: 0, points: 0 });
    expect(score).toMatchObject({ total: 36, maxPoints: 100, measuredMaxPoints: 68, band: 'weak' });
  });
});

describe('the score from daily aggregates', () => {
  const HOUR = 3_600_000;
  const dayOf = (instant: Date) => new Date(instant.getTime() + 7 * HOUR).toISOString().slice(0, 10);
  const startOf = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 7 * HOUR);
  const FIRST = Date.parse('2026-10-01T00:00:00Z');

  /** Dossiers and reports with coherent timelines, as their facts stand at `now` (nothing after it has happened). */
  function history(random: () => number, now: Date) {
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const before = (instant: number) => (instant <= now.getTime() ? new Date(instant) : null);
    const dossiers: DossierInput[] = [];
    for (let index = 0; index < 240; index += 1) {
      const submitted = FIRST + random() * (now.getTime() - FIRST);
      const accepted = before(submitted + random() * 48 * HOUR);
      const legalDue = (accepted?.getTime() ?? submitted) + (1 + random() * 10) * 24 * HOUR;
      const supplements = random() < 0.7 ? 0 : random() < 0.7 ? 1 : 2;
      const supplementAt = accepted ? before(accepted.getTime() + random() * 5 * 24 * HOUR) : null;
      const outcome = random();
      const end = (accepted?.getTime() ?? submitted) + (0.2 + random() * 14) * 24 * HOUR;
      const ended = before(end);
      const feeTotal = random() < 0.5 ? 0 : 50_000;
      const paidAt = accepted && feeTotal > 0 ? before(accepted.getTime() + random() * (end - accepted.getTime())) : null;
      const base = dossier(`D${String(index).padStart(3, '0')}`, {
        procedureCode: pick(['P1', 'P2', 'P3', 'P4']),
        resultType: pick(['paper', 'electronic', 'both'] as const),
        channel: pick(['online', 'online', 'in_person', 'post'] as const),
        receivedOn: dayOf(accepted ?? new Date(submitted)),
        submittedAt: new Date(submitted),
        acceptedAt: accepted,
        legalDueAt: new Date(legalDue),
        supplementCount: supplementAt ? supplements : 0,
        lastSupplementRequestedAt: supplementAt && supplements > 0 ? supplementAt : null,
        feeTotal,
        feePaidAt: paidAt,
        feePaidVia: paidAt ? pick(['online', 'desk'] as const) : null,
        componentFileCount: pick([0, 1, 2]),
        survey: null,
      });
      if (!accepted) dossiers.push({ ...base, status: 1 });
      else if (outcome < 0.08) dossiers.push({ ...base, status: 3, closedAt: accepted, feePaidAt: null, feePaidVia: null, supplementCount: 0, lastSupplementRequestedAt: null });
      else if (outcome < 0.15) dossiers.push(ended ? { ...base, status: pick([7, 8]), closedAt: ended } : { ...base, status: 4 });
      else if (ended) {
        dossiers.push({ ...base, status: pick([9, 10]), finishedAt: ended, closedAt: random() < 0.5 ? ended : null, hasElectronicResult: random() < 0.6, hasResultFile: random() < 0.7, survey: random() < 0.4 ? { overall: pick([1, 2, 3, 4, 5]) } : null });
      } else dossiers.push({ ...base, status: base.lastSupplementRequestedAt && random() < 0.5 ? 5 : pick([2, 4, 6]) });
    }
    const reports: ReportInput[] = [];
    for (let index = 0; index < 240; index += 1) {
      const created = FIRST + random() * (now.getTime() - FIRST);
      const resolved = before(created + (0.1 + random() * 12) * 24 * HOUR);
      const base = report(`R${String(index).padStart(3, '0')}`, { createdAt: new Date(created), dueAt: new Date(created + (1 + random() * 8) * 24 * HOUR), reopenCount: random() < 0.1 ? 1 : 0 });
      if (random() < 0.06) reports.push({ ...base, status: pick(['merged', 'rejected']) });
      else if (resolved) reports.push({ ...base, status: pick(['resolved', 'closed']), resolvedAt: resolved, rating: random() < 0.5 ? pick([1, 2, 3, 4, 5]) : null });
      else reports.push({ ...base, status: pick(['submitted', 'assigned', 'in_progress']) });
    }
    return { dossiers, reports };
  }

  it('equals the score and the headline figures from every item, for any period, judged at its end or now (240 dossiers, 240 reports, 60 periods)', () => {
    const random = seededRandom(766);
    const procedures = [
      { code: 'P1', onlineLevel: 'full', resultType: 'paper', hasFee: true },
      { code: 'P2', onlineLevel: 'partial', resultType: 'electronic', hasFee: false },
      { code: 'P3', onlineLevel: 'full', resultType: 'both', hasFee: true },
      { code: 'P4', onlineLevel: 'partial', resultType: 'both', hasFee: true },
    ] as const;
    let straddlers = 0;
    let grouped = 0;
    for (let round = 0; round < 60; round += 1) {
      const now = new Date(Date.parse('2026-11-10T00:00:00Z') + random() * 50 * 24 * HOUR);
      const { dossiers, reports } = history(random, now);
      const fromDay = dayOf(new Date(FIRST + random() * (now.getTime() - FIRST)));
      const toDay = dayOf(new Date(startOf(fromDay).getTime() + random() * 60 * 24 * HOUR));
      const start = startOf(fromDay);
      const end = new Date(startOf(toDay).getTime() + 24 * HOUR);
      const period: Period = { from: fromDay, to: toDay, start, end, asOf: new Date(Math.min(now.getTime(), end.getTime())) };
      const inDays = ([day]: DayTally) => day >= fromDay && day <= toDay;
      const sumOf = (tallies: DayTally[]) => {
        const sums = new Map<string, number>();
        for (const [, metric, value] of tallies.filter(inDays)) sums.set(metric, (sums.get(metric) ?? 0) + value);
        return sums;
      };
      // What the database's queries select: the open stock at asOf, and the dossiers active during the period.
      const finish = (item: DossierInput) => item.finishedAt ?? (item.status === 7 || item.status === 8 ? item.closedAt : null);
      const openDossiers = dossiers.filter((item) => item.status !== 1 && item.status !== 3 && item.receivedOn <= toDay && item.submittedAt <= period.asOf && (finish(item) === null || (finish(item) as Date) >= period.asOf));
      const openReports = reports.filter((item) => item.status !== 'merged' && item.status !== 'rejected' && item.createdAt >= start && item.createdAt < end && (item.resolvedAt === null || item.resolvedAt >= period.asOf));
      straddlers += openDossiers.filter((item) => item.finishedAt !== null).length + openReports.filter((item) => item.resolvedAt !== null).length;
      const active = dossiers.filter((item) => item.receivedOn <= toDay && (item.finishedAt === null || item.finishedAt >= start) && (item.closedAt === null || item.closedAt >= start));
      const fromAggregatesParts = () => ({
        period,
        sums: sumOf([...dossiers.flatMap((item) => dossierDayTallies(item, dayOf)), ...reports.flatMap((item) => reportDayTallies(item, dayOf))]),
        dayOf,
        openDossiers,
        openReports,
        procedures: [...procedures],
        documents: { all: 0, met: 0, late: 0, disliked: 0, centidays: 0 },
      });
      const fromAggregates = scoreFromAggregates(fromAggregatesParts());
      const fromItems = scoreDecision766({ period, dossiers: active, procedures: [...procedures], reports: reports.filter((item) => item.createdAt >= start && item.createdAt < end), documents: [] });
      const figures = (result: typeof fromItems) => result.indicators.map((indicator) => [indicator.definition.code, indicator.numerator, indicator.denominator, indicator.points]);
      expect(figures(fromAggregates), `round ${round}: ${fromDay}..${toDay} at ${period.asOf.toISOString()}`).toEqual(figures(fromItems));
      expect(fromAggregates.total).toBe(fromItems.total);
      // The same with the open reports counted by class, as the database groups them, instead of read one by one.
      const byClass = new Map<string, OpenReportClass>();
      for (const item of openReports) {
        const openClass: OpenReportClass = {
          status: item.status,
          rating: item.rating,
          reopenCount: item.reopenCount,
          isDueBefore: item.dueAt < period.asOf,
          isResolvedBefore: item.resolvedAt === null ? null : item.resolvedAt < period.asOf,
          isResolvedOnTime: item.resolvedAt === null ? null : item.resolvedAt <= item.dueAt,
          count: 0,
        };
        const key = JSON.stringify({ ...openClass, count: undefined });
        const existing = byClass.get(key) ?? openClass;
        existing.count += 1;
        byClass.set(key, existing);
      }
      const fromClasses = scoreFromAggregates({ ...fromAggregatesParts(), openReports: [], openReportClasses: [...byClass.values()] });
      expect(figures(fromClasses), `classes, round ${round}`).toEqual(figures(fromItems));
      if (byClass.size < openReports.length) grouped += 1;

      // The public headline figures, kept the same way, equal those counted from every item too.
      const surveyed = (item: DossierInput): HeadlineDossier => ({ ...item, surveyAt: item.survey && item.finishedAt && item.finishedAt.getTime() + 5 * HOUR <= now.getTime() ? new Date(item.finishedAt.getTime() + 5 * HOUR) : null });
      const headlineSums = (items: DossierInput[], reportItems: ReportInput[]) => sumOf([...items.flatMap((item) => dossierHeadlineTallies(surveyed(item), dayOf)), ...reportItems.flatMap((item) => reportHeadlineTallies(item, dayOf))]);
      const progress = fromItems.indicators.find((indicator) => indicator.definition.code === '2.1');
      const count = { all: progress?.denominator ?? 0, met: progress?.numerator ?? 0 };
      const none = { all: 0, met: 0 };
      const headline = headlineFromAggregates({ period, sums: headlineSums(dossiers, reports), dayOf, openDossiers: openDossiers.map(surveyed), openReports, procedures: [...procedures], documents: none, progress: count });
      const counted = headlineCountsOf(period, dossiers.map(surveyed), reports.filter((item) => item.createdAt >= start && item.createdAt < end));
      expect(headline, `headline, round ${round}`).toEqual(figuresOf([...procedures], counted, none, count));
    }
    // Periods that ended before now, with items answered or finished after their end, were among them.
    expect(straddlers).toBeGreaterThan(50);
    // Classes held several reports in most rounds.
    expect(grouped).toBeGreaterThan(30);
  });
});
