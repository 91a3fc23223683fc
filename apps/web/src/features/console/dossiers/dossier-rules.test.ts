import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/api-mock.ts';
import { AGENCIES, hoursFromNow, makeDetail, makeSummary, staffUser } from './dossier-fixtures.ts';
import { agenciesInScope, countdownState, currentMonthRange, describeFormAnswers, dossierTabsFor, formatShare, isIsoDate, offeredActions, sortByStepDue } from './dossier-rules.ts';

const byCode = (left: { code: string }, right: { code: string }) => left.code.localeCompare(right.code);

describe('dossier rules', () => {
  it('calls a deadline overdue once passed and nearly due within 24 hours', () => {
    expect(countdownState(-1)).toBe('overdue');
    expect(countdownState(0)).toBe('nearly_due');
    expect(countdownState(86_399)).toBe('nearly_due');
    expect(countdownState(86_400)).toBe('on_time');
  });

  it('orders the work list by the current step deadline, dossiers without an open step last', () => {
    const items = [
      makeSummary({ code: 'A-261129-0003', currentStep: null }),
      makeSummary({ code: 'A-261129-0002', currentStep: { ...makeSummary().currentStep!, dueAt: hoursFromNow(30) } }),
      makeSummary({ code: 'A-261129-0001', currentStep: { ...makeSummary().currentStep!, dueAt: hoursFromNow(-2) } }),
    ];
    expect(sortByStepDue(items).map((item) => item.code)).toEqual(['A-261129-0001', 'A-261129-0002', 'A-261129-0003']);
  });

  it('gives the intake tab to desk officers only and a work list to those who take steps', () => {
    expect(dossierTabsFor(staffUser('desk_officer', 'PHUXUAN_HCC'))).toEqual(['intake', 'mine', 'all']);
    expect(dossierTabsFor(staffUser('officer', 'PHUXUAN_VP'))).toEqual(['mine', 'all']);
    expect(dossierTabsFor(makeUser(['auditor']))).toEqual(['all']);
  });

  it('offers only the staff actions the API allows, in panel order', () => {
    expect(offeredActions(['withdraw', 'approve', 'assign', 'issue_apology', 'something_new'])).toEqual(['assign', 'issue_apology', 'approve']);
  });

  it('lists the agencies at or below the user’s own, their own first', () => {
    const scope = agenciesInScope(staffUser('unit_lead', 'PHUXUAN'), AGENCIES, byCode);
    expect(scope.map((agency) => agency.code)).toEqual(['PHUXUAN', 'PHUXUAN_HCC', 'PHUXUAN_VP']);
    expect(agenciesInScope(makeUser(), AGENCIES, byCode)).toEqual([]);
  });

  it('spans the current month in the city’s time zone', () => {
    // 30 November 2026, 20:00 UTC is already 1 December in Huế.
    expect(currentMonthRange(new Date('2026-11-30T20:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(currentMonthRange(new Date('2028-02-10T00:00:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
  });

  it('labels form answers from the schema, in either language, enum labels as lists or maps', () => {
    const dossier = makeDetail();
    expect(describeFormAnswers(dossier.formSchema, dossier.formData, 'vi')).toEqual([
      { name: 'childName', label: 'Họ, chữ đệm và tên của trẻ', values: [{ kind: 'text', text: 'Nguyễn Minh An' }] },
      { name: 'childSex', label: 'Giới tính', values: [{ kind: 'text', text: 'Nữ' }] },
      { name: 'birthDate', label: 'Ngày sinh', values: [{ kind: 'date', iso: '2026-11-20' }] },
      { name: 'isDeclared', label: 'Tôi cam đoan những nội dung trên là đúng sự thật', values: [{ kind: 'boolean', value: true }] },
    ]);
    expect(describeFormAnswers(dossier.formSchema, { childSex: 'male' }, 'en')).toEqual([{ name: 'childSex', label: 'Sex', values: [{ kind: 'text', text: 'Male' }] }]);

    const schema = {
      properties: {
        mother: { type: 'object', title: 'Mẹ', properties: { fullName: { type: 'string', title: 'Họ tên' } } },
        relation: { type: 'string', enum: ['father', 'mother'], 'x-enum-labels-vi': { father: 'Cha', mother: 'Mẹ' } },
      },
    };
    expect(describeFormAnswers(schema, { mother: { fullName: 'Lê Thị Hoa' }, relation: 'mother', legacyField: 'cũ', empty: '' }, 'vi')).toEqual([
      { name: 'Mẹ › fullName', label: 'Mẹ › Họ tên', values: [{ kind: 'text', text: 'Lê Thị Hoa' }] },
      { name: 'relation', label: 'relation', values: [{ kind: 'text', text: 'Mẹ' }] },
      { name: 'legacyField', label: 'legacyField', values: [{ kind: 'text', text: 'cũ' }] },
    ]);
  });

  it('formats shares as Vietnamese percentages', () => {
    expect(formatShare(0.875, 'vi')).toBe('87,5%');
    expect(formatShare(1, 'en')).toBe('100%');
  });
});
