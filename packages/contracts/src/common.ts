import { Type, type Static } from 'typebox';

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String({ description: 'Stable machine-readable error code, e.g. identity.invalid_credentials' }),
  detail: Type.String({ description: 'Localised human-readable message (vi by default, en via Accept-Language)' }),
  instance: Type.Optional(Type.String()),
  requestId: Type.Optional(Type.String()),
  errors: Type.Optional(
    Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
      description: 'Field-level problems for validation errors',
    }),
  ),
});
export type Problem = Static<typeof Problem>;

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const Locale = Type.Union([Type.Literal('vi'), Type.Literal('en')]);
export type Locale = Static<typeof Locale>;
