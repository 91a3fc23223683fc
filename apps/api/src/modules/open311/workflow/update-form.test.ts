import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { parseUpdateForm } from './update-form.ts';

function fieldsRefused(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'open311.invalid_parameter') return (error.fields ?? []).map((f) => f.field);
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('POST servicerequestupdates form', () => {
  it('reads what FixMyStreet sends', () => {
    const form = parseUpdateForm({
      api_key: ['k'],
      service_request_id: ['PA-261129-0001'],
      description: ['Vẫn chưa sửa'],
      status: ['open'],
      update_id: ['fms-77'],
      updated_datetime: ['2026-11-29T08:00:00+07:00'],
      first_name: ['An'],
      last_name: ['Lê'],
      email: ['an@example.org'],
      public_anonymity_required: ['FALSE'],
    });
    expect(form).toEqual({
      serviceRequestId: 'PA-261129-0001',
      serviceCode: undefined,
      externalId: 'fms-77',
      status: 'OPEN',
      description: 'Vẫn chưa sửa',
      mediaUrl: undefined,
      statedAt: new Date('2026-11-29T01:00:00Z'),
      contact: { email: 'an@example.org', firstName: 'An', lastName: 'Lê' },
    });
  });

  it('prefers update_id_ext to update_id', () => {
    expect(parseUpdateForm({ service_request_id: ['PA-1'], description: ['x'], update_id: ['a'], update_id_ext: ['b'] }).externalId).toBe('b');
  });

  it('names what is missing or wrong', () => {
    expect(fieldsRefused(() => parseUpdateForm({}))).toEqual(['service_request_id', 'description']);
    expect(fieldsRefused(() => parseUpdateForm({ service_request_id: ['PA-1'], description: ['x'], status: ['SOLVED'], updated_datetime: ['today'], colour: ['red'] }))).toEqual([
      'colour',
      'status',
      'updated_datetime',
    ]);
  });
});
