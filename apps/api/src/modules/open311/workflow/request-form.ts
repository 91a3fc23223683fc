/**
 * The form of POST requests (Spec, "POST Service Request"): service_code, a location, attribute[code] answers
 * (attribute[code][] for several values), the reporter's contact and a media_url. This server routes by
 * point, so lat and long are required: an address_string or address_id alone is refused with
 * open311.location_required. Other bad input throws open311.invalid_parameter naming every parameter.
 */
import type { SubmitReportRequest } from '@onecity/contracts';
import type { Open311Contact } from '../../../core/db/schema.ts';
import { AppError } from '../../../core/errors.ts';
import { ParameterReader, type Parameters } from './parameters.ts';

/** Parameters of POST requests other than attribute[…]; anything else is refused, so a typo is never lost silently. */
const REQUEST_PARAMETERS = new Set([
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
]);

/** The spec's limit for description, which our categories also require. */
export const MAX_DESCRIPTION_LENGTH = 4000;
const MAX_ANSWER_LENGTH = 500;
const ATTRIBUTE = /^attribute\[([^\]]*)\](\[\])?$/;
const ATTRIBUTE_CODE = /^[a-z][a-z0-9_]{0,39}$/;
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

export interface ServiceRequestForm {
  serviceCode: string;
  location: { lat: number; lng: number };
  address?: string;
  description: string;
  answers: Record<string, string>;
  mediaUrl?: string;
  contact: Open311Contact;
}

/** Reads attribute[code] and attribute[code][] into one list of values per code, dropping empty values. */
export function parseAttributes(parameters: Parameters, reader: ParameterReader): Record<string, string[]> {
  const attributes: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(parameters)) {
    const match = ATTRIBUTE.exec(name);
    if (!match) continue;
    const code = match[1] ?? '';
    if (!ATTRIBUTE_CODE.test(code)) {
      reader.problem(name, 'is not an attribute of this service');
      continue;
    }
    const given = values.map((value) => value.trim()).filter((value) => value !== '');
    if (given.some((value) => value.length > MAX_ANSWER_LENGTH)) {
      reader.problem(`attribute[${code}]`, `must have at most ${MAX_ANSWER_LENGTH} characters`);
      continue;
    }
    if (given.length > 0) (attributes[code] ??= []).push(...given);
  }
  return attributes;
}

/** Our questions each take one value (string, number or one of a list), so several values for one code are refused. */
export function answersOf(attributes: Record<string, string[]>, reader: ParameterReader): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [code, values] of Object.entries(attributes)) {
    if (values.length > 1) reader.problem(`attribute[${code}]`, 'takes one value');
    else if (values[0] !== undefined) answers[code] = values[0];
  }
  return answers;
}

function readCoordinate(reader: ParameterReader, name: 'lat' | 'long', limit: number): number | undefined {
  const text = reader.single(name, { maxLength: 40 });
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!DECIMAL.test(text) || !Number.isFinite(value) || Math.abs(value) > limit) {
    reader.problem(name, `must be a decimal number from -${limit} to ${limit} (WGS84)`);
    return undefined;
  }
  return value;
}

function isWebUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const protocol = new URL(text).protocol;
  return protocol === 'http:' || protocol === 'https:';
}

/** Reads and checks the form of POST requests; throws before anything is stored. */
export function parseServiceRequestForm(parameters: Parameters): ServiceRequestForm {
  const reader = new ParameterReader(parameters);
  for (const name of Object.keys(parameters)) {
    if (!REQUEST_PARAMETERS.has(name) && !ATTRIBUTE.test(name)) reader.problem(name, 'is not a parameter of POST requests');
  }
  const lat = readCoordinate(reader, 'lat', 90);
  const lng = readCoordinate(reader, 'long', 180);
  const hasLat = (parameters.lat ?? []).some((value) => value.trim() !== '');
  const hasLong = (parameters.long ?? []).some((value) => value.trim() !== '');
  if (!hasLat && !hasLong) {
    throw new AppError('open311.location_required', { fields: [{ field: 'lat', message: 'is required' }, { field: 'long', message: 'is required' }] });
  }
  if (hasLat && !hasLong) reader.problem('long', 'is required with lat');
  if (hasLong && !hasLat) reader.problem('lat', 'is required with long');

  const serviceCode = reader.single('service_code', { maxLength: 40 });
  if (serviceCode === undefined && !reader.problems.some((p) => p.field === 'service_code')) reader.problem('service_code', 'is required');
  const description = reader.single('description');
  if (description === undefined) {
    if (!reader.problems.some((p) => p.field === 'description')) reader.problem('description', 'is required');
  } else if (description.length > MAX_DESCRIPTION_LENGTH) {
    reader.problem('description', `must have at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  const address = reader.single('address_string', { maxLength: 300 });
  reader.single('address_id', { maxLength: 200 });
  reader.single('api_key', { maxLength: 200 });
  reader.single('jurisdiction_id', { maxLength: 200 });
  const mediaUrl = reader.single('media_url', { maxLength: 2000 });
  if (mediaUrl !== undefined && !isWebUrl(mediaUrl)) reader.problem('media_url', 'must be an http or https URL');
  const email = reader.single('email', { maxLength: 254 });
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) reader.problem('email', 'must be an e-mail address');
  const contact: Open311Contact = {
    email,
    firstName: reader.single('first_name', { maxLength: 100 })?.normalize('NFC'),
    lastName: reader.single('last_name', { maxLength: 100 })?.normalize('NFC'),
    phone: reader.single('phone', { maxLength: 40 }),
    deviceId: reader.single('device_id', { maxLength: 200 }),
    accountId: reader.single('account_id', { maxLength: 200 }),
  };
  const answers = answersOf(parseAttributes(parameters, reader), reader);

  if (reader.problems.length > 0 || serviceCode === undefined || description === undefined || lat === undefined || lng === undefined) {
    throw new AppError('open311.invalid_parameter', { fields: reader.problems });
  }
  return {
    serviceCode,
    location: { lat, lng },
    address,
    description,
    answers,
    mediaUrl,
    contact: Object.fromEntries(Object.entries(contact).filter(([, value]) => value !== undefined)) as Open311Contact,
  };
}

/** The report the form asks for, in the reports module's own request shape. */
export function toSubmitReportRequest(form: ServiceRequestForm): SubmitReportRequest {
  return {
    categoryCode: form.serviceCode,
    description: form.description,
    location: form.location,
    ...(form.address ? { address: form.address } : {}),
    ...(Object.keys(form.answers).length > 0 ? { answers: form.answers } : {}),
  };
}

/** Names a field of our report request (as the reports module names it in errors) by its Open311 parameter. */
export function open311FieldName(field: string): string {
  if (field.startsWith('answers.')) return `attribute[${field.slice('answers.'.length)}]`;
  if (field === 'categoryCode') return 'service_code';
  if (field === 'location' || field === 'location.lat') return 'lat';
  if (field === 'location.lng') return 'long';
  if (field === 'address') return 'address_string';
  if (field === 'photos' || field === 'photoIds') return 'media_url';
  return field;
}
