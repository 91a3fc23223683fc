import { describe, expect, it } from 'vitest';
import { createI18n } from '../../app/i18n/index.ts';
import { CATEGORIES } from '../../test/report-fixtures.ts';
import { checkAnswers } from './answers.ts';
import { foldForSearch, groupCategories, searchCategories } from './category-picker.tsx';

const t = createI18n('vi').t;
const questionsOf = (code: string) => CATEGORIES.find((category) => category.code === code)?.questions ?? [];

describe('answers to a category’s questions', () => {
  it('requires the required ones and leaves blank optional ones out', () => {
    expect(checkAnswers(questionsOf('STREET_LIGHT'), { pole_number: '  ' }, t)).toEqual({ errors: { light_state: 'Vui lòng chọn một phương án.' }, answers: {} });
    expect(checkAnswers(questionsOf('STREET_LIGHT'), { light_state: 'off', pole_number: ' C-12 ' }, t)).toEqual({
      errors: {},
      answers: { light_state: 'off', pole_number: 'C-12' },
    });
  });

  it('refuses a choice that is not one of the options', () => {
    expect(checkAnswers(questionsOf('STREET_LIGHT'), { light_state: 'broken' }, t).errors).toEqual({ light_state: 'Vui lòng chọn một phương án.' });
  });

  it('reads numbers with a point or a comma, as numbers', () => {
    expect(checkAnswers(questionsOf('FLOODING'), { water_depth_cm: '12,5' }, t).answers).toEqual({ water_depth_cm: 12.5 });
    expect(checkAnswers(questionsOf('FLOODING'), { water_depth_cm: '30' }, t).answers).toEqual({ water_depth_cm: 30 });
    expect(checkAnswers(questionsOf('FLOODING'), { water_depth_cm: '1e3' }, t).errors).toEqual({ water_depth_cm: 'Vui lòng nhập một số, ví dụ 12 hoặc 12,5.' });
  });

  it('sends nothing for a category without questions', () => {
    expect(checkAnswers(questionsOf('ENCROACHMENT'), { light_state: 'off' }, t)).toEqual({ errors: {}, answers: {} });
  });
});

describe('category search', () => {
  it('ignores accents and case, and needs every word', () => {
    expect(foldForSearch('Đèn ĐƯỜNG')).toBe('den duong');
    expect(searchCategories(CATEGORIES, 'den').map((category) => category.code)).toEqual(['STREET_LIGHT']);
    expect(searchCategories(CATEGORIES, 'vỉa hè lấn').map((category) => category.code)).toEqual(['ENCROACHMENT']);
    expect(searchCategories(CATEGORIES, 'flood').map((category) => category.code)).toEqual(['FLOODING']);
    expect(searchCategories(CATEGORIES, '  ')).toHaveLength(CATEGORIES.length);
  });

  it('groups by the group name in the reader’s language', () => {
    expect(groupCategories(CATEGORIES, 'en').map((group) => [group.name, group.categories.map((category) => category.code)])).toEqual([
      ['Urban infrastructure', ['STREET_LIGHT', 'FLOODING']],
      ['Urban order', ['ENCROACHMENT']],
    ]);
  });
});
