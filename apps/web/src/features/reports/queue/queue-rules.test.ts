import { describe, expect, it } from 'vitest';
import type { Role } from '@onecity/contracts';
import { makeUser } from '../../../test/api-mock.ts';
import { queueActionsFor, queueScopesFor } from './queue-rules.ts';

const grant = (role: Role, agencyCode: string) => ({ role, agencyId: null, agencyCode, agencyName: agencyCode });
const item = (status: 'submitted' | 'assigned' | 'in_progress' | 'resolved', extra: { officerId?: string | null; pending?: boolean } = {}) => ({
  status,
  officerId: extra.officerId ?? null,
  pendingExtension: extra.pending ? { requestedBy: 'u', proposedDueAt: '2026-12-10T10:00:00.000Z', reason: 'Chờ vật tư' } : null,
});

describe('report queue scopes', () => {
  it('gives unit staff their units (a lead grant wins) and nothing city-wide', () => {
    const user = makeUser([], { roles: [grant('officer', 'PHUXUAN_KT'), grant('unit_lead', 'PHUXUAN_KT'), grant('officer', 'SXD_GT'), grant('desk_officer', 'PHUXUAN_HCC')] });
    expect(queueScopesFor(user).map((scope) => [scope.key, scope.actor])).toEqual([
      ['unit:PHUXUAN_KT', 'unit_lead'],
      ['unit:SXD_GT', 'unit_officer'],
    ]);
  });

  it('gives IOC operators the triage queue and every unit, and auditors every unit to read', () => {
    expect(queueScopesFor(makeUser([], { roles: [grant('ioc_operator', 'HUE')] })).map((scope) => [scope.key, scope.actor])).toEqual([
      ['triage', 'ioc'],
      ['city', 'ioc'],
    ]);
    expect(queueScopesFor(makeUser([], { roles: [grant('auditor', 'HUE')] })).map((scope) => [scope.key, scope.actor])).toEqual([['city', 'viewer']]);
  });
});

describe('report queue actions', () => {
  it('lets IOC triage submitted reports and move reports being handled', () => {
    expect(queueActionsFor('ioc', item('submitted'), 'me')).toEqual(['accept', 'reject', 'merge', 'reveal_reporter']);
    expect(queueActionsFor('ioc', item('assigned'), 'me')).toEqual(['merge', 'transfer', 'reveal_reporter']);
    expect(queueActionsFor('ioc', item('in_progress'), 'me')).toEqual(['transfer', 'reveal_reporter']);
  });

  it('lets an officer take, answer, transfer, return or ask for more time', () => {
    expect(queueActionsFor('unit_officer', item('assigned'), 'me')).toEqual(['take', 'resolve', 'transfer', 'return_to_triage', 'request_extension']);
    // Already theirs: no "take"; an extension already asked: no second request, and only a lead decides it.
    expect(queueActionsFor('unit_officer', item('in_progress', { officerId: 'me', pending: true }), 'me')).toEqual(['resolve', 'transfer', 'return_to_triage']);
    expect(queueActionsFor('unit_lead', item('in_progress', { officerId: 'someone', pending: true }), 'me')).toEqual([
      'take',
      'resolve',
      'transfer',
      'return_to_triage',
      'decide_extension',
    ]);
  });

  it('offers nothing on answered reports to unit staff, or to read-only viewers', () => {
    expect(queueActionsFor('unit_officer', item('resolved'), 'me')).toEqual([]);
    expect(queueActionsFor('viewer', item('assigned'), 'me')).toEqual([]);
  });
});
