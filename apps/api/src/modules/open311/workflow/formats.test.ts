import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, errorLocaleOf, formatOfUrl, splitFormat } from './formats.ts';

describe('formats by extension', () => {
  it('splits a resource name from its format', () => {
    expect(splitFormat('PA-261129-0001.json')).toEqual({ base: 'PA-261129-0001', format: 'json' });
    expect(splitFormat('STREET_LIGHT.XML')).toEqual({ base: 'STREET_LIGHT', format: 'xml' });
    expect(splitFormat('a.b.xml')).toEqual({ base: 'a.b', format: 'xml' });
  });

  it('refuses names without a known extension', () => {
    for (const name of ['PA-261129-0001', 'x.html', '.json', 'json', 'x.']) expect(splitFormat(name), name).toBeNull();
  });

  it('answers errors in JSON only for a .json path', () => {
    expect(formatOfUrl('/open311/v2/requests.json?status=open')).toBe('json');
    expect(formatOfUrl('/open311/v2/requests.xml')).toBe('xml');
    expect(formatOfUrl('/open311/v2/nothing')).toBe('xml');
    expect(formatOfUrl('/open311/v2/x?format=.json')).toBe('xml');
  });

  it('names the content types of the specification', () => {
    expect(CONTENT_TYPES).toEqual({ xml: 'text/xml; charset=utf-8', json: 'application/json; charset=utf-8' });
  });
});

describe('error language', () => {
  it('is English unless Vietnamese is preferred', () => {
    expect(errorLocaleOf(undefined)).toBe('en');
    expect(errorLocaleOf('fr')).toBe('en');
    expect(errorLocaleOf('vi')).toBe('vi');
    expect(errorLocaleOf('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(errorLocaleOf('en;q=0.9,vi;q=0.5')).toBe('en');
    expect(errorLocaleOf('en, vi')).toBe('en');
    expect(errorLocaleOf('vi;q=0')).toBe('en');
  });
});
