import { Type, type Static } from 'typebox';
import { Uuid } from './common.ts';

/** An Open311 API client as admins see it; its key is shown only once, when it is issued. */
export const Open311Client = Type.Object({
  id: Uuid,
  name: Type.String(),
  contact: Type.String(),
  keyHint: Type.String({ description: 'The last four characters of the key, to tell keys apart' }),
  serviceUserId: Uuid,
  isActive: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type Open311Client = Static<typeof Open311Client>;

export const IssueOpen311ClientRequest = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 120 }),
    contact: Type.String({ minLength: 3, maxLength: 300, description: 'Who runs the client: a person, an e-mail address or a phone number' }),
  },
  { additionalProperties: false },
);
export type IssueOpen311ClientRequest = Static<typeof IssueOpen311ClientRequest>;

export const IssuedOpen311Client = Type.Intersect([
  Open311Client,
  Type.Object({ apiKey: Type.String({ description: 'The API key; it is not stored and cannot be shown again' }) }),
]);
