import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@onecity/contracts';
import { createI18n } from '../../app/i18n/index.ts';
import { BIRTH_FORM_SCHEMA } from './procedure-fixtures.ts';
import { SchemaForm, checkFormValues, initialFormValues, parseFormSchema, useSchemaForm } from './schema-form.tsx';

const t = createI18n('vi').t;

describe('parseFormSchema', () => {
  it('reads each property into a field with its kind, labels, bounds and choices, in order', () => {
    const fields = parseFormSchema(BIRTH_FORM_SCHEMA);
    expect(fields.map((field) => [field.name, field.kind, field.isRequired])).toEqual([
      ['child_name', 'text', true],
      ['birth_date', 'date', true],
      ['gender', 'select', true],
      ['birth_order', 'integer', false],
      ['hospital_code', 'text', false],
      ['is_twin', 'checkbox', false],
    ]);
    expect(fields[0]).toMatchObject({ titleVi: 'Họ và tên người được khai sinh', titleEn: 'Full name of the child', minLength: 2, maxLength: 100 });
    expect(fields[2]?.options).toEqual([
      { value: 'male', labelVi: 'Nam', labelEn: 'Male' },
      { value: 'female', labelVi: 'Nữ', labelEn: 'Female' },
    ]);
    expect(fields[3]).toMatchObject({ minimum: 1, maximum: 20 });
    expect(fields[4]).toMatchObject({ pattern: '^[A-Z]{2}[0-9]{3}$', descriptionVi: 'Hai chữ cái in hoa và ba chữ số.' });
  });

  it('accepts labels keyed by value, nullable types, long texts as text areas, and skips what it cannot draw', () => {
    const fields = parseFormSchema({
      type: 'object',
      properties: {
        purpose: { type: 'string', enum: ['work', 'study'], 'x-enum-labels-vi': { work: 'Đi làm', study: 'Đi học' } },
        note: { type: ['string', 'null'], title: 'Ghi chú', maxLength: 1000 },
        declaration: { type: 'boolean', const: true, title: 'Tôi cam đoan' },
        address: { type: 'object', properties: { street: { type: 'string' } } },
        children: { type: 'array', items: { type: 'string' } },
      },
    });
    expect(fields.map((field) => field.name)).toEqual(['purpose', 'note', 'declaration']);
    expect(fields[0]?.options).toEqual([
      { value: 'work', labelVi: 'Đi làm', labelEn: 'Đi làm' },
      { value: 'study', labelVi: 'Đi học', labelEn: 'Đi học' },
    ]);
    expect(fields[0]?.titleVi).toBe('purpose');
    expect(fields[1]?.kind).toBe('textarea');
    expect(fields[2]).toMatchObject({ kind: 'checkbox', mustBeTrue: true });
    expect(parseFormSchema(undefined)).toEqual([]);
    expect(parseFormSchema({ type: 'object' })).toEqual([]);
  });
});

describe('field order', () => {
  // As stored in jsonb: keys sorted by length, whatever order the author wrote them in.
  const properties = { sex: { type: 'string' }, father: { type: 'string' }, fullName: { type: 'string' }, birthDate: { type: 'string' } };

  it('follows x-order when the schema gives one', () => {
    const fields = parseFormSchema({ type: 'object', 'x-order': ['fullName', 'birthDate', 'sex', 'unknown'], properties });
    expect(fields.map((field) => field.name)).toEqual(['fullName', 'birthDate', 'sex', 'father']);
  });

  it('otherwise puts the required fields first, in the order of `required`', () => {
    const fields = parseFormSchema({ type: 'object', required: ['fullName', 'birthDate', 'sex'], properties });
    expect(fields.map((field) => field.name)).toEqual(['fullName', 'birthDate', 'sex', 'father']);
  });
});

