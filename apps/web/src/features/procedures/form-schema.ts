import type { TFunction } from 'i18next';
import type { Locale } from '@onecity/contracts';

/**
 * The subset of JSON Schema a procedure's application form uses (an object of flat properties), read into
 * field descriptions the form renderer draws and checks. Keywords understood:
 * - type: string | integer | number | boolean ("null" in a type list is ignored)
 * - title (Vietnamese label), x-title-en; description, x-description-en (hints)
 * - string: format "date" (date input), "email"; enum with x-enum-labels-vi / x-enum-labels-en (a list in enum
 *   order, or an object keyed by value); minLength, maxLength, pattern; x-widget "textarea" (or maxLength ≥ 500)
 * - integer / number: minimum, maximum, enum
 * - boolean: const true (a box that must be ticked, e.g. a declaration)
 * - default; required (at the object level)
 * - order: `x-order` (a list of property names) at the object level when given; otherwise the required properties in
 *   the order of `required`, then the others in property order. (The API keeps schemas in a jsonb column, which
 *   does not keep the order of keys, while arrays keep theirs.)
 * Nested objects and arrays are not drawn; the API, which validates the whole schema, remains the authority.
 */

export type SchemaFieldKind = 'text' | 'email' | 'textarea' | 'date' | 'select' | 'integer' | 'number' | 'checkbox';
export type SchemaOption = { value: string; labelVi: string; labelEn: string };

export type SchemaField = {
  name: string;
  kind: SchemaFieldKind;
  valueType: 'string' | 'integer' | 'number' | 'boolean';
  titleVi: string;
  titleEn: string;
  descriptionVi?: string;
  descriptionEn?: string;
  isRequired: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  options?: SchemaOption[];
  /** A boolean that must be true (schema `const: true`). */
  mustBeTrue?: boolean;
  defaultValue?: unknown;
};

/** What the inputs hold: text for every typed value (as typed), booleans for check boxes. */
export type FormValues = Record<string, string | boolean>;
export type FormErrors = Record<string, string | undefined>;

const TEXTAREA_FROM_LENGTH = 500;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOr = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const numberOr = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function typeOf(property: Record<string, unknown>): SchemaField['valueType'] | undefined {
  const declared = Array.isArray(property.type) ? property.type.find((type) => type !== 'null') : property.type;
  if (declared === 'string' || declared === 'integer' || declared === 'number' || declared === 'boolean') return declared;
  if (declared === undefined && Array.isArray(property.enum)) return typeof property.enum[0] === 'number' ? 'number' : 'string';
  return undefined;
}

function enumLabel(labels: unknown, value: unknown, index: number): string | undefined {
  if (Array.isArray(labels)) return stringOr(labels[index]);
  if (isRecord(labels)) return stringOr(labels[String(value)]);
  return undefined;
}

const namesIn = (list: unknown): string[] => (Array.isArray(list) ? list.filter((name): name is string => typeof name === 'string') : []);

/** The property names in the order the form shows them (see the module comment). */
function orderedNames(schema: Record<string, unknown>, properties: Record<string, unknown>): string[] {
  const names = Object.keys(properties);
  const explicit = namesIn(schema['x-order']);
  const first = explicit.length > 0 ? explicit : namesIn(schema.required);
  return [...new Set([...first.filter((name) => name in properties), ...names])];
}

/** The drawable fields of a procedure's form schema, in the order the form shows them. */
export function parseFormSchema(schema: Record<string, unknown> | undefined): SchemaField[] {
  if (!schema || !isRecord(schema.properties)) return [];
  const properties = schema.properties;
  const required = new Set(namesIn(schema.required));
  const fields: SchemaField[] = [];
  for (const name of orderedNames(schema, properties)) {
    const value = properties[name];
    if (!isRecord(value)) continue;
    const valueType = typeOf(value);
    if (valueType === undefined) continue;
    const titleVi = stringOr(value.title) ?? name;
    const field: SchemaField = { name, kind: 'text', valueType, titleVi, titleEn: stringOr(value['x-title-en']) ?? titleVi, isRequired: required.has(name) };
    const descriptionVi = stringOr(value.description);
    const descriptionEn = stringOr(value['x-description-en']) ?? descriptionVi;
    if (descriptionVi) field.descriptionVi = descriptionVi;
    if (descriptionEn) field.descriptionEn = descriptionEn;
    if (value.default !== undefined) field.defaultValue = value.default;
    if (Array.isArray(value.enum) && valueType !== 'boolean') {
      field.kind = 'select';
      field.options = value.enum.map((option, index) => {
        const labelVi = enumLabel(value['x-enum-labels-vi'], option, index) ?? String(option);
        return { value: String(option), labelVi, labelEn: enumLabel(value['x-enum-labels-en'], option, index) ?? labelVi };
      });
    } else if (valueType === 'boolean') {
      field.kind = 'checkbox';
      if (value.const === true) field.mustBeTrue = true;
    } else if (valueType === 'integer' || valueType === 'number') {
      field.kind = valueType;
    } else if (value.format === 'date') {
      field.kind = 'date';
    } else if (value.format === 'email') {
      field.kind = 'email';
    }
    if (valueType === 'string') {
      const minLength = numberOr(value.minLength);
      const maxLength = numberOr(value.maxLength);
      const pattern = stringOr(value.pattern);
      if (minLength !== undefined) field.minLength = minLength;
      if (maxLength !== undefined) field.maxLength = maxLength;
      if (pattern !== undefined) field.pattern = pattern;
      if (field.kind === 'text' && (value['x-widget'] === 'textarea' || (maxLength ?? 0) >= TEXTAREA_FROM_LENGTH)) field.kind = 'textarea';
    }
    if (valueType === 'integer' || valueType === 'number') {
      const minimum = numberOr(value.minimum);
      const maximum = numberOr(value.maximum);
      if (minimum !== undefined) field.minimum = minimum;
      if (maximum !== undefined) field.maximum = maximum;
    }
    fields.push(field);
  }
  return fields;
}

