import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { vi as vietnamese } from './vi.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((match) => match[1]).sort();

describe('translation resources', () => {
  const viKeys = flatten(vietnamese);
  const enKeys = flatten(en);

  it('have exactly the same keys in Vietnamese and English', () => {
    const missingInEnglish = [...viKeys.keys()].filter((key) => !enKeys.has(key));
    const missingInVietnamese = [...enKeys.keys()].filter((key) => !viKeys.has(key));
    expect({ missingInEnglish, missingInVietnamese }).toEqual({ missingInEnglish: [], missingInVietnamese: [] });
  });

  it('have no empty strings', () => {
    const empty = [...viKeys, ...enKeys].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const mismatched = [...viKeys.keys()].filter(
      (key) => JSON.stringify(placeholders(viKeys.get(key) ?? '')) !== JSON.stringify(placeholders(enKeys.get(key) ?? '')),
    );
    expect(mismatched).toEqual([]);
  });

  it('use no plural suffixes, which Vietnamese would not have', () => {
    const plural = [...viKeys.keys(), ...enKeys.keys()].filter((key) => /_(zero|one|two|few|many|other)$/.test(key));
    expect(plural).toEqual([]);
  });
});
