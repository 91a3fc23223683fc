import { describe, expect, it } from 'vitest';
import { advanceCursor, contributionDelta, dossierContributions, reportContributions, sumContributions, type DossierContributionFacts, type ReportContributionFacts } from './daily-aggregates.ts';

const dayOf = (instant: Date) => new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const at = (iso: string) => new Date(iso);

const report: ReportContributionFacts = {
  unitId: 'unit-a',
  status: 'assigned',
  isUrgent: false,
  channel: 'app',
  createdAt: at('2026-11-02T02:00:00Z'),
  dueAt: at('2026-11-11T10:00:00Z'),
  resolvedAt: null,
  rating: null,
  reopenCount: 0,
  transferCount: 0,
};

const dossier: DossierContributionFacts = {
  agencyId: 'ward',
  status: 4,
  channel: 'online',
  receivedOn: '2026-11-02',
  submittedAt: at('2026-11-02T01:00:00Z'),
  acceptedAt: at('2026-11-02T02:00:00Z'),
  finishedAt: null,
  closedAt: null,
  legalDueAt: at('2026-11-05T10:00:00Z'),
  supplementCount: 0,
  feeTotal: 0,
  feePaidVia: null,
  hasElectronicResult: false,
  transferCount: 0,
  survey: null,
  surveyAt: null,
};

describe('contributions', () => {
  it('counts a report on its filing day, and its answer on the answer day (on time, time taken, rating)', () => {
    const answered = reportContributions({ ...report, status: 'resolved', resolvedAt: at('2026-11-04T03:00:00Z'), rating: 4 }, 'city', dayOf);
    expect(answered).toEqual([
      ['unit-a', '2026-11-02', 'reports.received', 1],
      ['unit-a', '2026-11-02', 'reports.received.app', 1],
      ['unit-a', '2026-11-04', 'reports.answered', 1],
      // 2 days and 1 hour from filing to answer.
      ['unit-a', '2026-11-04', 'reports.answer_seconds', 176_400],
      ['unit-a', '2026-11-04', 'reports.answered_on_time', 1],
      ['unit-a', '2026-11-04', 'reports.rated', 1],
      ['unit-a', '2026-11-04', 'reports.rating_sum', 4],
    ]);
    // Awaiting triage: counted for the city.
    expect(reportContributions({ ...report, unitId: null }, 'city', dayOf)[0]).toEqual(['city', '2026-11-02', 'reports.received', 1]);
  });

  it('counts a dossier finished late after a second supplement request, and never one refused at intake', () => {
    const late = dossierContributions({ ...dossier, status: 9, finishedAt: at('2026-11-05T03:00:00Z'), supplementCount: 2, hasElectronicResult: true }, dayOf);
    expect(late).toContainEqual(['ward', '2026-11-05', 'dossiers.finished_late', 1]);
    expect(late).toContainEqual(['ward', '2026-11-02', 'dossiers.supplement_requests', 2]);
    // Handling from acceptance (02:00) to result (3 days and 1 hour later); legal time to the deadline (3 days 8 hours).
    expect(late).toContainEqual(['ward', '2026-11-05', 'dossiers.handling_seconds', 262_800]);
    expect(late).toContainEqual(['ward', '2026-11-05', 'dossiers.legal_seconds', 288_000]);
    expect(dossierContributions({ ...dossier, status: 3, closedAt: at('2026-11-02T05:00:00Z') }, dayOf)).toEqual([]);
  });
});

describe('differences', () => {
  it('moves a transferred report from one unit to the other and changes nothing when applied again', () => {
    const before = reportContributions(report, 'city', dayOf);
    const after = reportContributions({ ...report, unitId: 'unit-b', transferCount: 1 }, 'city', dayOf);
    const delta = contributionDelta(before, after);
    expect(delta).toEqual([
      ['unit-b', '2026-11-02', 'reports.received', 1],
      ['unit-b', '2026-11-02', 'reports.received.app', 1],
      ['unit-b', '2026-11-02', 'reports.transfers', 1],
      ['unit-a', '2026-11-02', 'reports.received', -1],
      ['unit-a', '2026-11-02', 'reports.received.app', -1],
    ]);
    expect(contributionDelta(after, after)).toEqual([]);
    // Applying the deltas of each step in turn equals the final contribution.
    const applied = sumContributions([...before, ...delta]);
    expect(new Map([...applied].sort())).toEqual(new Map([...sumContributions(after)].sort()));
  });
});

describe('the timeline cursor', () => {
  const now = at('2026-11-20T10:00:00Z');
  const event = (id: number, secondsAgo: number) => ({ id, at: new Date(now.getTime() - secondsAgo * 1000) });
  it('moves over ids present without a gap', () => {
    expect(advanceCursor(10, [event(11, 5), event(12, 4), event(13, 1)], now, 60_000)).toBe(13);
  });
  it('stops before a fresh gap (a transaction that may still commit) and passes it once it is old', () => {
    // Id 12 is missing and 13 was written 5 s ago: 12 may still commit.
    expect(advanceCursor(10, [event(11, 90), event(13, 5), event(14, 1)], now, 60_000)).toBe(11);
    // 13 was written 2 minutes ago: 12 was rolled back.
    expect(advanceCursor(10, [event(11, 200), event(13, 120), event(14, 1)], now, 60_000)).toBe(14);
    expect(advanceCursor(10, [], now, 60_000)).toBe(10);
  });
});
