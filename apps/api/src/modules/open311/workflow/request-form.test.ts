import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { ParameterReader, parseFormBody, type Parameters } from './parameters.ts';
import { answersOf, open311FieldName, parseAttributes, parseServiceRequestForm, toSubmitReportRequest } from './request-form.ts';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const VALID = 'api_key=k&service_code=STREET_LIGHT&lat=16.4698&long=107.5786&description=%C4%90%C3%A8n+%C4%91%C6%B0%E1%BB%9Dng+h%E1%BB%8Fng+c%E1%BA%A3+tu%E1%BA%A7n&attribute[light_state]=off';

describe('form bodies', () => {
  it("decodes '+' as a space and keeps repeated names", () => {
    expect(parseFormBody('a=x+y&b=1&b=2&c=%C4%91')).toEqual({ a: ['x y'], b: ['1', '2'], c: ['đ'] });
  });
});

describe('attributes', () => {
  it('reads attribute[code] and attribute[code][] and drops empty values', () => {
    const reader = new ParameterReader({});
    const attributes = parseAttributes({ 'attribute[light_state]': ['off'], 'attribute[kinds][]': ['a', 'b'], 'attribute[empty]': [''], description: ['x'] }, reader);
    expect(attributes).toEqual({ light_state: ['off'], kinds: ['a', 'b'] });
    expect(reader.problems).toEqual([]);
  });

  it('refuses malformed codes and several values for a one-value question', () => {
    const reader = new ParameterReader({});
    const answers = answersOf(parseAttributes({ 'attribute[Bad Code]': ['x'], 'attribute[kinds][]': ['a', 'b'], 'attribute[one][]': ['only'] }, reader), reader);
    expect(answers).toEqual({ one: 'only' });
    expect(reader.problems).toEqual([
      { field: 'attribute[Bad Code]', message: 'is not an attribute of this service' },
      { field: 'attribute[kinds]', message: 'takes one value' },
    ]);
  });
});

describe('POST requests form', () => {
  it('reads a valid request with its contact', () => {
    const form = parseServiceRequestForm(parseFormBody(`${VALID}&email=a%40b.vn&first_name=An&last_name=Nguy%E1%BB%85n&phone=0905&device_id=d1&account_id=u7&media_url=https%3A%2F%2Fexample.org%2Fp.jpg&address_string=23+Th%C3%A1ng+8`));
    expect(form).toEqual({
      serviceCode: 'STREET_LIGHT',
      location: { lat: 16.4698, lng: 107.5786 },
      address: '23 Tháng 8',
      description: 'Đèn đường hỏng cả tuần',
      answers: { light_state: 'off' },
      mediaUrl: 'https://example.org/p.jpg',
      contact: { email: 'a@b.vn', firstName: 'An', lastName: 'Nguyễn', phone: '0905', deviceId: 'd1', accountId: 'u7' },
    });
    expect(toSubmitReportRequest(form)).toEqual({
      categoryCode: 'STREET_LIGHT',
      description: 'Đèn đường hỏng cả tuần',
      location: { lat: 16.4698, lng: 107.5786 },
      address: '23 Tháng 8',
      answers: { light_state: 'off' },
    });
  });

  it('needs lat/long: an address alone is refused as location required', () => {
    const error = refusal(() => parseServiceRequestForm(parseFormBody('service_code=GARBAGE&description=R%C3%A1c+t%E1%BB%93n+%C4%91%E1%BB%8Dng&address_string=1+L%C3%AA+L%E1%BB%A3i')));
    expect(error.code).toBe('open311.location_required');
  });

  const refusals: [string, Parameters, string][] = [
    ['lat without long', { service_code: ['GARBAGE'], description: ['Rác tồn đọng nhiều ngày'], lat: ['16.4'] }, 'long'],
    ['long without lat', { service_code: ['GARBAGE'], description: ['Rác tồn đọng nhiều ngày'], long: ['107.5'] }, 'lat'],
    ['a latitude that is not a number', { service_code: ['GARBAGE'], description: ['Rác tồn đọng'], lat: ['north'], long: ['107.5'] }, 'lat'],
    ['a latitude beyond 90', { service_code: ['GARBAGE'], description: ['Rác tồn đọng'], lat: ['91'], long: ['107.5'] }, 'lat'],
    ['no service_code', { description: ['Rác tồn đọng nhiều ngày'], lat: ['16.4'], long: ['107.5'] }, 'service_code'],
    ['no description', { service_code: ['GARBAGE'], lat: ['16.4'], long: ['107.5'] }, 'description'],
    ['a description over 4000 characters', { service_code: ['GARBAGE'], description: ['x'.repeat(4001)], lat: ['16.4'], long: ['107.5'] }, 'description'],
    ['an unknown parameter', { service_code: ['GARBAGE'], description: ['Rác tồn đọng'], lat: ['16.4'], long: ['107.5'], colour: ['red'] }, 'colour'],
    ['a media_url that is not a web address', { service_code: ['GARBAGE'], description: ['Rác tồn đọng'], lat: ['16.4'], long: ['107.5'], media_url: ['javascript:alert(1)'] }, 'media_url'],
    ['an e-mail without @', { service_code: ['GARBAGE'], description: ['Rác tồn đọng'], lat: ['16.4'], long: ['107.5'], email: ['nobody'] }, 'email'],
    ['service_code twice', { service_code: ['GARBAGE', 'TREES'], description: ['Rác tồn đọng'], lat: ['16.4'], long: ['107.5'] }, 'service_code'],
  ];
  for (const [name, parameters, field] of refusals) {
    it(`refuses ${name}, naming ${field}`, () => {
      const error = refusal(() => parseServiceRequestForm(parameters));
      expect(error.code).toBe('open311.invalid_parameter');
      expect(error.fields?.map((f) => f.field)).toContain(field);
    });
  }

  it('keeps HTML as text', () => {
    const form = parseServiceRequestForm({ service_code: ['OTHER'], description: ['<b>đèn</b> & <script>x</script>'], lat: ['16.4'], long: ['107.5'] });
    expect(form.description).toBe('<b>đèn</b> & <script>x</script>');
  });
});

describe('field names', () => {
  it('names our fields by their Open311 parameters', () => {
    expect(open311FieldName('answers.light_state')).toBe('attribute[light_state]');
    expect(open311FieldName('categoryCode')).toBe('service_code');
    expect(open311FieldName('location')).toBe('lat');
    expect(open311FieldName('location.lng')).toBe('long');
    expect(open311FieldName('address')).toBe('address_string');
    expect(open311FieldName('photos')).toBe('media_url');
    expect(open311FieldName('description')).toBe('description');
  });
});
