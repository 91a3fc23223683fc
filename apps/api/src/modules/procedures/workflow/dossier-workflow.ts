/**
 * The dossier lifecycle as a pure state machine over the ten statuses of the National Public Service Portal
 * (TrangThaiHoSo 1–10, domain-vn.md §2): which action is allowed in which status, to whom, and where it leads.
 * The service loads the facts, asks here, then writes the outcome; nothing here touches the database.
 *
 * Legal rules carried here: intake accepts or rejects with a reason (Decree 118/2025/NĐ-CP, one-stop reception);
 * a supplement request lists every missing item at once and is recorded each time (a second one counts as late in
 * Decision 766); an overdue dossier needs an apology letter with a new appointment date before it is approved;
 * a citizen may withdraw until the result is ready; a fee due holds the dossier until it is paid.
 */
import type { DossierActionType, DossierStatus } from '@onecity/contracts';

export type StepKind = 'reception' | 'review' | 'approval' | 'result';

export interface DossierFacts {
  status: DossierStatus;
  currentStep: { index: number; kind: StepKind } | null;
  previousStepKind: StepKind | null;
  nextStepKind: StepKind | null;
  /** The dossier has fees that are not paid yet. */
  isFeeOutstanding: boolean;
  /** The appointment has passed and the dossier is still being handled. */
  isOverdue: boolean;
}

/** What the caller is to this dossier. */
export interface Capacity {
  isOwner: boolean;
  /** Holds the current step's role on the current step's agency (or above it). */
  holdsCurrentStep: boolean;
  /** A unit lead over the current step's agency. */
  leadsCurrentStep: boolean;
  /** A one-stop desk officer of the desk that received the dossier. */
  isDesk: boolean;
}

export type StepMove = 'stay' | 'next' | 'previous' | 'close';

export interface Transition {
  /** The status after the action; "restore" means the status the dossier had before the supplement request. */
  status: DossierStatus | 'restore';
  step: StepMove;
}

export class DossierRuleError extends Error {
  readonly code: 'dossiers.action_not_allowed' | 'dossiers.apology_required' | 'auth.forbidden';

  constructor(code: DossierRuleError['code']) {
    super(code);
    this.name = 'DossierRuleError';
    this.code = code;
  }
}

/** Statuses in which the administration is still working on the dossier (its clock runs). */
export const HANDLING_STATUSES: readonly DossierStatus[] = ['new', 'accepted', 'processing'];
/** Statuses in which the citizen may still withdraw (before the result is ready). */
const WITHDRAWABLE: readonly DossierStatus[] = ['new', 'accepted', 'processing', 'supplement_requested', 'fee_due'];

interface Rule {
  /** Whether the action fits the dossier's status and step. */
  fits(facts: DossierFacts): boolean;
  /** Whether the caller may take it. */
  may(capacity: Capacity, facts: DossierFacts): boolean;
  outcome(facts: DossierFacts): Transition;
}

const stepIs = (facts: DossierFacts, ...kinds: StepKind[]) => facts.currentStep !== null && kinds.includes(facts.currentStep.kind);
const statusIn = (facts: DossierFacts, ...statuses: DossierStatus[]) => statuses.includes(facts.status);
const holder = (capacity: Capacity) => capacity.holdsCurrentStep;
const holderOrLead = (capacity: Capacity) => capacity.holdsCurrentStep || capacity.leadsCurrentStep;

