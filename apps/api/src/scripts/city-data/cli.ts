/**
 * Command-line helpers shared by the data generators and the benchmarks: argument parsing with sizes written the
 * way people say them (100k, 1.3M, 10_000_000) and a single-line progress display with its rate.
 * Hand-written rather than a dependency: both fit in a page, and the scripts then need nothing beyond the API's own.
 */
import { parseArgs } from 'node:util';

/** Parses a count such as 1300000, 1_300_000, 1,300,000, 100k, 1.3M or 1e6; throws on anything else. */
export function parseCount(text: string, name = 'value'): number {
  const clean = text.trim().replace(/[_,]/g, '');
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)([kKmM]?)$/.exec(clean);
  if (!match) throw new Error(`--${name} must be a whole number such as 100000, 100k or 1.3M (got "${text}")`);
  const value = Number(match[1]) * (match[2] === '' ? 1 : /k/i.test(match[2] ?? '') ? 1_000 : 1_000_000);
  if (!Number.isSafeInteger(Math.round(value)) || Math.abs(value - Math.round(value)) > 1e-9) {
    throw new Error(`--${name} must be a whole number (got "${text}")`);
  }
  return Math.round(value);
}

export type OptionSpec =
  | { type: 'count'; default: number; min?: number; max?: number }
  | { type: 'counts'; default: number[] }
  | { type: 'boolean'; default: boolean }
  | { type: 'string'; default: string | null; choices?: readonly string[] };

type ValueOf<S extends OptionSpec> = S extends { type: 'count' } ? number : S extends { type: 'counts' } ? number[] : S extends { type: 'boolean' } ? boolean : string | null;
export type ParsedOptions<T extends Record<string, OptionSpec>> = { [K in keyof T]: ValueOf<T[K]> };

/** Parses `--name value` / `--name=value` / `--flag` options by a spec; unknown options and bad values throw. */
export function parseOptions<T extends Record<string, OptionSpec>>(argv: string[], spec: T): ParsedOptions<T> {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(spec).map(([name, option]) => [name, { type: option.type === 'boolean' ? 'boolean' : 'string' }])) as Record<string, { type: 'string' | 'boolean' }>,
    strict: true,
    allowPositionals: false,
  });
  const result: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(spec)) {
    const raw = values[name];
    if (raw === undefined) {
      result[name] = option.default;
      continue;
    }
    if (option.type === 'boolean') result[name] = raw === true;
    else if (option.type === 'count') {
      const value = parseCount(String(raw), name);
      if ((option.min !== undefined && value < option.min) || (option.max !== undefined && value > option.max)) {
        throw new Error(`--${name} must be between ${option.min ?? '-∞'} and ${option.max ?? '∞'} (got ${value})`);
      }
      result[name] = value;
    } else if (option.type === 'counts') {
      result[name] = parseSizes(String(raw), name);
    } else {
      if (option.choices && !option.choices.includes(String(raw))) throw new Error(`--${name} must be one of ${option.choices.join(', ')} (got "${String(raw)}")`);
      result[name] = String(raw);
    }
  }
  return result as ParsedOptions<T>;
}

/** Splits a list of sizes written "100000,1000000" or "100k,1M" (commas separate, they never group digits here). */
export function parseSizes(text: string, name = 'sizes'): number[] {
  return text.split(',').map((part) => parseCount(part, name));
}

/** 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Seconds as "1m 05s" or "12.3s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m ${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}

/** One progress line: label, bar, done/total, rate and the time left. */
export function formatProgress(label: string, done: number, total: number, elapsedSeconds: number, width = 24): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const left = rate > 0 ? (total - done) / rate : Number.NaN;
  return `${label.padEnd(14)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${formatCount(done)}/${formatCount(total)} ${(fraction * 100).toFixed(0).padStart(3)}%  ${formatCount(rate)}/s  ${formatDuration(elapsedSeconds)} elapsed${done < total ? `, ~${formatDuration(left)} left` : ''}`;
}

/** A single-line progress display (\r on a terminal; a line every 10 % when the output is a file or a pipe). */
export class Progress {
  private readonly started = performance.now();
  private lastDraw = 0;
  private lastDecile = -1;
  private done = 0;
  private readonly label: string;
  private readonly total: number;
  private readonly stream: NodeJS.WriteStream;

  constructor(label: string, total: number, stream: NodeJS.WriteStream = process.stdout) {
    this.label = label;
    this.total = total;
    this.stream = stream;
  }

  /** Records `count` more items done and redraws at most ten times a second. */
  tick(count: number): void {
    this.done += count;
    const now = performance.now();
    if (this.stream.isTTY) {
      if (now - this.lastDraw < 100 && this.done < this.total) return;
      this.lastDraw = now;
      this.stream.write(`\r${this.line()}\x1b[K`);
    } else {
      const decile = Math.floor((this.done / Math.max(1, this.total)) * 10);
      if (decile === this.lastDecile || this.done >= this.total) return;
      this.lastDecile = decile;
      this.stream.write(`${this.line()}\n`);
    }
  }

  /** Ends the line and returns the elapsed seconds and the rate. */
  finish(): { seconds: number; rate: number } {
    const seconds = (performance.now() - this.started) / 1000;
    this.stream.write(`${this.stream.isTTY ? '\r' : ''}${this.line()}${this.stream.isTTY ? '\x1b[K' : ''}\n`);
    return { seconds, rate: seconds > 0 ? this.done / seconds : 0 };
  }

  private line(): string {
    return formatProgress(this.label, this.done, this.total, (performance.now() - this.started) / 1000);
  }
}
