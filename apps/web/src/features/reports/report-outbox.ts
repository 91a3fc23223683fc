import { useEffect, useRef } from 'react';
import type { PublicReport, SubmitReportRequest } from '@onecity/contracts';
import { NetworkError } from '../../app/api.ts';

/**
 * A report the citizen sent while offline: kept on the device and sent when the connection returns
 * (the `online` event, or the next visit). One per account: the form holds one draft at a time.
 */
export type QueuedReport = { queuedAt: string; request: SubmitReportRequest };

export type OutboxOutcome =
  | { status: 'empty' }
  | { status: 'offline' }
  | { status: 'sent'; report: PublicReport }
  | { status: 'failed'; error: unknown };

export const outboxKey = (userId: string) => `onecity.reports.outbox.${userId}`;

/** Keeps a report to send later; false when the device cannot store it (blocked or full storage). */
export function queueReport(storage: Storage | undefined, userId: string, request: SubmitReportRequest, now = new Date()): boolean {
  const queued: QueuedReport = { queuedAt: now.toISOString(), request };
  try {
    if (storage === undefined) return false;
    storage.setItem(outboxKey(userId), JSON.stringify(queued));
    return true;
  } catch {
    return false;
  }
}

/** The report waiting to be sent, if any. */
export function findQueuedReport(storage: Storage | undefined, userId: string): QueuedReport | undefined {
  try {
    const raw = storage?.getItem(outboxKey(userId));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<QueuedReport>;
    return typeof parsed.queuedAt === 'string' && typeof parsed.request === 'object' && parsed.request !== null ? (parsed as QueuedReport) : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the waiting report. */
export function forgetQueuedReport(storage: Storage | undefined, userId: string): void {
  try {
    storage?.removeItem(outboxKey(userId));
  } catch {
    // Blocked storage: there was nothing queued either.
  }
}

const inFlight = new Map<string, Promise<OutboxOutcome>>();

/**
 * Sends the waiting report, if any. Still offline: it stays queued. Refused by the API (a 4xx: the category
 * was closed, a photo expired): it is dropped, and the caller shows why; the draft still holds the content.
 * Calls for the same account share one attempt, and where the browser has Web Locks, so do other tabs, so a
 * report is never sent twice when `online` fires in several places at once.
 */
export function sendQueuedReport(storage: Storage | undefined, userId: string, send: (request: SubmitReportRequest) => Promise<PublicReport>): Promise<OutboxOutcome> {
  const key = outboxKey(userId);
  const running = inFlight.get(key);
  if (running) return running;
  const attempt = async (): Promise<OutboxOutcome> => {
    const queued = findQueuedReport(storage, userId);
    if (queued === undefined) return { status: 'empty' };
    try {
      const report = await send(queued.request);
      forgetQueuedReport(storage, userId);
      return { status: 'sent', report };
    } catch (error) {
      if (error instanceof NetworkError) return { status: 'offline' };
      forgetQueuedReport(storage, userId);
      return { status: 'failed', error };
    }
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // LockManager.request resolves to what the callback returns, here already the outcome (its typing nests the promise).
  const locked = locks ? (locks.request(key, attempt) as unknown as Promise<OutboxOutcome>) : attempt();
  const promise = locked.finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}

/**
 * Sends the account's waiting report now (when online) and whenever the browser comes back online, and
 * tells `onOutcome` what happened (nothing when there was nothing to send).
 */
export function useReportOutbox(
  storage: Storage | undefined,
  userId: string | undefined,
  send: (request: SubmitReportRequest) => Promise<PublicReport>,
  onOutcome: (outcome: OutboxOutcome) => void,
): void {
  const latest = useRef({ send, onOutcome });
  useEffect(() => {
    latest.current = { send, onOutcome };
  });
  useEffect(() => {
    if (userId === undefined) return;
    let isCurrent = true;
    const flush = () => {
      void sendQueuedReport(storage, userId, (request) => latest.current.send(request)).then((outcome) => {
        if (isCurrent && outcome.status !== 'empty') latest.current.onOutcome(outcome);
      });
    };
    if (navigator.onLine !== false) flush();
    window.addEventListener('online', flush);
    return () => {
      isCurrent = false;
      window.removeEventListener('online', flush);
    };
  }, [storage, userId]);
}
