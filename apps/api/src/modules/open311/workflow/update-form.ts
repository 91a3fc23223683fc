/**
 * The form of mySociety's POST servicerequestupdates (FixMyStreet sends citizens' updates on a report this way;
 * mysociety/fixmystreet perllib/Open311.pm, post_service_request_update). We record it as an internal comment:
 * the status a client sends is kept as it stated it and never changes the report's status.
 */
import type { Open311Contact } from '../../../core/db/schema.ts';
import { AppError } from '../../../core/errors.ts';
import { parseW3cDateTime } from './dates.ts';
import { MAX_DESCRIPTION_LENGTH } from './request-form.ts';
import { EXTENDED_STATUSES, type ExtendedStatus } from './timeline.ts';
import { ParameterReader, type Parameters } from './parameters.ts';

const UPDATE_PARAMETERS = new Set([
  'api_key',
  'jurisdiction_id',
  'service_request_id',
  'service_request_id_ext',
  'service_code',
  'update_id',
  'update_id_ext',
  'status',
  'description',
  'media_url',
  'updated_datetime',
  'first_name',
  'last_name',
  'email',
  'title',
  'account_id',
  'public_anonymity_required',
  'email_alerts_requested',
]);

export interface UpdateForm {
  serviceRequestId: string;
  serviceCode?: string;
  /** The client's own id of the update, which makes a repeated POST of the same update harmless. */
  externalId?: string;
  status?: ExtendedStatus;
  description: string;
  mediaUrl?: string;
  statedAt?: Date;
  contact: Open311Contact;
}

/** Reads and checks the form of POST servicerequestupdates; throws open311.invalid_parameter naming every problem. */
export function parseUpdateForm(parameters: Parameters): UpdateForm {
  const reader = new ParameterReader(parameters);
  for (const name of Object.keys(parameters)) {
    if (!UPDATE_PARAMETERS.has(name)) reader.problem(name, 'is not a parameter of POST servicerequestupdates');
  }
  const serviceRequestId = reader.single('service_request_id', { maxLength: 40 });
  if (serviceRequestId === undefined && !reader.problems.some((p) => p.field === 'service_request_id')) reader.problem('service_request_id', 'is required');
  const description = reader.single('description', { maxLength: MAX_DESCRIPTION_LENGTH });
  if (description === undefined && !reader.problems.some((p) => p.field === 'description')) reader.problem('description', 'is required');
  const statusText = reader.single('status', { maxLength: 40 })?.toUpperCase();
  const status = EXTENDED_STATUSES.find((known) => known === statusText);
  if (statusText !== undefined && !status) reader.problem('status', `must be one of ${EXTENDED_STATUSES.join(', ')}`);
  const statedText = reader.single('updated_datetime', { maxLength: 40 });
  const statedAt = statedText === undefined ? undefined : (parseW3cDateTime(statedText) ?? undefined);
  if (statedText !== undefined && !statedAt) reader.problem('updated_datetime', 'must be an ISO 8601 date-time with a time zone');
  const mediaUrl = reader.single('media_url', { maxLength: 2000 });
  if (mediaUrl !== undefined && !(URL.canParse(mediaUrl) && ['http:', 'https:'].includes(new URL(mediaUrl).protocol))) reader.problem('media_url', 'must be an http or https URL');
  const externalId = reader.single('update_id_ext', { maxLength: 100 }) ?? reader.single('update_id', { maxLength: 100 });
  const serviceCode = reader.single('service_code', { maxLength: 40 });
  for (const name of ['public_anonymity_required', 'email_alerts_requested']) {
    const value = reader.single(name, { maxLength: 5 })?.toUpperCase();
    if (value !== undefined && value !== 'TRUE' && value !== 'FALSE') reader.problem(name, 'must be TRUE or FALSE');
  }
  for (const name of ['api_key', 'jurisdiction_id', 'service_request_id_ext', 'title']) reader.single(name, { maxLength: 200 });
  const email = reader.single('email', { maxLength: 254 });
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) reader.problem('email', 'must be an e-mail address');
  const contact: Open311Contact = {
    email,
    firstName: reader.single('first_name', { maxLength: 100 })?.normalize('NFC'),
    lastName: reader.single('last_name', { maxLength: 100 })?.normalize('NFC'),
    accountId: reader.single('account_id', { maxLength: 200 }),
  };
  if (reader.problems.length > 0 || serviceRequestId === undefined || description === undefined) {
    throw new AppError('open311.invalid_parameter', { fields: reader.problems });
  }
  return {
    serviceRequestId,
    serviceCode,
    externalId,
    status,
    description: description.normalize('NFC'),
    mediaUrl,
    statedAt,
    contact: Object.fromEntries(Object.entries(contact).filter(([, value]) => value !== undefined)) as Open311Contact,
  };
}
