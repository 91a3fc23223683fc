import { describe, expect, it } from 'vitest';
import { diffRecords, hashAuditRow, type AuditRowContent } from './audit.ts';

const row: AuditRowContent = {
  seq: 1,
  at: '2026-01-01T00:00:00.000Z',
  actorId: null,
  actorRole: 'system',
  action: 'agency.create',
  targetType: 'agency',
  targetId: 'x',
  diff: { after: { b: 1, a: 2 } },
  ip: null,
  requestId: 'r',
};

describe('hashAuditRow', () => {
  it('does not depend on key order (jsonb reorders keys)', () => {
    expect(hashAuditRow('genesis', row)).toBe(hashAuditRow('genesis', { ...row, diff: { after: { a: 2, b: 1 } } }));
  });
  it('changes with any field and with the previous hash', () => {
    const base = hashAuditRow('genesis', row);
    expect(hashAuditRow('other', row)).not.toBe(base);
    expect(hashAuditRow('genesis', { ...row, action: 'agency.update' })).not.toBe(base);
    expect(hashAuditRow('genesis', { ...row, diff: { after: { a: 3, b: 1 } } })).not.toBe(base);
  });
});

describe('diffRecords', () => {
  it('keeps only changed fields and redacts secrets', () => {
    const result = diffRecords({ name: 'A', email: 'a@x.vn', passwordHash: 'h1' }, { name: 'B', email: 'a@x.vn', passwordHash: 'h2' });
    expect(result).toEqual({ before: { name: 'A', passwordHash: '[redacted]' }, after: { name: 'B', passwordHash: '[redacted]' } });
  });
  it('keeps whole records on create', () => {
    expect(diffRecords(null, { code: 'HUE', token: 't' })).toEqual({ before: null, after: { code: 'HUE', token: '[redacted]' } });
  });
});
