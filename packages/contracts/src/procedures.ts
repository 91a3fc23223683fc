import { Type, type Static, type TSchema } from 'typebox';

// ------------------------------------------------------------------ catalogue

/** National procedure codes as listed on the National Public Service Portal, e.g. "1.001193". */
export const ProcedureCode = Type.String({ pattern: '^[0-9A-Za-z][0-9A-Za-z._-]{2,39}$' });

export const PROCESSING_TIME_UNITS = ['working_days', 'working_hours', 'days'] as const;
export const WORKFLOW_STEP_KINDS = ['reception', 'review', 'approval', 'result'] as const;
export const STEP_ROLES = ['desk_officer', 'officer', 'unit_lead'] as const;

const Code = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });
const NameVi = Type.String({ minLength: 1, maxLength: 400 });
const NameEn = Type.String({ minLength: 1, maxLength: 400 });

export const ProcedureFee = Type.Object(
  { code: Code, nameVi: NameVi, nameEn: NameEn, amount: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Integer đồng' }) },
  { additionalProperties: false },
);
export type ProcedureFee = Static<typeof ProcedureFee>;

export const ProcedureComponent = Type.Object(
  {
    code: Code,
    nameVi: NameVi,
    nameEn: NameEn,
    isRequired: Type.Boolean(),
    copies: Type.Integer({ minimum: 1, maximum: 20 }),
    templateUrl: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
    isReusable: Type.Boolean({ description: 'May be reused from an earlier dossier of the same citizen' }),
  },
  { additionalProperties: false },
);
export type ProcedureComponent = Static<typeof ProcedureComponent>;

/**
 * Where a workflow step runs: "desk" (the one-stop desk that receives the procedure: the ward's public
 * administration service centre, or the city centre TTHCC for department procedures), "self" (the implementing
 * agency), "unit:SUFFIX" (the implementing agency's unit {agency}_{SUFFIX}), or "agency:CODE" (another agency).
 */
export const StepAgencyRef = Type.String({ pattern: '^(desk|self|unit:[A-Z0-9_]{1,20}|agency:[A-Z0-9_]{1,40})$' });

export const WorkflowStep = Type.Object(
  {
    code: Code,
    kind: Type.Enum(WORKFLOW_STEP_KINDS),
    nameVi: NameVi,
    nameEn: NameEn,
    role: Type.Enum(STEP_ROLES),
    agency: StepAgencyRef,
    share: Type.Integer({ minimum: 0, maximum: 100, description: 'Percent of the legal processing time given to this step' }),
  },
  { additionalProperties: false },
);
export type WorkflowStep = Static<typeof WorkflowStep>;

export const ResultTemplate = Type.Object(
  {
    titleVi: Type.String({ minLength: 1, maxLength: 300 }),
    titleEn: Type.String({ minLength: 1, maxLength: 300 }),
    /** Paragraphs; {{field}} is replaced by a form answer, {{applicant.fullName}}, {{dossier.code}}, {{agency.nameVi}} … */
    bodyVi: Type.Array(Type.String({ maxLength: 2000 }), { minItems: 1, maxItems: 40 }),
  },
  { additionalProperties: false },
);
export type ResultTemplate = Static<typeof ResultTemplate>;

export const ProcedureInput = Type.Object(
  {
    code: ProcedureCode,
    nameVi: NameVi,
    nameEn: NameEn,
    fieldVi: Type.String({ minLength: 1, maxLength: 200 }),
    fieldEn: Type.String({ minLength: 1, maxLength: 200 }),
    level: Type.Enum(['department', 'ward']),
    /** The implementing agency of a department-level procedure; null for ward-level ones (the citizen picks the ward). */
    agencyCode: Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()]),
    processingTime: Type.Object({ amount: Type.Integer({ minimum: 1, maximum: 365 }), unit: Type.Enum(PROCESSING_TIME_UNITS) }, { additionalProperties: false }),
    fees: Type.Array(ProcedureFee, { maxItems: 20 }),
    components: Type.Array(ProcedureComponent, { maxItems: 30 }),
    /** JSON Schema (type "object") of the application form, rendered by the web app. */
    formSchema: Type.Record(Type.String(), Type.Unknown()),
    onlineLevel: Type.Enum(['full', 'partial']),
    resultType: Type.Enum(['paper', 'electronic', 'both']),
    resultTemplate: ResultTemplate,
    workflow: Type.Array(WorkflowStep, { minItems: 2, maxItems: 12 }),
    legalBasisVi: Type.Optional(Type.String({ maxLength: 2000 })),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ProcedureInput = Static<typeof ProcedureInput>;

export const Procedure = Type.Intersect([
  Type.Omit(ProcedureInput, ['isActive', 'legalBasisVi']),
  Type.Object({ legalBasisVi: Type.String(), isActive: Type.Boolean(), agencyNameVi: Type.Union([Type.String(), Type.Null()]), agencyNameEn: Type.Union([Type.String(), Type.Null()]), feeTotal: Type.Integer() }),
]);
export type Procedure = Static<typeof Procedure>;

export const ProcedureSummary = Type.Object({
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  fieldVi: Type.String(),
  fieldEn: Type.String(),
  level: Type.Enum(['department', 'ward']),
  agencyCode: Type.Union([Type.String(), Type.Null()]),
  agencyNameVi: Type.Union([Type.String(), Type.Null()]),
  agencyNameEn: Type.Union([Type.String(), Type.Null()]),
  processingTime: Type.Object({ amount: Type.Integer(), unit: Type.Enum(PROCESSING_TIME_UNITS) }),
  feeTotal: Type.Integer(),
  onlineLevel: Type.Enum(['full', 'partial']),
  resultType: Type.Enum(['paper', 'electronic', 'both']),
  isActive: Type.Boolean(),
});
export type ProcedureSummary = Static<typeof ProcedureSummary>;

// ------------------------------------------------------------------ dossiers

/** The ten dossier statuses of the National Public Service Portal (TrangThaiHoSo), by their numbers. */
export const DOSSIER_STATUSES = {
  new: 1,
  accepted: 2,
  rejected: 3,
  processing: 4,
  supplement_requested: 5,
  fee_due: 6,
  withdrawn: 7,
  stopped: 8,
  done: 9,
  delivered: 10,
} as const;
export type DossierStatus = keyof typeof DOSSIER_STATUSES;
export const DossierStatusSchema = Type.Enum(Object.keys(DOSSIER_STATUSES) as DossierStatus[]);

export const DOSSIER_CODE_PATTERN = '^[A-Z0-9_.]{2,40}-[0-9]{6}-[0-9]{4,7}$';
export const DossierCode = Type.String({ pattern: DOSSIER_CODE_PATTERN });

export const CHANNELS = ['online', 'in_person', 'post'] as const;
export const DELIVERY_METHODS = ['online', 'post', 'in_person'] as const;

export const Applicant = Type.Object(
  {
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    idNumber: Type.String({ pattern: '^[0-9]{9,12}$', description: 'Citizen identity number (CCCD, 12 digits) or old ID (9 digits)' }),
    phone: Type.String({ pattern: '^\\+?[0-9]{9,15}$' }),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
    address: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type Applicant = Static<typeof Applicant>;

export const ComponentFiles = Type.Object(
  { componentCode: Code, fileIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 10 }) },
  { additionalProperties: false },
);

export const SubmitDossierRequest = Type.Object(
  {
    procedureCode: ProcedureCode,
    /** The ward that receives a ward-level procedure (ignored for department procedures). */
    agencyCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    applicant: Applicant,
    formData: Type.Record(Type.String(), Type.Unknown()),
    components: Type.Array(ComponentFiles, { maxItems: 30 }),
    deliveryMethod: Type.Enum(DELIVERY_METHODS),
    /** Set by a one-stop desk officer receiving a paper dossier for a citizen; citizens always file online. */
    channel: Type.Optional(Type.Enum(CHANNELS)),
  },
  { additionalProperties: false },
);
export type SubmitDossierRequest = Static<typeof SubmitDossierRequest>;

const Note = Type.String({ minLength: 1, maxLength: 2000 });
const OptionalNote = Type.Optional(Type.String({ maxLength: 2000 }));
const act = <K extends string, T extends Record<string, TSchema>>(type: K, properties: T) =>
  Type.Object({ type: Type.Literal(type), ...properties }, { additionalProperties: false });

export const SupplementItem = Type.Object(
  { componentCode: Type.Union([Code, Type.Null()]), text: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

/** What staff and citizens may do to a dossier (POST /api/v1/dossiers/{code}/actions). */
export const DossierActionBody = Type.Union([
  act('accept', { note: OptionalNote }),
  act('reject', { reason: Note }),
  act('assign', { officerId: Type.String({ format: 'uuid' }) }),
  act('forward', { note: OptionalNote }),
  act('send_back', { reason: Note }),
  act('transfer', { agencyCode: Type.String({ minLength: 1, maxLength: 40 }), reason: Note }),
  act('request_supplement', { items: Type.Array(SupplementItem, { minItems: 1, maxItems: 30 }), note: OptionalNote }),
  act('record_payment', { reference: Type.String({ minLength: 1, maxLength: 100 }) }),
  act('approve', { note: OptionalNote }),
  act('issue_apology', { newAppointmentDate: Type.String({ format: 'date' }), reason: Note }),
  act('deliver', { note: OptionalNote }),
  act('stop', { reason: Note }),
  act('withdraw', { reason: Note }),
  act('complete_supplement', { components: Type.Array(ComponentFiles, { maxItems: 30 }), formData: Type.Optional(Type.Record(Type.String(), Type.Unknown())), note: OptionalNote }),
]);
export type DossierAction = Static<typeof DossierActionBody>;
export type DossierActionType = DossierAction['type'];

/** The actions a dossier's timeline records (DossierEvent.action): the lifecycle actions and filing, intake, survey, online delivery. */
export const DOSSIER_EVENT_ACTIONS = [
  'submit',
  'receive',
  'accept',
  'reject',
  'assign',
  'forward',
  'send_back',
  'transfer',
  'request_supplement',
  'complete_supplement',
  'record_payment',
  'approve',
  'issue_apology',
  'deliver',
  'stop',
  'withdraw',
  'survey',
  'download_result',
] as const;
export type DossierEventAction = (typeof DOSSIER_EVENT_ACTIONS)[number];
/** Whether a timeline action is one the apps know (and name); others are shown as they come. */
export const isDossierEventAction = (action: string): action is DossierEventAction => (DOSSIER_EVENT_ACTIONS as readonly string[]).includes(action);

export const DossierFile = Type.Object({
  id: Type.String(),
  componentCode: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Enum(['component', 'result', 'apology']),
  fileName: Type.String(),
  contentType: Type.String(),
  byteSize: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const DossierStep = Type.Object({
  index: Type.Integer(),
  code: Type.String(),
  kind: Type.Enum(WORKFLOW_STEP_KINDS),
  nameVi: Type.String(),
  nameEn: Type.String(),
  role: Type.Enum(STEP_ROLES),
  agencyCode: Type.String(),
  agencyNameVi: Type.String(),
  agencyNameEn: Type.String(),
  assignee: Type.Union([Type.Object({ id: Type.String(), fullName: Type.String() }), Type.Null()]),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  dueAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});

export const DossierEvent = Type.Object({
  at: Type.String({ format: 'date-time' }),
  action: Type.String(),
  status: DossierStatusSchema,
  note: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  agencyCode: Type.Union([Type.String(), Type.Null()]),
});

export const SupplementRequest = Type.Object({
  requestedAt: Type.String({ format: 'date-time' }),
  items: Type.Array(SupplementItem),
  note: Type.Union([Type.String(), Type.Null()]),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  previousAppointmentDate: Type.String({ format: 'date' }),
  newAppointmentDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});

/** The public view: no personal data. */
export const DossierLookup = Type.Object({
  code: Type.String(),
  procedureCode: Type.String(),
  procedureNameVi: Type.String(),
  procedureNameEn: Type.String(),
  agencyCode: Type.String(),
  agencyNameVi: Type.String(),
  agencyNameEn: Type.String(),
  status: DossierStatusSchema,
  statusCode: Type.Integer(),
  submittedAt: Type.String({ format: 'date-time' }),
  appointmentDate: Type.String({ format: 'date' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type DossierLookup = Static<typeof DossierLookup>;

export const DossierSummary = Type.Intersect([
  DossierLookup,
  Type.Object({
    applicantName: Type.String(),
    channel: Type.Enum(CHANNELS),
    deliveryMethod: Type.Enum(DELIVERY_METHODS),
    appointmentAt: Type.String({ format: 'date-time' }),
    currentStep: Type.Union([Type.Object({ index: Type.Integer(), kind: Type.Enum(WORKFLOW_STEP_KINDS), nameVi: Type.String(), nameEn: Type.String(), agencyCode: Type.String(), role: Type.Enum(STEP_ROLES), dueAt: Type.String({ format: 'date-time' }), assigneeName: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
    isOverdue: Type.Boolean(),
    feeTotal: Type.Integer(),
  }),
]);
export type DossierSummary = Static<typeof DossierSummary>;

export const SURVEY_CRITERIA = [
  'overall',
  'ease_of_use',
  'on_time',
  'staff_attitude',
  'time_vs_legal_limit',
  'number_of_contacts',
  'number_of_agencies',
  'one_stop_reception',
  'publicity',
  'feedback_handling',
  'online_service_quality',
  'result_accuracy',
] as const;

export const SurveyAnswers = Type.Object(
  Object.fromEntries(SURVEY_CRITERIA.map((criterion) => [criterion, Type.Integer({ minimum: 1, maximum: 5 })])) as Record<(typeof SURVEY_CRITERIA)[number], ReturnType<typeof Type.Integer>>,
  { additionalProperties: false },
);
export const SurveyRequest = Type.Object({ answers: SurveyAnswers, comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type SurveyRequest = Static<typeof SurveyRequest>;

export const DossierDetail = Type.Intersect([
  DossierSummary,
  Type.Object({
    applicant: Applicant,
    formData: Type.Record(Type.String(), Type.Unknown()),
    formSchema: Type.Record(Type.String(), Type.Unknown()),
    components: Type.Array(ProcedureComponent),
    files: Type.Array(DossierFile),
    steps: Type.Array(DossierStep),
    timeline: Type.Array(DossierEvent),
    supplementRequests: Type.Array(SupplementRequest),
    fees: Type.Array(ProcedureFee),
    feePaidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    feePaidVia: Type.Union([Type.Enum(['desk', 'online']), Type.Null()]),
    acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    deliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    apologyRequired: Type.Boolean(),
    survey: Type.Union([Type.Object({ answers: SurveyAnswers, comment: Type.Union([Type.String(), Type.Null()]), submittedAt: Type.String({ format: 'date-time' }) }), Type.Null()]),
    allowedActions: Type.Array(Type.String()),
  }),
]);
export type DossierDetail = Static<typeof DossierDetail>;

export const DossierStatistics = Type.Object({
  agencyCode: Type.String(),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  received: Type.Integer({ description: 'Received in the period (statuses 1 and 3 excluded)' }),
  carriedOver: Type.Integer({ description: 'Received before the period and not finished when it began' }),
  toProcess: Type.Integer(),
  doneOnTime: Type.Integer(),
  doneLate: Type.Integer(),
  inProgressNotDue: Type.Integer(),
  inProgressNearlyDue: Type.Integer(),
  inProgressOverdue: Type.Integer(),
  withdrawnOrStopped: Type.Integer(),
  onTimeRate: Type.Union([Type.Number(), Type.Null()]),
  byChannel: Type.Object({ online: Type.Integer(), in_person: Type.Integer(), post: Type.Integer() }),
  onlineShare: Type.Union([Type.Number(), Type.Null()]),
  feeBearing: Type.Integer(),
  feePaidOnline: Type.Integer(),
  feePaidOnlineShare: Type.Union([Type.Number(), Type.Null()]),
  done: Type.Integer(),
  electronicResults: Type.Integer(),
  electronicResultShare: Type.Union([Type.Number(), Type.Null()]),
});
export type DossierStatistics = Static<typeof DossierStatistics>;
