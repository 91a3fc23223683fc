import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PublicReport, SubmitReportRequest } from '@onecity/contracts';
import { ApiError, NetworkError } from '../../app/api.ts';
import { problem } from '../../test/api-mock.ts';
import { findQueuedReport, outboxKey, queueReport, sendQueuedReport, useReportOutbox } from './report-outbox.ts';

const request: SubmitReportRequest = { categoryCode: 'GARBAGE', description: 'Rác tồn đọng trước chợ', location: { lat: 16.47, lng: 107.58 } };
const sent = { code: 'PA-261129-0007' } as PublicReport;
const storage = () => window.localStorage;

describe('offline queue of a report', () => {
  it('keeps the report on the device until it is sent', async () => {
    expect(queueReport(storage(), 'user-1', request, new Date('2026-11-29T03:00:00Z'))).toBe(true);
    expect(findQueuedReport(storage(), 'user-1')).toEqual({ queuedAt: '2026-11-29T03:00:00.000Z', request });
    const send = vi.fn(async () => sent);
    await expect(sendQueuedReport(storage(), 'user-1', send)).resolves.toEqual({ status: 'sent', report: sent });
    expect(send).toHaveBeenCalledWith(request);
    expect(findQueuedReport(storage(), 'user-1')).toBeUndefined();
    await expect(sendQueuedReport(storage(), 'user-1', send)).resolves.toEqual({ status: 'empty' });
  });

  it('stays queued while there is still no connection', async () => {
    queueReport(storage(), 'user-1', request);
    const outcome = await sendQueuedReport(storage(), 'user-1', () => Promise.reject(new NetworkError(new TypeError('offline'))));
    expect(outcome).toEqual({ status: 'offline' });
    expect(findQueuedReport(storage(), 'user-1')?.request).toEqual(request);
  });

  it('is dropped, with the reason, when the API refuses it', async () => {
    queueReport(storage(), 'user-1', request);
    const refusal = new ApiError(problem(400, 'reports.photo_unusable', 'Ảnh không còn dùng được.'));
    const outcome = await sendQueuedReport(storage(), 'user-1', () => Promise.reject(refusal));
    expect(outcome).toEqual({ status: 'failed', error: refusal });
    expect(findQueuedReport(storage(), 'user-1')).toBeUndefined();
  });

  it('is sent once when several attempts start together', async () => {
    queueReport(storage(), 'user-1', request);
    const send = vi.fn(async () => sent);
    const outcomes = await Promise.all([sendQueuedReport(storage(), 'user-1', send), sendQueuedReport(storage(), 'user-1', send)]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'sent']);
  });

  it('ignores a damaged queue entry', () => {
    window.localStorage.setItem(outboxKey('user-1'), 'not json');
    expect(findQueuedReport(storage(), 'user-1')).toBeUndefined();
  });

  it('sends the waiting report when the browser comes back online, and says so', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    queueReport(storage(), 'user-1', request);
    const send = vi.fn(async () => sent);
    const onOutcome = vi.fn();
    renderHook(() => useReportOutbox(storage(), 'user-1', send, onOutcome));
    // Offline at start: nothing is tried until the `online` event.
    expect(send).not.toHaveBeenCalled();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(onOutcome).toHaveBeenCalledWith({ status: 'sent', report: sent });
    expect(findQueuedReport(storage(), 'user-1')).toBeUndefined();
  });
});
