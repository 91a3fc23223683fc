import { Type, type Static } from 'typebox';
import { PublicReport } from './reports.ts';

const DateString = Type.String({ format: 'date' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const AgencyCodeField = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' });
const AgencyRef = Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Type.String(), kind: Type.String() });

// ---------------------------------------------------------------- Decision 766/QĐ-TTg

/** The six cards of the National Public Service Portal's 766 dashboard (domain-vn.md §3). */
export const INDICATOR_GROUPS = ['publicity', 'progress', 'online_services', 'online_payment', 'satisfaction', 'digitisation'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/** What the items behind an indicator are. */
export const INDICATOR_ITEM_KINDS = ['dossier', 'report', 'procedure', 'document'] as const;
export type IndicatorItemKind = (typeof INDICATOR_ITEM_KINDS)[number];

export const RATING_BANDS = ['excellent', 'good', 'fair', 'average', 'weak'] as const;
export type RatingBand = (typeof RATING_BANDS)[number];

export const Indicator766 = Type.Object({
  code: Type.String({ description: 'The indicator number as the decision and the DVCQG dashboard give it, e.g. 2.1' }),
  group: Type.Enum(INDICATOR_GROUPS),
  nameVi: Type.String(),
  nameEn: Type.String(),
  formulaVi: Type.String(),
  formulaEn: Type.String(),
  maxPoints: Type.Number(),
  /** Full points from this share up, pro rata below; null for informational indicators (no points). */
  fullPointsAt: Nullable(Type.Number()),
  measurable: Type.Boolean(),
  /** Why it cannot be measured, or what the platform's reading of the formula is. */
  noteVi: Nullable(Type.String()),
  noteEn: Nullable(Type.String()),
  unit: Type.Enum(['share', 'days']),
  itemKind: Nullable(Type.Enum(INDICATOR_ITEM_KINDS)),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  value: Nullable(Type.Number()),
  points: Nullable(Type.Number()),
});
export type Indicator766 = Static<typeof Indicator766>;

export const IndicatorGroupScore = Type.Object({
  group: Type.Enum(INDICATOR_GROUPS),
  maxPoints: Type.Number(),
  /** Sum of the maxima of the indicators that scored (measurable and with items in the period). */
  measuredMaxPoints: Type.Number(),
  points: Type.Number(),
});
export type IndicatorGroupScore = Static<typeof IndicatorGroupScore>;

export const Decision766Score = Type.Object({
  agency: AgencyRef,
  from: DateString,
  to: DateString,
  /** Open dossiers and reports are judged at this instant (the end of the period, or now if earlier). */
  asOf: DateTime,
  indicators: Type.Array(Indicator766),
  groups: Type.Array(IndicatorGroupScore),
  /** Points out of 100; indicators that cannot be measured or have no items score nothing. */
  total: Type.Number(),
  maxPoints: Type.Number(),
  measuredMaxPoints: Type.Number(),
  band: Type.Enum(RATING_BANDS),
});
export type Decision766Score = Static<typeof Decision766Score>;

export const Decision766Query = Type.Object(
  { agencyCode: AgencyCodeField, from: DateString, to: DateString },
  { additionalProperties: false },
);
export type Decision766Query = Static<typeof Decision766Query>;

export const Decision766ItemsQuery = Type.Object(
  {
    agencyCode: AgencyCodeField,
    from: DateString,
    to: DateString,
    indicator: Type.String({ minLength: 1, maxLength: 10 }),
    /** Only the items that met the condition (true), only those that did not (false), or both. */
    met: Type.Optional(Type.Boolean()),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type Decision766ItemsQuery = Static<typeof Decision766ItemsQuery>;

/** One dossier, report, procedure or document behind an indicator, with the facts that decided it. */
export const IndicatorItem = Type.Object({
  kind: Type.Enum(INDICATOR_ITEM_KINDS),
  code: Type.String(),
  /** Whether it counts in the numerator. */
  isMet: Type.Boolean(),
  /** The rule's verdict, e.g. done_on_time, in_progress_overdue, paid_online. */
  outcome: Type.String(),
  fields: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
});
export type IndicatorItem = Static<typeof IndicatorItem>;

export const Decision766Items = Type.Object({
  indicator: Indicator766,
  items: Type.Array(IndicatorItem),
  total: Type.Integer(),
});
export type Decision766Items = Static<typeof Decision766Items>;

// ---------------------------------------------------------------- public statistics

export const HEADLINE_FIGURES = [
  'proceduresOnline',
  'proceduresFullyOnline',
  'dossiersFiledOnline',
  'dossiersOnTime',
  'documentsSigned',
  'reportsSatisfied',
  'surveysSatisfied',
  'reportsHandled',
  'reportsOnTime',
] as const;
export type HeadlineFigureKey = (typeof HEADLINE_FIGURES)[number];

export const HeadlineFigure = Type.Object({
  key: Type.Enum(HEADLINE_FIGURES),
  numerator: Type.Integer(),
  denominator: Type.Integer(),
  /** numerator ÷ denominator, null when there is nothing to divide by. */
  value: Nullable(Type.Number()),
});
export type HeadlineFigure = Static<typeof HeadlineFigure>;

export const FigureDefinition = Type.Object({ key: Type.Enum(HEADLINE_FIGURES), nameVi: Type.String(), nameEn: Type.String(), definitionVi: Type.String(), definitionEn: Type.String() });
export type FigureDefinition = Static<typeof FigureDefinition>;

export const PublicStatistics = Type.Object({
  from: DateString,
  to: DateString,
  computedAt: DateTime,
  definitions: Type.Array(FigureDefinition),
  city: Type.Object({ agency: AgencyRef, figures: Type.Array(HeadlineFigure) }),
  agencies: Type.Array(Type.Object({ agency: AgencyRef, figures: Type.Array(HeadlineFigure) })),
});
export type PublicStatistics = Static<typeof PublicStatistics>;

export const PublicStatisticsQuery = Type.Object(
  { from: Type.Optional(DateString), to: Type.Optional(DateString), format: Type.Optional(Type.Enum(['json', 'csv'])) },
  { additionalProperties: false },
);
export type PublicStatisticsQuery = Static<typeof PublicStatisticsQuery>;

// ---------------------------------------------------------------- live operations centre

/** Filters shared by the operations centre's figures, map, lists and stream. */
const operationsFilterFields = {
  agencyCode: Type.Optional(AgencyCodeField),
  areaCode: Type.Optional(AgencyCodeField),
  categoryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
};
export const OperationsFilter = Type.Object(operationsFilterFields, { additionalProperties: false });
export type OperationsFilter = Static<typeof OperationsFilter>;

export const OperationsCounters = Type.Object({
  asOf: DateTime,
  reports: Type.Object({
    open: Type.Integer(),
    overdue: Type.Integer(),
    urgentOpen: Type.Integer(),
    escalatedToLead: Type.Integer(),
    escalatedToIoc: Type.Integer(),
    awaitingTriage: Type.Integer(),
    receivedToday: Type.Integer(),
    resolvedToday: Type.Integer(),
  }),
  /** Null when the filter names a ward or category (dossiers have neither) or the viewer may not read them. */
  dossiers: Nullable(
    Type.Object({
      inProgressNotDue: Type.Integer(),
      inProgressNearlyDue: Type.Integer(),
      inProgressOverdue: Type.Integer(),
      receivedToday: Type.Integer(),
      finishedToday: Type.Integer(),
    }),
  ),
  /** Today's intake (local day) by channel: reports (app, open311, phone, desk) and dossiers (online, in_person, post). */
  intakeToday: Type.Object({ reports: Type.Record(Type.String(), Type.Integer()), dossiers: Type.Record(Type.String(), Type.Integer()) }),
});
export type OperationsCounters = Static<typeof OperationsCounters>;

export const OperationsReport = Type.Intersect([PublicReport, Type.Object({ escalationLevel: Type.Integer() })]);
export type OperationsReport = Static<typeof OperationsReport>;

export const OperationsReportsQuery = Type.Object(
  {
    ...operationsFilterFields,
    overdue: Type.Optional(Type.Boolean()),
    urgent: Type.Optional(Type.Boolean()),
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 2000 }),
  },
  { additionalProperties: false },
);

export const OverdueDossier = Type.Object({
  code: Type.String(),
  procedureNameVi: Type.String(),
  agency: AgencyRef,
  status: Type.String(),
  legalDueAt: DateTime,
  hoursOverdue: Type.Number(),
  apologyCount: Type.Integer(),
  supplementCount: Type.Integer(),
});
export type OverdueDossier = Static<typeof OverdueDossier>;

export const OverdueList = Type.Object({
  reports: Type.Array(OperationsReport),
  dossiers: Nullable(Type.Array(OverdueDossier)),
});
export type OverdueList = Static<typeof OverdueList>;

/** One change pushed on the stream (`event: change`): what happened, never who. */
export const OperationsChange = Type.Object({
  source: Type.Enum(['report', 'dossier']),
  eventId: Type.Integer(),
  at: DateTime,
  code: Type.String(),
  type: Type.String(),
  status: Type.String(),
  agencyCode: Nullable(Type.String()),
  areaCode: Nullable(Type.String()),
  categoryCode: Nullable(Type.String()),
  channel: Nullable(Type.String()),
});
export type OperationsChange = Static<typeof OperationsChange>;

// ---------------------------------------------------------------- scorecards

export const SCORECARD_MEASURES = ['handled', 'onTime', 'handlingTime', 'overdue', 'supplements', 'transfers', 'ratings'] as const;
export type ScorecardMeasure = (typeof SCORECARD_MEASURES)[number];

export const ScorecardFigure = Type.Object({
  measure: Type.Enum(SCORECARD_MEASURES),
  numerator: Type.Number(),
  denominator: Type.Number(),
  value: Nullable(Type.Number()),
});
export type ScorecardFigure = Static<typeof ScorecardFigure>;

export const ScorecardComment = Type.Object({ id: Type.String(), month: Type.String(), authorName: Type.String(), text: Type.String(), createdAt: DateTime });
export type ScorecardComment = Static<typeof ScorecardComment>;

export const UnitScorecard = Type.Object({
  agency: AgencyRef,
  month: Type.String(),
  figures: Type.Array(ScorecardFigure),
  /** The composite score (0–100) the ranking uses, and the formula that makes it. */
  score: Nullable(Type.Number()),
  rank: Nullable(Type.Integer()),
  peers: Type.Integer(),
  comments: Type.Array(ScorecardComment),
});
export type UnitScorecard = Static<typeof UnitScorecard>;

export const ScorecardDefinitions = Type.Object({
  formulaVi: Type.String(),
  formulaEn: Type.String(),
  measures: Type.Array(Type.Object({ measure: Type.Enum(SCORECARD_MEASURES), nameVi: Type.String(), nameEn: Type.String(), definitionVi: Type.String(), definitionEn: Type.String() })),
});
export type ScorecardDefinitions = Static<typeof ScorecardDefinitions>;

export const UnitScorecardList = Type.Object({ month: Type.String(), kind: Type.String(), definitions: ScorecardDefinitions, items: Type.Array(UnitScorecard) });
export type UnitScorecardList = Static<typeof UnitScorecardList>;

export const OfficialScorecard = Type.Object({
  official: Type.Object({ id: Type.String(), fullName: Type.String(), agencies: Type.Array(AgencyRef) }),
  month: Type.String(),
  figures: Type.Array(ScorecardFigure),
  definitions: ScorecardDefinitions,
});
export type OfficialScorecard = Static<typeof OfficialScorecard>;

/** The officials of a unit whose scorecards the caller may open (the first 200 by name; `total` counts them all). */
export const UnitOfficials = Type.Object({
  agency: AgencyRef,
  items: Type.Array(Type.Object({ id: Type.String(), fullName: Type.String(), agencies: Type.Array(AgencyRef) })),
  total: Type.Integer(),
});
export type UnitOfficials = Static<typeof UnitOfficials>;

export const MonthField = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' });
export const ScorecardItemsQuery = Type.Object(
  { month: MonthField, measure: Type.Enum(SCORECARD_MEASURES), limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }), offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }) },
  { additionalProperties: false },
);
export type ScorecardItemsQuery = Static<typeof ScorecardItemsQuery>;

export const ScorecardItems = Type.Object({ measure: Type.Enum(SCORECARD_MEASURES), items: Type.Array(IndicatorItem), total: Type.Integer() });
export type ScorecardItems = Static<typeof ScorecardItems>;

export const ScorecardCommentRequest = Type.Object({ month: MonthField, text: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
export type ScorecardCommentRequest = Static<typeof ScorecardCommentRequest>;
