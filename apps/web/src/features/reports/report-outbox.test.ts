import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PublicReport, SubmitReportRequest } from '@onecity/contracts';
import { ApiError, NetworkError } from '../../app/api.ts';
import { problem } from '../../test/api-mock.ts';
import { createMemoryStore, type DeviceStore } from './device-store.ts';
import {
  adoptLegacyQueuedReport,
  findQueuedReport,
  legacyOutboxKey,
  outboxKey,
  queueReport,
  sendQueuedReport,
  useReportOutbox,
  type OutboxTransport,
} from './report-outbox.ts';

const request: SubmitReportRequest = { categoryCode: 'GARBAGE', description: 'Rác tồn đọng trước chợ', location: { lat: 16.47, lng: 107.58 } };
const sent = { code: 'PA-261129-0007' } as PublicReport;
const photo = (text: string) => new Blob([text], { type: 'image/jpeg' });
const offline = () => new NetworkError(new TypeError('Failed to fetch'));

/** A stand-in API that numbers the uploaded photos and remembers what it was given. */
function fakeApi(options: { failUploadAt?: (count: number) => unknown; submit?: () => Promise<PublicReport>; prefix?: string } = {}) {
  const uploaded: string[] = [];
  let uploads = 0;
  const transport: OutboxTransport = {
    upload: vi.fn(async (blob: Blob) => {
      uploads += 1;
      const failure = options.failUploadAt?.(uploads);
      if (failure) throw failure;
      uploaded.push(await blob.text());
      return { photoId: `${options.prefix ?? 'photo'}-${uploads}` };
    }),
    submit: vi.fn(options.submit ?? (async () => sent)),
  };
  return { transport, uploaded };
}

