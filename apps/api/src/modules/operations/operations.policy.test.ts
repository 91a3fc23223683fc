import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../../core/auth/actor.ts';
import { canCommentOnScorecard, canListUnitOfficials, canSeeOfficialScorecard } from './operations.policy.ts';

const actor = (userId: string, grants: Grant[]): Actor => ({ userId, sessionId: 's', via: 'bearer', csrfToken: '', grants });
const grant = (role: Grant['role'], agencyPath: string): Grant => ({ role, agencyId: agencyPath, agencyPath });
const officialGrants = [grant('officer', 'HUE.PHUXUAN.PHUXUAN_KT')];

describe("an official's scorecard", () => {
  it('is seen by the official, their leads and those who oversee them', () => {
    expect(canSeeOfficialScorecard(actor('me', officialGrants), 'me', officialGrants)).toBe(true);
    expect(canSeeOfficialScorecard(actor('lead', [grant('unit_lead', 'HUE.PHUXUAN')]), 'me', officialGrants)).toBe(true);
    expect(canSeeOfficialScorecard(actor('ioc', [grant('ioc_operator', 'HUE')]), 'me', officialGrants)).toBe(true);
    expect(canSeeOfficialScorecard(actor('auditor', [grant('auditor', 'HUE')]), 'me', officialGrants)).toBe(true);
  });

  it('is hidden from colleagues, leads of other units and desk officers', () => {
    expect(canSeeOfficialScorecard(actor('colleague', [grant('officer', 'HUE.PHUXUAN.PHUXUAN_KT')]), 'me', officialGrants)).toBe(false);
    expect(canSeeOfficialScorecard(actor('other-lead', [grant('unit_lead', 'HUE.SXD')]), 'me', officialGrants)).toBe(false);
    expect(canSeeOfficialScorecard(actor('desk', [grant('desk_officer', 'HUE.PHUXUAN')]), 'me', officialGrants)).toBe(false);
    expect(canSeeOfficialScorecard(actor('ioc-elsewhere', [grant('ioc_operator', 'HUE.SXD')]), 'me', officialGrants)).toBe(false);
  });

  it('lets a unit comment through its leads only', () => {
    expect(canCommentOnScorecard(actor('lead', [grant('unit_lead', 'HUE.PHUXUAN')]), 'HUE.PHUXUAN')).toBe(true);
    expect(canCommentOnScorecard(actor('officer', [grant('officer', 'HUE.PHUXUAN')]), 'HUE.PHUXUAN')).toBe(false);
    expect(canCommentOnScorecard(actor('ioc', [grant('ioc_operator', 'HUE')]), 'HUE.PHUXUAN')).toBe(false);
  });

  it("lists a unit's officials for its leads and overseers, not for its officers", () => {
    expect(canListUnitOfficials(actor('lead', [grant('unit_lead', 'HUE.PHUXUAN')]), 'HUE.PHUXUAN.PHUXUAN_KT')).toBe(true);
    expect(canListUnitOfficials(actor('ioc', [grant('ioc_operator', 'HUE')]), 'HUE.PHUXUAN')).toBe(true);
    expect(canListUnitOfficials(actor('officer', [grant('officer', 'HUE.PHUXUAN.PHUXUAN_KT')]), 'HUE.PHUXUAN.PHUXUAN_KT')).toBe(false);
    expect(canListUnitOfficials(actor('other-lead', [grant('unit_lead', 'HUE.SXD')]), 'HUE.PHUXUAN')).toBe(false);
  });
});
