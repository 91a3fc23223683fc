/**
 * Reading Open311 parameters, from a query string or a form body, as lists of values per name. The
 * specification's rule for optional arguments holds throughout: an empty parameter is the same as an absent one.
 */
import type { FieldProblem } from '../../../core/errors.ts';

/** Parameters by name; each name may have been sent several times. */
export type Parameters = Record<string, string[]>;

/** Turns Fastify's parsed query (a string, or an array for a repeated name) into Parameters. */
export function parametersOfQuery(query: unknown): Parameters {
  const parameters: Parameters = {};
  if (!query || typeof query !== 'object') return parameters;
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    parameters[name] = values.filter((item): item is string => typeof item === 'string');
  }
  return parameters;
}

/** Parses an application/x-www-form-urlencoded body ('+' is a space, repeated names keep every value). */
export function parseFormBody(body: string): Parameters {
  const parameters: Parameters = {};
  for (const [name, value] of new URLSearchParams(body)) (parameters[name] ??= []).push(value);
  return parameters;
}

/** Collects field problems while reading parameters, so one answer names every wrong parameter. */
export class ParameterReader {
  readonly problems: FieldProblem[] = [];
  readonly parameters: Parameters;

  constructor(parameters: Parameters) {
    this.parameters = parameters;
  }

  /** One trimmed value, or undefined when absent or empty; a name sent twice is a problem. */
  single(name: string, options: { maxLength?: number } = {}): string | undefined {
    const values = (this.parameters[name] ?? []).map((value) => value.trim()).filter((value) => value !== '');
    if (values.length === 0) return undefined;
    if (values.length > 1) {
      this.problem(name, 'is given more than once');
      return undefined;
    }
    const value = values[0] as string;
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      this.problem(name, `must have at most ${options.maxLength} characters`);
      return undefined;
    }
    return value;
  }

  /** A comma-separated list, without empty items; undefined when absent or empty. */
  list(name: string, options: { maxItems: number }): string[] | undefined {
    const text = this.single(name);
    if (text === undefined) return undefined;
    const items = [...new Set(text.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
    if (items.length === 0) return undefined;
    if (items.length > options.maxItems) {
      this.problem(name, `must list at most ${options.maxItems} values`);
      return undefined;
    }
    return items;
  }

  /** A whole number within [min, max], or the fallback when absent. */
  integer(name: string, fallback: number, min: number, max: number): number {
    const text = this.single(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
      this.problem(name, `must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  /** A boolean flag: true/false or 1/0 (any case), false when absent. */
  flag(name: string): boolean {
    const text = this.single(name)?.toLowerCase();
    if (text === undefined || text === 'false' || text === '0') return false;
    if (text === 'true' || text === '1') return true;
    this.problem(name, 'must be true or false');
    return false;
  }

  problem(field: string, message: string): void {
    this.problems.push({ field, message });
  }
}
