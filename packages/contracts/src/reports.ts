import { Type, type Static, type TSchema } from 'typebox';

export const ReportStatusSchema = Type.Enum(['submitted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'merged']);

export const CategoryCode = Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' });

export const ReportQuestion = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    labelVi: Type.String({ minLength: 1, maxLength: 200 }),
    labelEn: Type.String({ minLength: 1, maxLength: 200 }),
    datatype: Type.Enum(['text', 'number', 'choice']),
    isRequired: Type.Boolean(),
    options: Type.Optional(
      Type.Array(Type.Object({ key: Type.String({ minLength: 1, maxLength: 40 }), labelVi: Type.String({ minLength: 1 }), labelEn: Type.String({ minLength: 1 }) }, { additionalProperties: false }), {
        maxItems: 30,
      }),
    ),
  },
  { additionalProperties: false },
);

export const ReportCategory = Type.Object({
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  groupVi: Type.String(),
  groupEn: Type.String(),
  descriptionVi: Type.String(),
  descriptionEn: Type.String(),
  slaWorkingDays: Type.Integer(),
  urgentSlaHours: Type.Integer(),
  questions: Type.Array(ReportQuestion),
  isPhotoRequired: Type.Boolean(),
  isAfterPhotoRequired: Type.Boolean(),
  isPublic: Type.Boolean(),
  isActive: Type.Boolean(),
});
export type ReportCategory = Static<typeof ReportCategory>;

export const CategoryInput = Type.Object(
  {
    code: CategoryCode,
    nameVi: Type.String({ minLength: 2, maxLength: 120 }),
    nameEn: Type.String({ minLength: 2, maxLength: 120 }),
    groupVi: Type.String({ minLength: 2, maxLength: 120 }),
    groupEn: Type.String({ minLength: 2, maxLength: 120 }),
    descriptionVi: Type.Optional(Type.String({ maxLength: 1000 })),
    descriptionEn: Type.Optional(Type.String({ maxLength: 1000 })),
    keywords: Type.Optional(Type.String({ maxLength: 500 })),
    slaWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    urgentSlaHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 168 })),
    questions: Type.Optional(Type.Array(ReportQuestion, { maxItems: 20 })),
    isPhotoRequired: Type.Optional(Type.Boolean()),
    isAfterPhotoRequired: Type.Optional(Type.Boolean()),
    isPublic: Type.Optional(Type.Boolean()),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CategoryInput = Static<typeof CategoryInput>;

export const Coordinates = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);

export const SubmitReportRequest = Type.Object(
  {
    categoryCode: CategoryCode,
    description: Type.String({ minLength: 10, maxLength: 4000 }),
    location: Coordinates,
    address: Type.Optional(Type.String({ maxLength: 300 })),
    isUrgent: Type.Optional(Type.Boolean()),
    answers: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), Type.Union([Type.String({ maxLength: 500 }), Type.Number()]))),
    photoIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 5, description: 'Photos uploaded first with POST /api/v1/reports/photos' })),
  },
  { additionalProperties: false },
);
export type SubmitReportRequest = Static<typeof SubmitReportRequest>;

export const TimelineEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  type: Type.String(),
  fromStatus: Type.Union([Type.String(), Type.Null()]),
  toStatus: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
});

/** A report as anyone may see it: no reporter, no personal data. */
export const PublicReport = Type.Object({
  code: Type.String(),
  category: Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Type.String() }),
  description: Type.String(),
  status: ReportStatusSchema,
  isUrgent: Type.Boolean(),
  location: Coordinates,
  address: Type.Union([Type.String(), Type.Null()]),
  area: Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Type.String() }),
  unit: Type.Union([Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Type.String() }), Type.Null()]),
  routing: Type.Object({ ruleNo: Type.Union([Type.Integer(), Type.Null()]), explanationVi: Type.String(), explanationEn: Type.String() }),
  receivedOn: Type.String({ format: 'date' }),
  dueAt: Type.String({ format: 'date-time' }),
  isOverdue: Type.Boolean(),
  answer: Type.Union([Type.String(), Type.Null()]),
  resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  rating: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type PublicReport = Static<typeof PublicReport>;

