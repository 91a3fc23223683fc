import { useEffect, useRef } from 'react';
import type { PublicReport, SubmitReportRequest } from '@onecity/contracts';
import { NetworkError } from '../../app/api.ts';
import type { DeviceStore } from './device-store.ts';
import { submitReport, uploadReportPhoto } from './reports.api.ts';

/**
 * A report the citizen sent while offline: kept on the device with the photos that could not be uploaded yet, and
 * sent when the connection returns (the `online` event, or the next visit): photos first, then the report with
 * their ids. One per account: the form holds one draft at a time.
 */
export type QueuedReport = {
  queuedAt: string;
  /** The report as it will be filed; `photoIds` holds the photos uploaded so far. */
  request: SubmitReportRequest;
  /** Photos still to upload, in order. */
  photos: Blob[];
};

/** How a queued report reaches the API (the real API in the app, a stand-in in tests). */
export type OutboxTransport = {
  upload: (photo: Blob) => Promise<{ photoId: string }>;
  submit: (request: SubmitReportRequest) => Promise<PublicReport>;
};

/** The API: citizens' photos go up as `before` photos. */
export const apiTransport: OutboxTransport = { upload: (photo) => uploadReportPhoto(photo, 'before'), submit: submitReport };

export type OutboxOutcome =
  | { status: 'empty' }
  | { status: 'offline' }
  | { status: 'sent'; report: PublicReport }
  | { status: 'failed'; error: unknown };

export const outboxKey = (userId: string) => `reports.outbox.${userId}`;
/** Where the outbox lived before it kept photos (localStorage, without photos): moved on first use. */
export const legacyOutboxKey = (userId: string) => `onecity.reports.outbox.${userId}`;

/** Keeps a report and its photos to send later; false when the device cannot store them (no store, full or blocked). */
export async function queueReport(store: DeviceStore | undefined, userId: string, request: SubmitReportRequest, photos: readonly Blob[], now = new Date()): Promise<boolean> {
  const queued: QueuedReport = { queuedAt: now.toISOString(), request, photos: [...photos] };
  try {
    if (store === undefined) return false;
    await store.set(outboxKey(userId), queued);
    return true;
  } catch {
    return false;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The report waiting to be sent, if any (an entry that cannot be read is ignored). */
export async function findQueuedReport(store: DeviceStore | undefined, userId: string): Promise<QueuedReport | undefined> {
  try {
    const value = await store?.get(outboxKey(userId));
    if (!isRecord(value) || typeof value.queuedAt !== 'string' || !isRecord(value.request)) return undefined;
    const photos = Array.isArray(value.photos) ? value.photos.filter((photo): photo is Blob => photo instanceof Blob) : [];
    return { queuedAt: value.queuedAt, request: value.request as SubmitReportRequest, photos };
  } catch {
    return undefined;
  }
}

/** Forgets the waiting report. */
export async function forgetQueuedReport(store: DeviceStore | undefined, userId: string): Promise<void> {
  try {
    await store?.delete(outboxKey(userId));
  } catch {
    // A store that cannot be read held nothing to send either.
  }
}

/**
 * Moves a report queued by an earlier version of the app (in localStorage, without photos) into the store, so
 * an update installed while a citizen was offline does not lose their report.
 */
export async function adoptLegacyQueuedReport(storage: Storage | undefined, store: DeviceStore | undefined, userId: string): Promise<void> {
  try {
    const raw = storage?.getItem(legacyOutboxKey(userId));
    if (!raw || store === undefined) return;
    const parsed = JSON.parse(raw) as unknown;
    if (isRecord(parsed) && typeof parsed.queuedAt === 'string' && isRecord(parsed.request) && (await findQueuedReport(store, userId)) === undefined) {
      const adopted: QueuedReport = { queuedAt: parsed.queuedAt, request: parsed.request as SubmitReportRequest, photos: [] };
      await store.set(outboxKey(userId), adopted);
    }
    storage?.removeItem(legacyOutboxKey(userId));
  } catch {
    // Unreadable or blocked: there is nothing that could be sent.
  }
}

/**
 * Uploads the report's photos still on the device one at a time, then files the report with every photo id.
 * `onProgress` is told of the report after each upload (its photo moved into `photoIds`), so an attempt cut short by
 * the network resumes where it stopped instead of uploading a photo twice.
 */
export async function sendReport(
  report: Pick<QueuedReport, 'request' | 'photos'>,
  transport: OutboxTransport,
  onProgress: (report: Pick<QueuedReport, 'request' | 'photos'>) => Promise<void> = async () => undefined,
): Promise<PublicReport> {
  let current = report;
  while (current.photos.length > 0) {
    const [photo, ...rest] = current.photos;
    if (photo === undefined) break;
    const { photoId } = await transport.upload(photo);
    current = { request: { ...current.request, photoIds: [...(current.request.photoIds ?? []), photoId] }, photos: rest };
    await onProgress(current);
  }
  return transport.submit(current.request);
}

const inFlight = new Map<string, Promise<OutboxOutcome>>();

/**
 * Sends the waiting report, if any. Still offline: it stays queued (with the photos uploaded so far recorded). Refused
 * by the API (a 4xx: the category was closed, a photo is not an image): it is dropped, and the caller shows why; the
 * draft still holds the content and its photos. Calls for the same account share one attempt, and where the browser
 * has Web Locks, so do other tabs, so a report is never sent twice when `online` fires in several places at once.
 */
export function sendQueuedReport(store: DeviceStore | undefined, userId: string, transport: OutboxTransport): Promise<OutboxOutcome> {
  const key = outboxKey(userId);
  const running = inFlight.get(key);
  if (running) return running;
  const attempt = async (): Promise<OutboxOutcome> => {
    const queued = await findQueuedReport(store, userId);
    if (queued === undefined || store === undefined) return { status: 'empty' };
    try {
      // Progress not saved (a full device) only means a photo may be uploaded again on the next attempt.
      const report = await sendReport(queued, transport, (progress) => store.set(key, { ...queued, ...progress }).catch(() => undefined));
      await forgetQueuedReport(store, userId);
      return { status: 'sent', report };
    } catch (error) {
      if (error instanceof NetworkError) return { status: 'offline' };
      await forgetQueuedReport(store, userId);
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
 * Sends the account's waiting report now (when online) and whenever the browser comes back online, and tells
 * `onOutcome` what happened (nothing when there was nothing to send).
 */
export function useReportOutbox(
  store: DeviceStore | undefined,
  userId: string | undefined,
  transport: OutboxTransport,
  onOutcome: (outcome: OutboxOutcome) => void,
  legacyStorage?: Storage,
): void {
  const latest = useRef({ transport, onOutcome });
  useEffect(() => {
    latest.current = { transport, onOutcome };
  });
  useEffect(() => {
    if (userId === undefined) return;
    let isCurrent = true;
    const flush = () => {
      void sendQueuedReport(store, userId, {
        upload: (photo) => latest.current.transport.upload(photo),
        submit: (request) => latest.current.transport.submit(request),
      }).then((outcome) => {
        if (isCurrent && outcome.status !== 'empty') latest.current.onOutcome(outcome);
      });
    };
    void adoptLegacyQueuedReport(legacyStorage, store, userId).then(() => {
      if (isCurrent && navigator.onLine !== false) flush();
    });
    window.addEventListener('online', flush);
    return () => {
      isCurrent = false;
      window.removeEventListener('online', flush);
    };
  }, [store, userId, legacyStorage]);
}
