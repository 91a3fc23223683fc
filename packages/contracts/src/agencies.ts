import { Type, type Static } from 'typebox';
import { Uuid } from './common.ts';

export const AGENCY_KINDS = ['city', 'department', 'ward', 'commune', 'unit', 'service_unit'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AgencyKindSchema = Type.Enum(AGENCY_KINDS);

export const Agency = Type.Object({
  id: Uuid,
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  kind: AgencyKindSchema,
  parentId: Type.Union([Uuid, Type.Null()]),
  path: Type.String({ description: 'Codes from the root down, separated by dots' }),
  isActive: Type.Boolean(),
});
export type Agency = Static<typeof Agency>;

export const AgencyList = Type.Object({ items: Type.Array(Agency) });

export const AgencyCode = Type.String({ pattern: '^[A-Z0-9][A-Z0-9_-]{0,39}$' });

export const CreateAgencyRequest = Type.Object(
  {
    code: AgencyCode,
    nameVi: Type.String({ minLength: 2, maxLength: 200 }),
    nameEn: Type.String({ minLength: 2, maxLength: 200 }),
    kind: AgencyKindSchema,
    parentCode: AgencyCode,
  },
  { additionalProperties: false },
);
export type CreateAgencyRequest = Static<typeof CreateAgencyRequest>;

export const UpdateAgencyRequest = Type.Object(
  {
    nameVi: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    nameEn: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAgencyRequest = Static<typeof UpdateAgencyRequest>;