describe('offline queue of a report', () => {
  it('keeps the report and its photos on the device until both are sent, photos first', async () => {
    const store = createMemoryStore();
    expect(await queueReport(store, 'user-1', { ...request, photoIds: ['uploaded-before'] }, [photo('first'), photo('second')], new Date('2026-11-29T03:00:00Z'))).toBe(true);
    const queued = await findQueuedReport(store, 'user-1');
    expect(queued?.queuedAt).toBe('2026-11-29T03:00:00.000Z');
    expect(await Promise.all((queued?.photos ?? []).map((blob) => blob.text()))).toEqual(['first', 'second']);

    const api = fakeApi();
    await expect(sendQueuedReport(store, 'user-1', api.transport)).resolves.toEqual({ status: 'sent', report: sent });
    expect(api.uploaded).toEqual(['first', 'second']);
    expect(api.transport.submit).toHaveBeenCalledWith({ ...request, photoIds: ['uploaded-before', 'photo-1', 'photo-2'] });
    expect(await findQueuedReport(store, 'user-1')).toBeUndefined();
    await expect(sendQueuedReport(store, 'user-1', api.transport)).resolves.toEqual({ status: 'empty' });
  });

  it('stays queued while there is no connection, and resumes without uploading a photo twice', async () => {
    const store = createMemoryStore();
    await queueReport(store, 'user-1', request, [photo('first'), photo('second')]);
    const cutOff = fakeApi({ failUploadAt: (count) => (count === 2 ? offline() : undefined) });
    await expect(sendQueuedReport(store, 'user-1', cutOff.transport)).resolves.toEqual({ status: 'offline' });
    expect(cutOff.transport.submit).not.toHaveBeenCalled();
    const left = await findQueuedReport(store, 'user-1');
    expect(left?.request.photoIds).toEqual(['photo-1']);
    expect(await Promise.all((left?.photos ?? []).map((blob) => blob.text()))).toEqual(['second']);

    const back = fakeApi({ prefix: 'later' });
    await expect(sendQueuedReport(store, 'user-1', back.transport)).resolves.toEqual({ status: 'sent', report: sent });
    expect(back.uploaded).toEqual(['second']);
    expect(back.transport.submit).toHaveBeenCalledWith({ ...request, photoIds: ['photo-1', 'later-1'] });
  });

  it('stays queued when the report itself gets no answer', async () => {
    const store = createMemoryStore();
    await queueReport(store, 'user-1', request, []);
    const outcome = await sendQueuedReport(store, 'user-1', fakeApi({ submit: () => Promise.reject(offline()) }).transport);
    expect(outcome).toEqual({ status: 'offline' });
    expect((await findQueuedReport(store, 'user-1'))?.request).toEqual(request);
  });

  it('is dropped, with the reason, when the API refuses a photo or the report', async () => {
    const store = createMemoryStore();
    const refusal = new ApiError(problem(400, 'reports.invalid_photo', 'Tệp gửi lên không phải ảnh.'));
    await queueReport(store, 'user-1', request, [photo('not a photo')]);
    await expect(sendQueuedReport(store, 'user-1', fakeApi({ failUploadAt: () => refusal }).transport)).resolves.toEqual({ status: 'failed', error: refusal });
    expect(await findQueuedReport(store, 'user-1')).toBeUndefined();

    const closed = new ApiError(problem(404, 'reports.category_not_found', 'Không có lĩnh vực phản ánh GARBAGE.'));
    await queueReport(store, 'user-1', request, []);
    await expect(sendQueuedReport(store, 'user-1', fakeApi({ submit: () => Promise.reject(closed) }).transport)).resolves.toEqual({ status: 'failed', error: closed });
    expect(await findQueuedReport(store, 'user-1')).toBeUndefined();
  });

  it('is sent once when several attempts start together', async () => {
    const store = createMemoryStore();
    await queueReport(store, 'user-1', request, [photo('only')]);
    const api = fakeApi();
    const outcomes = await Promise.all([sendQueuedReport(store, 'user-1', api.transport), sendQueuedReport(store, 'user-1', api.transport)]);
    expect(api.transport.upload).toHaveBeenCalledTimes(1);
    expect(api.transport.submit).toHaveBeenCalledTimes(1);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'sent']);
  });

  it('keeps one queue per account', async () => {
    const store = createMemoryStore();
    await queueReport(store, 'user-1', request, []);
    expect(await findQueuedReport(store, 'user-2')).toBeUndefined();
    await expect(sendQueuedReport(store, 'user-2', fakeApi().transport)).resolves.toEqual({ status: 'empty' });
    expect(await findQueuedReport(store, 'user-1')).toBeDefined();
  });

  it('ignores a damaged queue entry and anything in it that is not a picture', async () => {
    const store = createMemoryStore();
    await store.set(outboxKey('user-1'), 'not a report');
    expect(await findQueuedReport(store, 'user-1')).toBeUndefined();
    await store.set(outboxKey('user-1'), { queuedAt: '2026-11-29T03:00:00.000Z', request, photos: ['text', 7, photo('kept')] });
    expect((await findQueuedReport(store, 'user-1'))?.photos).toHaveLength(1);
  });

  it('says so when the device cannot keep the report', async () => {
    expect(await queueReport(undefined, 'user-1', request, [])).toBe(false);
    const full: DeviceStore = { ...createMemoryStore(), set: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    expect(await queueReport(full, 'user-1', request, [photo('big')])).toBe(false);
    const broken: DeviceStore = { ...createMemoryStore(), get: () => Promise.reject(new Error('blocked')) };
    expect(await findQueuedReport(broken, 'user-1')).toBeUndefined();
  });

  it('takes over a report queued by the earlier version of the app, without photos', async () => {
    const store = createMemoryStore();
    window.localStorage.setItem(legacyOutboxKey('user-1'), JSON.stringify({ queuedAt: '2026-11-28T03:00:00.000Z', request }));
    await adoptLegacyQueuedReport(window.localStorage, store, 'user-1');
    expect(await findQueuedReport(store, 'user-1')).toEqual({ queuedAt: '2026-11-28T03:00:00.000Z', request, photos: [] });
    expect(window.localStorage.getItem(legacyOutboxKey('user-1'))).toBeNull();
    // A report queued since is not replaced.
    await queueReport(store, 'user-2', request, [photo('new')], new Date('2026-11-29T03:00:00Z'));
    window.localStorage.setItem(legacyOutboxKey('user-2'), JSON.stringify({ queuedAt: '2026-11-28T03:00:00.000Z', request }));
    await adoptLegacyQueuedReport(window.localStorage, store, 'user-2');
    expect((await findQueuedReport(store, 'user-2'))?.queuedAt).toBe('2026-11-29T03:00:00.000Z');
  });

  it('sends the waiting report with its photos when the browser comes back online, and says so', async () => {
    const store = createMemoryStore();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await queueReport(store, 'user-1', request, [photo('from the street')]);
    const api = fakeApi();
    const onOutcome = vi.fn();
    renderHook(() => useReportOutbox(store, 'user-1', api.transport, onOutcome));
    await act(async () => undefined);
    // Offline at start: nothing is tried until the `online` event.
    expect(api.transport.upload).not.toHaveBeenCalled();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    await vi.waitFor(() => expect(onOutcome).toHaveBeenCalledWith({ status: 'sent', report: sent }));
    expect(api.uploaded).toEqual(['from the street']);
    expect(api.transport.submit).toHaveBeenCalledWith({ ...request, photoIds: ['photo-1'] });
    expect(await findQueuedReport(store, 'user-1')).toBeUndefined();
  });
});
