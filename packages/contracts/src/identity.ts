import { Type, type Static } from 'typebox';
import { Locale, Uuid } from './common.ts';

/** The roles of OneCity; every role but citizen is granted on an agency subtree. */
export const ROLES = ['citizen', 'officer', 'unit_lead', 'desk_officer', 'ioc_operator', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = Type.Enum(ROLES);

/** Staff roles that open the staff console. */
export const CONSOLE_ROLES: readonly Role[] = ['officer', 'unit_lead', 'desk_officer', 'auditor', 'admin'];
/** Roles that open the operations centre. */
export const IOC_ROLES: readonly Role[] = ['ioc_operator', 'unit_lead', 'auditor', 'admin'];

/** A phone number (Vietnamese, 0xxxxxxxxx or +84xxxxxxxxx) or an e-mail address. */
export const Login = Type.String({ minLength: 3, maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 256 });
export const NewPassword = Type.String({ minLength: 10, maxLength: 256 });
export const OneTimeCode = Type.String({ pattern: '^[0-9]{6}$' });

export const RoleGrant = Type.Object({
  role: RoleSchema,
  agencyId: Type.Union([Uuid, Type.Null()]),
  agencyCode: Type.Union([Type.String(), Type.Null()]),
  agencyName: Type.Union([Type.String(), Type.Null()]),
});
export type RoleGrant = Static<typeof RoleGrant>;

export const User = Type.Object({
  id: Uuid,
  fullName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  isVerified: Type.Boolean(),
  assurance: Type.Integer({ minimum: 1, maximum: 2, description: '1 = self-registered, 2 = verified identity' }),
  locale: Locale,
  roles: Type.Array(RoleGrant),
  createdAt: Type.String({ format: 'date-time' }),
});
export type User = Static<typeof User>;

export const RegisterRequest = Type.Object(
  { login: Login, password: NewPassword, fullName: Type.String({ minLength: 2, maxLength: 120 }), locale: Type.Optional(Locale) },
  { additionalProperties: false },
);
export type RegisterRequest = Static<typeof RegisterRequest>;

export const RegisterResponse = Type.Object({
  user: User,
  verification: Type.Object({ channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]), destination: Type.String() }),
});

export const VerifyRequest = Type.Object({ login: Login, code: OneTimeCode }, { additionalProperties: false });
export type VerifyRequest = Static<typeof VerifyRequest>;

export const LoginOnlyRequest = Type.Object({ login: Login }, { additionalProperties: false });

export const LoginRequest = Type.Object(
  {
    login: Login,
    password: Password,
    session: Type.Optional(
      Type.Union([Type.Literal('token'), Type.Literal('cookie')], {
        description: 'token (default): a bearer token in the body; cookie: an HttpOnly session cookie for the web app',
      }),
    ),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const LoginResponse = Type.Object({
  token: Type.Optional(Type.String()),
  csrfToken: Type.Optional(Type.String()),
  expiresAt: Type.String({ format: 'date-time' }),
  user: User,
});

export const MeResponse = Type.Intersect([User, Type.Object({ csrfToken: Type.Optional(Type.String()) })]);

export const UpdateProfileRequest = Type.Object(
  { fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })), locale: Type.Optional(Locale) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProfileRequest = Static<typeof UpdateProfileRequest>;

export const ChangePasswordRequest = Type.Object(
  { currentPassword: Password, newPassword: NewPassword },
  { additionalProperties: false },
);

export const ResetPasswordRequest = Type.Object(
  { login: Login, code: OneTimeCode, newPassword: NewPassword },
  { additionalProperties: false },
);
export type ResetPasswordRequest = Static<typeof ResetPasswordRequest>;

export const GrantRequest = Type.Object(
  { role: RoleSchema, agencyCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) },
  { additionalProperties: false },
);
export type GrantRequest = Static<typeof GrantRequest>;

export const CreateOfficialRequest = Type.Object(
  {
    fullName: Type.String({ minLength: 2, maxLength: 120 }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    phone: Type.Optional(Type.String({ pattern: '^(\\+84|0)[0-9]{9}$' })),
    password: NewPassword,
    roles: Type.Array(GrantRequest, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type CreateOfficialRequest = Static<typeof CreateOfficialRequest>;

export const UserList = Type.Object({ items: Type.Array(User), total: Type.Integer() });
