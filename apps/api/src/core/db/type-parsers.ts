/**
 * One set of type parsers for both drivers, so PGlite and node-postgres return identical values:
 * int8 → number, date → 'YYYY-MM-DD' string (a business date has no time zone), point → {x, y},
 * numeric → string (exact), timestamptz → Date.
 */
export interface Point {
  x: number;
  y: number;
}

export const PG_OIDS = { int8: 20, date: 1082, point: 600, numeric: 1700, timestamptz: 1184, timestamp: 1114 } as const;

/** Parses a bigint column; values above 2^53 would lose precision, so they stay strings. */
export function parseInt8(value: string): number | string {
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : value;
}

/** Parses PostgreSQL's text form of a point, "(x,y)". */
export function parsePoint(value: string): Point {
  const [x, y] = value.replace(/[()]/g, '').split(',').map(Number);
  return { x: x ?? Number.NaN, y: y ?? Number.NaN };
}

export const sharedParsers: Record<number, (value: string) => unknown> = {
  [PG_OIDS.int8]: parseInt8,
  [PG_OIDS.date]: (value) => value,
  [PG_OIDS.point]: parsePoint,
  [PG_OIDS.numeric]: (value) => value,
  [PG_OIDS.timestamptz]: (value) => new Date(value),
};
