import { describe, expect, it } from 'vitest';
import { reportQueries } from '../../reports/index.ts';
import { describeEvent, EXTENDED_STATUSES, noteTypeOf, toExtendedStatus, type DescribeContext } from './timeline.ts';

describe('extended statuses', () => {
  it('maps every report status to one of mySociety statuses', () => {
    const mapped = Object.fromEntries(reportQueries.REPORT_STATUSES.map((status) => [status, toExtendedStatus({ type: 'x', toStatus: status })]));
    expect(mapped).toEqual({
      submitted: 'OPEN',
      assigned: 'ACTION_SCHEDULED',
      in_progress: 'IN_PROGRESS',
      resolved: 'FIXED',
      closed: 'CLOSED',
      rejected: 'NO_FURTHER_ACTION',
      merged: 'DUPLICATE',
    });
    for (const status of Object.values(mapped)) expect(EXTENDED_STATUSES).toContain(status);
  });

  it('calls a transfer an internal referral', () => {
    expect(toExtendedStatus({ type: 'transfer', toStatus: 'assigned' })).toBe('INTERNAL_REFERRAL');
  });
});

describe('notes', () => {
  const context = (locale: 'vi' | 'en'): DescribeContext => ({
    locale,
    unitName: (key) => ({ CSDT: { vi: 'Công ty Chiếu sáng', en: 'Lighting company' } })[key as 'CSDT']?.[locale],
    formatInstant: (iso) => `<${iso}>`,
  });

  it('names the type in the past tense', () => {
    expect(['submit', 'route', 'resolve', 'auto_close', 'escalate', 'something_new'].map(noteTypeOf)).toEqual(['submitted', 'routed', 'resolved', 'closed', 'escalated', 'activity']);
  });

  it('shows the routing explanation and the answer in the asked language', () => {
    const route = { type: 'route', toStatus: 'assigned', details: { explanationVi: 'Phường · Rác → Đội', explanationEn: 'Ward · Garbage → Team', ruleNo: 3 } };
    expect(describeEvent(route, context('vi'))).toBe('Phường · Rác → Đội');
    expect(describeEvent(route, context('en'))).toBe('Ward · Garbage → Team');
    expect(describeEvent({ type: 'resolve', toStatus: 'resolved', details: { answer: 'Đã thay bóng đèn.', afterPhotoCount: 1 } }, context('en'))).toBe('Đã thay bóng đèn.');
  });

  it('names units, never ids, and leaves out whatever the event holds besides', () => {
    const transfer = { type: 'transfer', toStatus: 'assigned', details: { unitCode: 'CSDT', unitId: 'u-1', fromUnitCode: 'SXD_HTKT', reason: 'Gọi 0905000001 anh Bình', officerId: 'o-9' } };
    const text = describeEvent(transfer, context('en'));
    expect(text).toBe('Transferred to Lighting company.');
    expect(text).not.toMatch(/0905|Bình|o-9|u-1/);
    expect(describeEvent({ type: 'transfer', toStatus: 'assigned', details: { unitId: 'unknown-id' } }, context('vi'))).toBe('Đã chuyển sang đơn vị khác.');
    expect(describeEvent({ type: 'reopen', toStatus: 'in_progress', details: { reason: 'Nhà tôi số 5, gọi 0905' } }, context('vi'))).toBe('Người phản ánh đã mở lại phản ánh.');
  });

  it('describes an approved extension with its date and an unknown event by its type', () => {
    expect(describeEvent({ type: 'decide_extension', toStatus: 'in_progress', details: { approve: true, dueAt: '2026-12-01T10:00:00Z' } }, context('en'))).toBe('The deadline was extended to <2026-12-01T10:00:00Z>.');
    expect(describeEvent({ type: 'decide_extension', toStatus: 'in_progress', details: { approve: false } }, context('en'))).toBe('The request for more time was refused.');
    expect(describeEvent({ type: 'escalate', toStatus: 'assigned', details: { level: 2, to: 'ioc' } }, context('en'))).toBe('Overdue: escalated to the operations centre.');
    expect(describeEvent({ type: 'escalate', toStatus: 'assigned', details: { level: 1, to: 'unit_lead' } }, context('vi'))).toBe('Quá hạn xử lý: đã báo lãnh đạo đơn vị.');
    expect(describeEvent({ type: 'something_new', toStatus: 'assigned', details: { secret: 'x' } }, context('en'))).toBe('Update: something_new.');
  });
});