/** The label and hint of a field in the reader's language. */
export function fieldTitle(field: SchemaField, locale: Locale): string {
  return locale === 'vi' ? field.titleVi : field.titleEn;
}
export function fieldDescription(field: SchemaField, locale: Locale): string | undefined {
  return locale === 'vi' ? field.descriptionVi : field.descriptionEn;
}
export function optionLabel(option: SchemaOption, locale: Locale): string {
  return locale === 'vi' ? option.labelVi : option.labelEn;
}

/** The inputs' starting values: earlier answers (a saved dossier), else the schema's defaults, else empty. */
export function initialFormValues(fields: readonly SchemaField[], data: Record<string, unknown> = {}): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const given = data[field.name] ?? field.defaultValue;
    if (field.kind === 'checkbox') values[field.name] = given === true;
    else values[field.name] = typeof given === 'string' || typeof given === 'number' ? String(given) : '';
  }
  return values;
}

function isRealDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function matchesPattern(text: string, pattern: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    // A pattern this browser cannot compile: the API checks it.
    return true;
  }
}

/** Reads a typed number, accepting the Vietnamese decimal comma; NaN when it is not a number. */
function parseNumber(text: string, valueType: 'integer' | 'number'): number {
  const normalised = text.replace(/\s/g, '').replace(',', '.');
  if (valueType === 'integer' ? !/^-?\d+$/.test(normalised) : !/^-?(\d+\.?\d*|\.\d+)$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

/**
 * Checks the answers the way the schema will (required, lengths, pattern, formats, bounds, choices) and turns
 * them into the formData to send: trimmed text, numbers as numbers, empty optional answers left out.
 */
export function checkFormValues(fields: readonly SchemaField[], values: FormValues, t: TFunction): { errors: FormErrors; data: Record<string, unknown> } {
  const errors: FormErrors = {};
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.name];
    if (field.kind === 'checkbox') {
      const checked = raw === true;
      if (field.mustBeTrue && !checked) errors[field.name] = t('procedures.validation.mustTick');
      else data[field.name] = checked;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (field.isRequired) errors[field.name] = field.kind === 'select' ? t('procedures.validation.choose') : t('procedures.validation.required');
      continue;
    }
    if (field.kind === 'select') {
      const option = field.options?.find((candidate) => candidate.value === text);
      if (option === undefined) errors[field.name] = t('procedures.validation.choose');
      else data[field.name] = field.valueType === 'string' ? option.value : Number(option.value);
      continue;
    }
    if (field.valueType === 'integer' || field.valueType === 'number') {
      const number = parseNumber(text, field.valueType);
      if (Number.isNaN(number)) errors[field.name] = t(field.valueType === 'integer' ? 'procedures.validation.integer' : 'procedures.validation.number');
      else if (field.minimum !== undefined && number < field.minimum) errors[field.name] = t('procedures.validation.minimum', { min: field.minimum });
      else if (field.maximum !== undefined && number > field.maximum) errors[field.name] = t('procedures.validation.maximum', { max: field.maximum });
      else data[field.name] = number;
      continue;
    }
    const length = [...text].length;
    if (field.kind === 'date' && !isRealDate(text)) errors[field.name] = t('procedures.validation.date');
    else if (field.kind === 'email' && !EMAIL_PATTERN.test(text)) errors[field.name] = t('procedures.validation.email');
    else if (field.minLength !== undefined && length < field.minLength) errors[field.name] = t('procedures.validation.minLength', { min: field.minLength });
    else if (field.maxLength !== undefined && length > field.maxLength) errors[field.name] = t('procedures.validation.maxLength', { max: field.maxLength });
    else if (field.pattern !== undefined && !matchesPattern(text, field.pattern)) errors[field.name] = t('procedures.validation.pattern');
    else data[field.name] = text;
  }
  return { errors, data };
}

/** An answer as a reader sees it: the option's label, "Có"/"Không", or the text. */
export function displayValue(field: SchemaField | undefined, value: unknown, locale: Locale, t: TFunction): string {
  if (value === undefined || value === null || value === '') return t('common.notProvided');
  if (typeof value === 'boolean') return value ? t('procedures.form.yes') : t('procedures.form.no');
  const option = field?.options?.find((candidate) => candidate.value === String(value));
  if (option) return optionLabel(option, locale);
  if (field?.kind === 'date' && typeof value === 'string' && isRealDate(value)) {
    const [year, month, day] = value.split('-');
    return locale === 'vi' ? `${day}/${month}/${year}` : value;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