describe('checkFormValues', () => {
  const fields = parseFormSchema(BIRTH_FORM_SCHEMA);
  const valid = { child_name: '  Trần Minh An ', birth_date: '2026-11-20', gender: 'female', birth_order: '2', hospital_code: 'HU001', is_twin: true };

  it('turns valid answers into formData: trimmed text, numbers, booleans, empty optional answers left out', () => {
    expect(checkFormValues(fields, valid, t)).toEqual({
      errors: {},
      data: { child_name: 'Trần Minh An', birth_date: '2026-11-20', gender: 'female', birth_order: 2, hospital_code: 'HU001', is_twin: true },
    });
    const minimal = checkFormValues(fields, { ...valid, birth_order: '', hospital_code: ' ', is_twin: false }, t);
    expect(minimal.data).toEqual({ child_name: 'Trần Minh An', birth_date: '2026-11-20', gender: 'female', is_twin: false });
  });

  it('mirrors the schema: required, lengths, pattern, dates, whole numbers and bounds, choices', () => {
    const check = (values: Record<string, string | boolean>) => checkFormValues(fields, { ...valid, ...values }, t).errors;
    expect(check({ child_name: '', birth_date: '', gender: '' })).toEqual({
      child_name: 'Vui lòng nhập thông tin này.',
      birth_date: 'Vui lòng nhập thông tin này.',
      gender: 'Vui lòng chọn một giá trị trong danh sách.',
    });
    expect(check({ child_name: 'A' })).toEqual({ child_name: 'Cần ít nhất 2 ký tự.' });
    expect(check({ child_name: 'A'.repeat(101) })).toEqual({ child_name: 'Tối đa 100 ký tự.' });
    expect(check({ hospital_code: 'hu001' })).toEqual({ hospital_code: 'Giá trị không đúng định dạng.' });
    expect(check({ birth_date: '2026-02-30' })).toEqual({ birth_date: 'Vui lòng nhập một ngày hợp lệ.' });
    expect(check({ birth_order: '1,5' })).toEqual({ birth_order: 'Vui lòng nhập một số nguyên.' });
    expect(check({ birth_order: '0' })).toEqual({ birth_order: 'Giá trị nhỏ nhất là 1.' });
    expect(check({ birth_order: '21' })).toEqual({ birth_order: 'Giá trị lớn nhất là 20.' });
    expect(check({ gender: 'other' })).toEqual({ gender: 'Vui lòng chọn một giá trị trong danh sách.' });
  });

  it('reads decimal commas for numbers and insists on a declaration box being ticked', () => {
    const more = parseFormSchema({
      type: 'object',
      properties: { area: { type: 'number', title: 'Diện tích' }, declaration: { type: 'boolean', const: true, title: 'Tôi cam đoan' } },
    });
    expect(checkFormValues(more, { area: '12,5', declaration: true }, t)).toEqual({ errors: {}, data: { area: 12.5, declaration: true } });
    expect(checkFormValues(more, { area: 'mười', declaration: false }, t).errors).toEqual({ area: 'Vui lòng nhập một số.', declaration: 'Vui lòng đánh dấu ô này để tiếp tục.' });
  });

  it('starts from earlier answers, then the schema defaults, then empty', () => {
    const withDefault = parseFormSchema({ type: 'object', properties: { copies: { type: 'integer', default: 1 }, name: { type: 'string' }, ok: { type: 'boolean' } } });
    expect(initialFormValues(withDefault)).toEqual({ copies: '1', name: '', ok: false });
    expect(initialFormValues(withDefault, { copies: 3, name: 'An', ok: true })).toEqual({ copies: '3', name: 'An', ok: true });
  });
});

function Harness() {
  const form = useSchemaForm(BIRTH_FORM_SCHEMA);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.validate();
      }}
    >
      <SchemaForm fields={form.fields} values={form.values} errors={form.errors} onChange={form.setValue} />
      <button type="submit">Kiểm tra</button>
    </form>
  );
}

const renderForm = (locale: Locale) =>
  render(
    <I18nextProvider i18n={createI18n(locale)}>
      <Harness />
    </I18nextProvider>,
  );

describe('SchemaForm', () => {
  it('draws labelled inputs of the right kind, marks required ones, and shows the checks on the fields', () => {
    renderForm('vi');
    const name = screen.getByLabelText('Họ và tên người được khai sinh *') as HTMLInputElement;
    expect(name.required).toBe(true);
    expect((screen.getByLabelText('Ngày sinh *') as HTMLInputElement).type).toBe('date');
    const gender = screen.getByLabelText('Giới tính *') as HTMLSelectElement;
    expect([...gender.options].map((option) => option.textContent)).toEqual(['— Chọn —', 'Nam', 'Nữ']);
    expect(screen.getByLabelText('Con thứ').getAttribute('inputmode')).toBe('numeric');
    expect((screen.getByLabelText('Sinh đôi') as HTMLInputElement).type).toBe('checkbox');
    const code = screen.getByLabelText('Mã cơ sở y tế');
    expect(code.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Hai chữ cái in hoa và ba chữ số.')).toBeTruthy();

    fireEvent.change(name, { target: { value: 'A' } });
    fireEvent.change(code, { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Cần ít nhất 2 ký tự.');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Giá trị không đúng định dạng.')).toBeTruthy();
    expect(gender.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Sinh đôi').getAttribute('aria-invalid')).toBeNull();

    fireEvent.change(gender, { target: { value: 'female' } });
    fireEvent.click(screen.getByLabelText('Sinh đôi'));
    fireEvent.change(name, { target: { value: 'Trần Minh An' } });
    fireEvent.change(code, { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Ngày sinh *'), { target: { value: '2026-11-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });

  it('labels fields and choices in English', () => {
    renderForm('en');
    expect(screen.getByLabelText('Full name of the child *')).toBeTruthy();
    const sex = screen.getByLabelText('Sex *') as HTMLSelectElement;
    expect([...sex.options].map((option) => option.textContent)).toEqual(['— Choose —', 'Male', 'Female']);
  });
});
