import { useEffect, useState } from 'react';
import { listPublicReports, listQueue, type ReportStatus } from '../reports/reports.api.ts';
import { OPEN_STATUSES } from '../reports/report-status.ts';

/** The statuses counted one by one on the operations page, in the order of a report's life. */
export const COUNTED_STATUSES: readonly ReportStatus[] = ['submitted', 'assigned', 'in_progress', 'resolved', 'closed'];
/** The satisfaction average is taken over at most this many answered reports, the newest. */
const RATED_SAMPLE = 1000;

export type Counter<T> = { status: 'loading' } | { status: 'unavailable'; error: unknown } | { status: 'ready'; value: T };

export type ReportCounters = {
  /** Public reports still being handled (submitted, assigned, in progress). */
  open: Counter<number>;
  /** Reports past their deadline and still open, counted by the IOC queue. */
  overdue: Counter<{ count: number }>;
  /** Mean rating of answered public reports, and how many ratings it rests on. */
  satisfaction: Counter<{ average: number; ratings: number } | null>;
  byStatus: Counter<Record<string, number>>;
};

function settle<T>(promise: Promise<T>, set: (counter: Counter<T>) => void, isCurrent: () => boolean) {
  promise.then(
    (value) => isCurrent() && set({ status: 'ready', value }),
    (error: unknown) => isCurrent() && set({ status: 'unavailable', error }),
  );
}

/**
 * The report figures the operations centre shows, from the public list's totals (`limit=1` is enough for a
 * total) and the IOC queue for overdue reports. A figure the viewer may not read stays "unavailable".
 */
export function useReportCounters(): ReportCounters {
  const [open, setOpen] = useState<ReportCounters['open']>({ status: 'loading' });
  const [overdue, setOverdue] = useState<ReportCounters['overdue']>({ status: 'loading' });
  const [satisfaction, setSatisfaction] = useState<ReportCounters['satisfaction']>({ status: 'loading' });
  const [byStatus, setByStatus] = useState<ReportCounters['byStatus']>({ status: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    const current = () => isCurrent;
    settle(
      listPublicReports({ statuses: OPEN_STATUSES, limit: 1 }).then((list) => list.total),
      setOpen,
      current,
    );
    settle(
      listQueue({ overdue: true, limit: 1 }).then(({ total }) => ({ count: total })),
      setOverdue,
      current,
    );
    settle(
      listPublicReports({ statuses: ['resolved', 'closed'], limit: RATED_SAMPLE }).then(({ items }) => {
        const ratings = items.flatMap((report) => (report.rating === null ? [] : [report.rating]));
        return ratings.length === 0 ? null : { average: ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length, ratings: ratings.length };
      }),
      setSatisfaction,
      current,
    );
    settle(
      Promise.all(COUNTED_STATUSES.map((status) => listPublicReports({ statuses: [status], limit: 1 }).then((list) => [status, list.total] as const))).then(
        (entries) => Object.fromEntries(entries),
      ),
      setByStatus,
      current,
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return { open, overdue, satisfaction, byStatus };
}