const RULES: Record<DossierActionType, Rule> = {
  accept: {
    fits: (facts) => facts.status === 'new' && stepIs(facts, 'reception'),
    may: holder,
    outcome: (facts) => ({ status: facts.isFeeOutstanding ? 'fee_due' : 'accepted', step: 'next' }),
  },
  reject: {
    fits: (facts) => facts.status === 'new' && stepIs(facts, 'reception'),
    may: holder,
    outcome: () => ({ status: 'rejected', step: 'close' }),
  },
  assign: {
    fits: (facts) => statusIn(facts, 'new', 'accepted', 'processing') && facts.currentStep !== null,
    may: holderOrLead,
    // Once a specialist has the dossier, an accepted dossier is being processed.
    outcome: (facts) => ({ status: facts.status === 'accepted' && !stepIs(facts, 'reception') ? 'processing' : facts.status, step: 'stay' }),
  },
  forward: {
    fits: (facts) => statusIn(facts, 'accepted', 'processing') && stepIs(facts, 'review') && facts.nextStepKind !== null,
    may: holder,
    outcome: () => ({ status: 'processing', step: 'next' }),
  },
  send_back: {
    fits: (facts) => statusIn(facts, 'accepted', 'processing') && stepIs(facts, 'review', 'approval') && facts.previousStepKind !== null && facts.previousStepKind !== 'reception',
    may: holder,
    outcome: () => ({ status: 'processing', step: 'previous' }),
  },
  transfer: {
    fits: (facts) => statusIn(facts, 'accepted', 'processing') && stepIs(facts, 'review', 'approval'),
    may: holderOrLead,
    outcome: (facts) => ({ status: facts.status, step: 'stay' }),
  },
  request_supplement: {
    fits: (facts) => (facts.status === 'new' && stepIs(facts, 'reception')) || (statusIn(facts, 'accepted', 'processing') && stepIs(facts, 'review', 'approval')),
    may: holder,
    outcome: () => ({ status: 'supplement_requested', step: 'stay' }),
  },
  complete_supplement: {
    fits: (facts) => facts.status === 'supplement_requested',
    may: (capacity) => capacity.isOwner || capacity.isDesk,
    outcome: () => ({ status: 'restore', step: 'stay' }),
  },
  record_payment: {
    fits: (facts) => facts.status === 'fee_due',
    may: (capacity) => capacity.isDesk,
    outcome: () => ({ status: 'accepted', step: 'stay' }),
  },
  approve: {
    fits: (facts) => statusIn(facts, 'accepted', 'processing') && stepIs(facts, 'approval'),
    may: holder,
    outcome: (facts) => ({ status: 'done', step: facts.nextStepKind === null ? 'close' : 'next' }),
  },
  issue_apology: {
    fits: (facts) => facts.isOverdue && HANDLING_STATUSES.includes(facts.status),
    may: (capacity) => capacity.holdsCurrentStep || capacity.leadsCurrentStep || capacity.isDesk,
    outcome: (facts) => ({ status: facts.status, step: 'stay' }),
  },
  deliver: {
    fits: (facts) => facts.status === 'done' && (facts.currentStep === null || stepIs(facts, 'result')),
    may: (capacity) => capacity.holdsCurrentStep || capacity.isDesk,
    outcome: () => ({ status: 'delivered', step: 'close' }),
  },
  stop: {
    fits: (facts) => statusIn(facts, 'accepted', 'processing', 'fee_due'),
    may: holderOrLead,
    outcome: () => ({ status: 'stopped', step: 'close' }),
  },
  withdraw: {
    fits: (facts) => WITHDRAWABLE.includes(facts.status),
    may: (capacity) => capacity.isOwner,
    outcome: () => ({ status: 'withdrawn', step: 'close' }),
  },
};

/** Where an action leads, or why it may not be taken (DossierRuleError). */
export function planAction(facts: DossierFacts, capacity: Capacity, action: DossierActionType): Transition {
  const rule = RULES[action];
  if (!rule.fits(facts)) throw new DossierRuleError('dossiers.action_not_allowed');
  if (!rule.may(capacity, facts)) throw new DossierRuleError('auth.forbidden');
  // Decree 61/2018 practice: a late dossier gets a written apology with a new appointment before its result.
  if (action === 'approve' && facts.isOverdue) throw new DossierRuleError('dossiers.apology_required');
  return rule.outcome(facts);
}

/** The actions the caller may take now (approve is listed even when an apology must come first; the answer says so). */
export function allowedActions(facts: DossierFacts, capacity: Capacity): DossierActionType[] {
  return (Object.keys(RULES) as DossierActionType[]).filter((action) => RULES[action].fits(facts) && RULES[action].may(capacity, facts));
}
