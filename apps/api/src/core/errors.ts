/**
 * The one error type of the platform. Services throw AppError with a stable code; the HTTP layer maps
 * it once to RFC 9457 problem+json with the status and a localised message from the catalogue.
 */
import { messageCatalogue, type ErrorCode } from './i18n/error-messages.ts';

export type { ErrorCode } from './i18n/error-messages.ts';

/** A message parameter: a plain value, or a text per language. */
export type MessageParam = string | number | { vi: string; en: string };

/** An Ajv error as the HTTP layer describes it (instancePath, keyword, params). */
export interface ValidationErrorLike {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, MessageParam>;
  readonly fields: FieldProblem[] | undefined;
  /** Extra headers the HTTP layer adds to the response (e.g. Retry-After). */
  readonly headers: Record<string, string>;
  /** Schema errors of a part of the request (e.g. an application form), localised by the HTTP layer. */
  readonly validation: { errors: ValidationErrorLike[]; context: string } | undefined;

  constructor(
    code: ErrorCode,
    options: {
      params?: Record<string, MessageParam>;
      fields?: FieldProblem[];
      headers?: Record<string, string>;
      validation?: { errors: ValidationErrorLike[]; context: string };
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = messageCatalogue[code].status;
    this.params = options.params ?? {};
    this.fields = options.fields;
    this.headers = options.headers ?? {};
    this.validation = options.validation;
  }
}

/** True when the value is an AppError with the given code (or any AppError when no code is given). */
export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}