export const ReportPhoto = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Enum(['before', 'after']),
  width: Type.Integer(),
  height: Type.Integer(),
  url: Type.String(),
  thumbnailUrl: Type.String(),
});

/** A citizen's photo is public only once staff publish it; withheld photos (with a reason for staff) never are. */
export const PhotoReviewStatus = Type.Enum(['pending', 'published', 'withheld']);

/** A photo as its reporter and the staff who see the report see it: with its review (the reason for staff only). */
export const ViewerReportPhoto = Type.Intersect([
  ReportPhoto,
  Type.Object({
    reviewStatus: PhotoReviewStatus,
    reviewedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    reviewReason: Type.Union([Type.String(), Type.Null()]),
  }),
]);
export type ViewerReportPhoto = Static<typeof ViewerReportPhoto>;

/** Staff's decision on a photo (POST /api/v1/reports/{code}/photos/{photoId}/review); withholding needs a reason. */
export const PhotoReviewBody = Type.Object(
  { decision: Type.Enum(['publish', 'withhold']), reason: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type PhotoReviewDecision = Static<typeof PhotoReviewBody>['decision'];

export const PublicReportDetail = Type.Intersect([PublicReport, Type.Object({ timeline: Type.Array(TimelineEntry), photos: Type.Array(ReportPhoto) })]);

/** How many reports match a viewport: exact up to 1,000, else 1,000 with `isTotalCapped` ("more than"). */
const MatchCount = {
  total: Type.Integer({ description: 'matches in all, counted up to 1,000' }),
  isTruncated: Type.Boolean({ description: 'more match than the items given (the newest are given)' }),
  isTotalCapped: Type.Boolean({ description: 'more than `total` match' }),
};

export const PublicReportList = Type.Object({ items: Type.Array(PublicReport), ...MatchCount });

/** A report as the public map shows it: a marker and a card (the whole report is GET /api/v1/reports/{code}). */
export const MapReport = Type.Object({
  code: Type.String(),
  category: Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Type.String() }),
  description: Type.String({ description: 'the first 140 characters, with … when cut' }),
  status: ReportStatusSchema,
  isOverdue: Type.Boolean(),
  location: Coordinates,
  area: Type.Object({ code: Type.String(), nameVi: Type.String(), nameEn: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type MapReport = Static<typeof MapReport>;

export const MapReportList = Type.Object({ items: Type.Array(MapReport), ...MatchCount });

export const NearbyReport = Type.Object({ code: Type.String(), description: Type.String(), status: ReportStatusSchema, distanceMetres: Type.Number(), createdAt: Type.String({ format: 'date-time' }) });

export const REPORT_CODE_PATTERN = '^PA-[0-9]{6}-[0-9]{4,}$';

const Reason = Type.String({ minLength: 1, maxLength: 2000 });
const UnitCodeField = Type.String({ minLength: 1, maxLength: 40 });
const action = <K extends string, T extends Record<string, TSchema>>(type: K, properties: T) =>
  Type.Object({ type: Type.Literal(type), ...properties }, { additionalProperties: false });

/** What staff and reporters may do to a report (POST /api/v1/reports/{code}/actions). */
export const ReportActionBody = Type.Union([
  action('accept', { unitCode: UnitCodeField }),
  action('reject', { reason: Reason }),
  action('merge', { intoCode: Type.String({ pattern: REPORT_CODE_PATTERN }) }),
  action('take', { officerId: Type.Optional(Type.String({ format: 'uuid' })) }),
  action('transfer', { unitCode: UnitCodeField, reason: Reason }),
  action('return_to_triage', { reason: Reason }),
  action('request_extension', { workingDays: Type.Integer({ minimum: 1, maximum: 30 }), reason: Reason }),
  action('decide_extension', { approve: Type.Boolean(), reason: Type.Optional(Reason) }),
  action('resolve', { answer: Type.String({ minLength: 1, maxLength: 4000 }), photoIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 5 })) }),
  action('confirm', {}),
  action('reopen', { reason: Reason }),
]);

export type ReportAction = Static<typeof ReportActionBody>;
