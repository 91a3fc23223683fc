/**
 * Schema validation of requests with Ajv. Bodies are checked strictly: no type coercion and unknown
 * fields rejected, so a wrongly typed or unexpected field is a 400 naming it. Query strings and path
 * parameters arrive as text and are coerced to the schema's types.
 */
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldProblem } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';

export interface AjvErrorLike {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function createAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true, removeAdditional: false, ...options });
  (formatsPlugin as unknown as (ajv: Ajv) => void)(ajv);
  return ajv;
}

const bodyAjv = createAjv({ coerceTypes: false });
const paramAjv = createAjv({ coerceTypes: 'array' });

/** The validator compiler Fastify uses for every route. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : paramAjv;
  const validate: ValidateFunction = ajv.compile(schema as object);
  return (data: unknown) => {
    if (validate(data)) return { value: data };
    const error = Object.assign(new Error('validation failed'), { validation: validate.errors ?? [] });
    return { error };
  };
};

const TEXT: Record<string, { vi: string; en: string }> = {
  required: { vi: 'bắt buộc', en: 'is required' },
  additionalProperties: { vi: 'không được phép', en: 'is not allowed' },
  type: { vi: 'phải có kiểu {type}', en: 'must be of type {type}' },
  format: { vi: 'sai định dạng {format}', en: 'must be a valid {format}' },
  minLength: { vi: 'cần ít nhất {limit} ký tự', en: 'must have at least {limit} characters' },
  maxLength: { vi: 'tối đa {limit} ký tự', en: 'must have at most {limit} characters' },
  minimum: { vi: 'phải ≥ {limit}', en: 'must be ≥ {limit}' },
  maximum: { vi: 'phải ≤ {limit}', en: 'must be ≤ {limit}' },
  minItems: { vi: 'cần ít nhất {limit} phần tử', en: 'must have at least {limit} items' },
  maxItems: { vi: 'tối đa {limit} phần tử', en: 'must have at most {limit} items' },
  minProperties: { vi: 'cần ít nhất {limit} trường', en: 'must have at least {limit} fields' },
  pattern: { vi: 'không đúng định dạng', en: 'has the wrong format' },
  enum: { vi: 'không phải giá trị cho phép', en: 'is not an allowed value' },
  const: { vi: 'không phải giá trị cho phép', en: 'is not an allowed value' },
  anyOf: { vi: 'không phải giá trị cho phép', en: 'is not an allowed value' },
};

/** Turns Ajv errors into field problems with localised messages; fields are dotted paths (roles.0.role). */
export function describeValidationErrors(errors: AjvErrorLike[], context: string | undefined, locale: Locale): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  const prefix = context && context !== 'body' ? `${context === 'querystring' ? 'query' : context}.` : '';
  // A failed union reports each branch; its own anyOf error says it once.
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && [...unionPaths].some((p) => error.instancePath === p)) continue;
    let path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (error.keyword === 'required') path = [path, String(error.params.missingProperty)].filter(Boolean).join('.');
    if (error.keyword === 'additionalProperties') path = [path, String(error.params.additionalProperty)].filter(Boolean).join('.');
    const field = `${prefix}${path || '(root)'}`;
    const template = TEXT[error.keyword]?.[locale] ?? error.message ?? 'invalid';
    const message = template.replace(/\{(\w+)\}/g, (_m, name: string) => String(error.params[name] ?? ''));
    const key = `${field}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ field, message });
  }
  return problems;
}
