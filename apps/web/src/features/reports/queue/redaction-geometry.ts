import type { RedactionBox } from '../reports.api.ts';

export type Point = { x: number; y: number };
export type Size = { width: number; height: number };
/** A box as typed in the form: percentages of the picture, as text. */
export type PercentBox = { x: string; y: string; width: string; height: string };

/** The most boxes one redaction may carry (the API's limit). */
export const MAX_BOXES = 30;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The box dragged between two points on the displayed picture (pixels from its top-left corner), as fractions
 * 0–1 of the picture. Works whichever way the drag went; points outside the picture are pulled back onto it.
 */
export function pixelsToFractions(start: Point, end: Point, displayed: Size): RedactionBox {
  if (displayed.width <= 0 || displayed.height <= 0) return { x: 0, y: 0, width: 0, height: 0 };
  const left = clamp(Math.min(start.x, end.x), 0, displayed.width);
  const right = clamp(Math.max(start.x, end.x), 0, displayed.width);
  const top = clamp(Math.min(start.y, end.y), 0, displayed.height);
  const bottom = clamp(Math.max(start.y, end.y), 0, displayed.height);
  const x = round(left / displayed.width, 4);
  const y = round(top / displayed.height, 4);
  return {
    x,
    y,
    width: Math.min(round((right - left) / displayed.width, 4), round(1 - x, 4)),
    height: Math.min(round((bottom - top) / displayed.height, 4), round(1 - y, 4)),
  };
}

/** A fraction box as percentages for the form (one decimal). */
export function fractionsToPercent(box: RedactionBox): PercentBox {
  const text = (value: number) => String(round(value * 100, 1));
  return { x: text(box.x), y: text(box.y), width: text(box.width), height: text(box.height) };
}

/** A typed box as fractions, or undefined unless it is a non-empty box inside the picture. */
export function percentToFractions(box: PercentBox): RedactionBox | undefined {
  const values = [box.x, box.y, box.width, box.height].map((text) => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.'))));
  const [x, y, width, height] = values as [number, number, number, number];
  if (values.some((value) => !Number.isFinite(value))) return undefined;
  if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > 100.0001 || y + height > 100.0001) return undefined;
  return {
    x: round(x / 100, 4),
    y: round(y / 100, 4),
    width: Math.min(round(width / 100, 4), round(1 - x / 100, 4)),
    height: Math.min(round(height / 100, 4), round(1 - y / 100, 4)),
  };
}

/** Adds a cache-busting parameter so the browser fetches the repainted picture. */
export function withVersion(url: string, version: number): string {
  if (version === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}v=${version}`;
}
