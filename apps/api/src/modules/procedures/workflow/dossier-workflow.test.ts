import { describe, expect, it } from 'vitest';
import { allowedActions, DossierRuleError, planAction, type Capacity, type DossierFacts } from './dossier-workflow.ts';

const facts = (overrides: Partial<DossierFacts> = {}): DossierFacts => ({
  status: 'new',
  currentStep: { index: 0, kind: 'reception' },
  previousStepKind: null,
  nextStepKind: 'review',
  isFeeOutstanding: false,
  isOverdue: false,
  ...overrides,
});
const nobody: Capacity = { isOwner: false, holdsCurrentStep: false, leadsCurrentStep: false, isDesk: false };
const holder: Capacity = { ...nobody, holdsCurrentStep: true };
const owner: Capacity = { ...nobody, isOwner: true };
const desk: Capacity = { ...nobody, isDesk: true };
const lead: Capacity = { ...nobody, leadsCurrentStep: true };
const review = facts({ status: 'processing', currentStep: { index: 1, kind: 'review' }, previousStepKind: 'reception', nextStepKind: 'approval' });
const approval = facts({ status: 'processing', currentStep: { index: 2, kind: 'approval' }, previousStepKind: 'review', nextStepKind: 'result' });

const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return error instanceof DossierRuleError ? error.code : 'other';
  }
};

describe('intake', () => {
  it('accepts into accepted, or fee due when a fee is outstanding, and moves to the next step', () => {
    expect(planAction(facts(), holder, 'accept')).toEqual({ status: 'accepted', step: 'next' });
    expect(planAction(facts({ isFeeOutstanding: true }), holder, 'accept')).toEqual({ status: 'fee_due', step: 'next' });
  });

  it('rejects with the dossier closed, and only by the desk holding the reception', () => {
    expect(planAction(facts(), holder, 'reject')).toEqual({ status: 'rejected', step: 'close' });
    expect(codeOf(() => planAction(facts(), owner, 'reject'))).toBe('auth.forbidden');
    expect(codeOf(() => planAction(review, holder, 'reject'))).toBe('dossiers.action_not_allowed');
  });
});

describe('processing', () => {
  it('forwards a review to the approval, and sends an approval back to the review but never back to the reception', () => {
    expect(planAction(review, holder, 'forward')).toEqual({ status: 'processing', step: 'next' });
    expect(planAction(approval, holder, 'send_back')).toEqual({ status: 'processing', step: 'previous' });
    expect(codeOf(() => planAction(review, holder, 'send_back'))).toBe('dossiers.action_not_allowed');
  });

  it('starts processing when an accepted dossier is assigned; leads may assign and transfer', () => {
    const accepted = { ...review, status: 'accepted' as const };
    expect(planAction(accepted, lead, 'assign')).toEqual({ status: 'processing', step: 'stay' });
    expect(planAction(facts(), holder, 'assign')).toEqual({ status: 'new', step: 'stay' });
    expect(planAction(review, lead, 'transfer')).toEqual({ status: 'processing', step: 'stay' });
    expect(codeOf(() => planAction(review, owner, 'transfer'))).toBe('auth.forbidden');
  });

  it('approves into done, moving to the result step, unless the dossier is overdue', () => {
    expect(planAction(approval, holder, 'approve')).toEqual({ status: 'done', step: 'next' });
    expect(planAction({ ...approval, nextStepKind: null }, holder, 'approve')).toEqual({ status: 'done', step: 'close' });
    expect(codeOf(() => planAction({ ...approval, isOverdue: true }, holder, 'approve'))).toBe('dossiers.apology_required');
    expect(codeOf(() => planAction(review, holder, 'approve'))).toBe('dossiers.action_not_allowed');
  });

  it('allows an apology only for an overdue dossier still being handled', () => {
    expect(planAction({ ...approval, isOverdue: true }, lead, 'issue_apology')).toEqual({ status: 'processing', step: 'stay' });
    expect(codeOf(() => planAction(approval, lead, 'issue_apology'))).toBe('dossiers.action_not_allowed');
    expect(codeOf(() => planAction({ ...approval, isOverdue: true }, owner, 'issue_apology'))).toBe('auth.forbidden');
  });
});

describe('supplements, fees and the end of the road', () => {
  it('requests a supplement at intake or during review, completed by the owner or the desk, restoring the status', () => {
    expect(planAction(facts(), holder, 'request_supplement')).toEqual({ status: 'supplement_requested', step: 'stay' });
    expect(planAction(review, holder, 'request_supplement')).toEqual({ status: 'supplement_requested', step: 'stay' });
    const waiting = { ...review, status: 'supplement_requested' as const };
    expect(planAction(waiting, owner, 'complete_supplement')).toEqual({ status: 'restore', step: 'stay' });
    expect(planAction(waiting, desk, 'complete_supplement')).toEqual({ status: 'restore', step: 'stay' });
    expect(codeOf(() => planAction(waiting, holder, 'complete_supplement'))).toBe('auth.forbidden');
  });

  it('leaves fee due only when the desk records the payment', () => {
    const due = { ...review, status: 'fee_due' as const };
    expect(planAction(due, desk, 'record_payment')).toEqual({ status: 'accepted', step: 'stay' });
    expect(codeOf(() => planAction(due, holder, 'record_payment'))).toBe('auth.forbidden');
    expect(codeOf(() => planAction(due, holder, 'forward'))).toBe('dossiers.action_not_allowed');
  });

  it('lets the owner withdraw until the result is ready, never after', () => {
    for (const status of ['new', 'accepted', 'processing', 'supplement_requested', 'fee_due'] as const) {
      expect(planAction(facts({ status }), owner, 'withdraw'), status).toEqual({ status: 'withdrawn', step: 'close' });
    }
    for (const status of ['done', 'delivered', 'rejected', 'stopped'] as const) {
      expect(codeOf(() => planAction(facts({ status }), owner, 'withdraw')), status).toBe('dossiers.action_not_allowed');
    }
  });

  it('delivers a done dossier at the result step and closes it', () => {
    const done = facts({ status: 'done', currentStep: { index: 3, kind: 'result' }, previousStepKind: 'approval', nextStepKind: null });
    expect(planAction(done, desk, 'deliver')).toEqual({ status: 'delivered', step: 'close' });
    expect(codeOf(() => planAction(done, owner, 'deliver'))).toBe('auth.forbidden');
  });

  it('lists exactly the actions a caller may take', () => {
    expect(allowedActions(facts(), holder).sort()).toEqual(['accept', 'assign', 'reject', 'request_supplement'].sort());
    expect(allowedActions(facts(), owner)).toEqual(['withdraw']);
    expect(allowedActions(approval, holder).sort()).toEqual(['approve', 'assign', 'request_supplement', 'send_back', 'stop', 'transfer'].sort());
    expect(allowedActions(facts({ status: 'delivered', currentStep: null, nextStepKind: null }), { isOwner: true, holdsCurrentStep: true, leadsCurrentStep: true, isDesk: true })).toEqual([]);
  });
});
