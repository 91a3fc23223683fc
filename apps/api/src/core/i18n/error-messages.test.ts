import { describe, expect, it } from 'vitest';
import { messageCatalogue } from './error-messages.ts';

describe('error catalogue', () => {
  it('has a Vietnamese and an English message and a 4xx/5xx status for every code', () => {
    for (const [code, entry] of Object.entries(messageCatalogue)) {
      expect(code).toMatch(/^[a-z][a-z0-9]*\.[a-z_]+$/);
      expect(entry.vi.length, code).toBeGreaterThan(5);
      expect(entry.en.length, code).toBeGreaterThan(5);
      expect(entry.vi, code).not.toBe(entry.en);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      // Placeholders must be the same in both languages.
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(entry.vi), code).toEqual(names(entry.en));
    }
  });
});
