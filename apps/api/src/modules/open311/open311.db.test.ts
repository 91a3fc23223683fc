import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, loginToken, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const staff: Record<string, string> = {};
const KEY = 'demo-open311-key';
// Phú Xuân ward centre (the Citadel) and a point in the sea, outside every ward.
const PHU_XUAN = { lat: '16.4698', long: '107.5786' };
const SEA = { lat: '16.9', long: '108.3' };
// What a client tells us about the reporter: none of it may come out of a public endpoint.
const CONTACT = { email: 'le.thi.mai@example.org', first_name: 'Mai', last_name: 'Lê Thị', phone: '0905123456', device_id: 'device-7f3a', account_id: 'acct-991' };
const PRIVATE = /le\.thi\.mai|Lê Thị|0905123456|device-7f3a|open311\.demo@|Ứng dụng tích hợp mẫu|reporter|actor_id|officer/;

const LISTS = new Set(['service', 'request', 'error', 'attribute', 'value', 'note', 'format', 'endpoint', 'request_update']);
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.has(name) });

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, login] of Object.entries({ admin: 'admin@demo.onecity.local', citizen: 'citizen@demo.onecity.local', ioc: 'ioc@demo.onecity.local', wardOfficer: 'ward.officer@demo.onecity.local' })) {
    staff[name] = await loginToken(t.app, login);
  }
});
afterAll(async () => t?.dispose());

function form(fields: Record<string, string | string[]>): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  return body.toString();
}

const get = (path: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/open311/v2/${path}`, headers });
const post = (path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/open311/v2/${path}`, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers }, payload: form(fields) });
const act = (who: string, code: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/reports/${code}/actions`, headers: { authorization: `Bearer ${staff[who]}` }, payload });

function xml(body: string): Record<string, unknown> {
  expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(XMLValidator.validate(body)).toBe(true);
  return parser.parse(body) as Record<string, unknown>;
}

type Json = Record<string, unknown>;

function expectJson(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
}

function expectXml(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
}

/** Files a request through Open311 and returns its id and token. */
async function file(fields: Record<string, string | string[]> = {}): Promise<{ id: string; token: string }> {
  const response = await post('requests.json', {
    api_key: KEY,
    service_code: 'GARBAGE',
    ...PHU_XUAN,
    description: 'Rác tồn đọng ba ngày chưa được thu gom ở đầu kiệt.',
    ...fields,
  });
  expectJson(response);
  const [created] = response.json() as { service_request_id: string; token: string }[];
  return { id: created?.service_request_id ?? '', token: created?.token ?? '' };
}

async function requestJson(id: string, query = ''): Promise<Json> {
  const response = await get(`requests/${id}.json${query}`);
  expectJson(response);
  const list = response.json() as Json[];
  expect(list).toHaveLength(1);
  return list[0] as Json;
}

describe('discovery', () => {
  it('describes the endpoint in JSON and XML', async () => {
    const json = await get('discovery.json', { 'accept-language': 'en' });
    expectJson(json);
    expect(json.json()).toMatchObject({
      contact: expect.stringContaining('http://localhost:3000'),
      key_service: expect.stringMatching(/lat and long/),
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost:3000/open311/v2', type: 'production', formats: ['text/xml', 'application/json'] }],
    });
    expect(json.json().changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect((await get('discovery.json')).json().key_service).toMatch(/phải có lat và long/);
    const doc = await get('discovery.xml');
    expectXml(doc);
    expect(xml(doc.body)).toMatchObject({ discovery: { changeset: json.json().changeset, endpoints: { endpoint: [{ url: 'http://localhost:3000/open311/v2', formats: { format: ['text/xml', 'application/json'] } }] } } });
  });

  it('moves the changeset when a category changes', async () => {
    const before = (await get('discovery.json')).json().changeset;
    const body = { code: 'NOISE', nameVi: 'Tiếng ồn', nameEn: 'Noise', groupVi: 'Môi trường', groupEn: 'Environment' };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/reports/categories', headers: { authorization: `Bearer ${staff.admin}` }, payload: body });
    expect(created.statusCode).toBe(201);
    expect((await get('discovery.json')).json().changeset > before).toBe(true);
  });
});

describe('services', () => {
  it('lists every active category as a realtime service, in both formats', async () => {
    const json = await get('services.json');
    expectJson(json);
    const services = json.json() as Json[];
    expect(Array.isArray(services)).toBe(true);
    expect(services.find((s) => s.service_code === 'STREET_LIGHT')).toEqual({
      service_code: 'STREET_LIGHT',
      service_name: 'Chiếu sáng công cộng',
      description: 'Đèn đường hỏng, không sáng, sáng ban ngày hoặc chập chờn.',
      metadata: true,
      type: 'realtime',
      keywords: 'đèn,đèn đường,chiếu sáng,light,lamp',
      group: 'Hạ tầng đô thị',
    });
    expect(services.find((s) => s.service_code === 'GARBAGE')?.metadata).toBe(false);
    expect(services.every((s) => typeof s.service_code === 'string')).toBe(true);
    const doc = await get('services.xml');
    expectXml(doc);
    const list = (xml(doc.body).services as { service: Json[] }).service;
    expect(list.map((s) => s.service_code)).toEqual(services.map((s) => s.service_code));
    expect(list.find((s) => s.service_code === 'STREET_LIGHT')).toMatchObject({ metadata: 'true', type: 'realtime' });
  });

  it('names services in English when asked', async () => {
    const services = (await get('services.json', { 'accept-language': 'en' })).json() as Json[];
    expect(services.find((s) => s.service_code === 'STREET_LIGHT')).toMatchObject({ service_name: 'Street lighting', group: 'Urban infrastructure' });
  });

  it('defines a service by its questions', async () => {
    const json = await get('services/STREET_LIGHT.json', { 'accept-language': 'en' });
    expectJson(json);
    expect(json.json()).toEqual({
      service_code: 'STREET_LIGHT',
      attributes: [
        {
          variable: true,
          code: 'light_state',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: expect.any(String),
          order: 1,
          description: 'State of the light',
          values: [
            { key: 'off', name: 'Not working' },
            { key: 'flickering', name: 'Flickering' },
            { key: 'day', name: 'On in daytime' },
          ],
        },
        { variable: true, code: 'pole_number', datatype: 'string', required: false, datatype_description: expect.any(String), order: 2, description: 'Pole number (if any)' },
      ],
    });
    const doc = await get('services/FLOODING.xml');
    expectXml(doc);
    expect(xml(doc.body)).toMatchObject({
      service_definition: { service_code: 'FLOODING', attributes: { attribute: [{ code: 'water_depth_cm', datatype: 'number', required: 'false', order: '1', description: 'Độ sâu nước ước tính (cm)' }] } },
    });
  });

  it('accepts the configured jurisdiction and refuses others with 404', async () => {
    expectJson(await get('services.json?jurisdiction_id=localhost'));
    expectJson(await get('services.json?jurisdiction_id='));
    const unknown = await get('services.json?jurisdiction_id=sfgov.org');
    expectJson(unknown, 404);
    expect(unknown.json()).toEqual([{ code: 404, description: expect.stringContaining('sfgov.org') }]);
    const unknownXml = await get('services/STREET_LIGHT.xml?jurisdiction_id=sfgov.org');
    expectXml(unknownXml, 404);
    expect(xml(unknownXml.body)).toMatchObject({ errors: { error: [{ code: '404' }] } });
  });

  it('answers 404 for an unknown service in both formats', async () => {
    const json = await get('services/UFO.json');
    expectJson(json, 404);
    expect(json.json()).toEqual([{ code: 404, description: 'There is no report category UFO. (service_code: unknown)' }]);
    const doc = await get('services/UFO.xml');
    expectXml(doc, 404);
    expect(xml(doc.body)).toEqual({ '?xml': '', errors: { error: [{ code: '404', description: 'There is no report category UFO. (service_code: unknown)' }] } });
  });
});

describe('filing a request', () => {
  it('files, routes and answers with the id, the token and the routing notice; round trip through GET', async () => {
    const [reports, audit] = [await countRows(t, 'reports'), await countRows(t, 'audit_log')];
    const response = await post('requests.xml', {
      api_key: KEY,
      jurisdiction_id: 'localhost',
      service_code: 'STREET_LIGHT',
      ...PHU_XUAN,
      address_string: '23 Tháng 8, Phú Xuân',
      description: 'Đèn đường trước cổng Ngọ Môn không sáng cả tuần nay.',
      'attribute[light_state]': 'off',
      'attribute[pole_number]': 'NM-12',
      media_url: 'https://example.org/photos/1.jpg',
      ...CONTACT,
    });
    expectXml(response);
    const [created] = (xml(response.body).service_requests as { request: Json[] }).request;
    expect(created).toMatchObject({ service_request_id: expect.stringMatching(/^PA-\d{6}-\d{4}$/), token: expect.any(String), account_id: 'acct-991' });
    expect(String(created?.service_notice)).toMatch(/^Phường Phú Xuân · Chiếu sáng công cộng → /);
    const id = String(created?.service_request_id);
    expect(await countRows(t, 'reports')).toBe(reports + 1);
    expect(await countRows(t, 'audit_log')).toBeGreaterThan(audit);

    const stored = await t.handle.db.selectFrom('reports').select(['channel', 'answers', 'reporter_id']).where('code', '=', id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ channel: 'open311', answers: { light_state: 'off', pole_number: 'NM-12' } });
    const client = await t.handle.db.selectFrom('open311_clients').select(['service_user_id', 'api_key_hash']).where('name', '=', 'Ứng dụng tích hợp mẫu (demo)').executeTakeFirstOrThrow();
    expect(stored.reporter_id).toBe(client.service_user_id);
    expect(client.api_key_hash).not.toContain(KEY);
    const row = await t.handle.db.selectFrom('open311_requests').selectAll().where('report_code', '=', id).executeTakeFirstOrThrow();
    expect(row.contact).toEqual({ email: 'le.thi.mai@example.org', firstName: 'Mai', lastName: 'Lê Thị', phone: '0905123456', deviceId: 'device-7f3a', accountId: 'acct-991' });
    const actions = (await t.handle.db.selectFrom('audit_log').select('action').where('seq', '>', audit).execute()).map((r) => r.action);
    expect(actions).toEqual(['report.submit', 'open311_request.create']);
    const auditText = JSON.stringify(await t.handle.db.selectFrom('audit_log').select('diff').where('seq', '>', audit).execute());
    expect(auditText).not.toMatch(/le\.thi\.mai|0905123456/);

    const request = await requestJson(id);
    expect(request).toEqual({
      service_request_id: id,
      status: 'open',
      status_notes: null,
      service_name: 'Chiếu sáng công cộng',
      service_code: 'STREET_LIGHT',
      description: 'Đèn đường trước cổng Ngọ Môn không sáng cả tuần nay.',
      agency_responsible: expect.any(String),
      service_notice: created?.service_notice,
      requested_datetime: expect.stringMatching(/\+07:00$/),
      updated_datetime: expect.stringMatching(/\+07:00$/),
      expected_datetime: expect.stringMatching(/T17:00:00\+07:00$/),
      address: '23 Tháng 8, Phú Xuân',
      address_id: 'PHUXUAN',
      zipcode: null,
      lat: 16.4698,
      long: 107.5786,
      media_url: 'https://example.org/photos/1.jpg',
    });
    const doc = await get(`requests/${id}.xml`);
    expectXml(doc);
    expect((xml(doc.body).service_requests as { request: Json[] }).request[0]).toMatchObject({ service_request_id: id, status: 'open', lat: '16.4698', long: '107.5786', zipcode: '' });

    const token = await get(`tokens/${String(created?.token)}.json`);
    expectJson(token);
    expect(token.json()).toEqual([{ service_request_id: id, token: created?.token }]);
    const tokenXml = await get(`tokens/${String(created?.token)}.xml`);
    expectXml(tokenXml);
    expect(xml(tokenXml.body)).toMatchObject({ service_requests: { request: [{ service_request_id: id, token: created?.token }] } });

    for (const path of [`requests/${id}.json?extensions=true`, `requests/${id}.xml?extensions=true`, 'requests.json?extensions=true', 'requests.xml', `tokens/${String(created?.token)}.json`, 'servicerequestupdates.json']) {
      const body = (await get(path)).body;
      expect(body, path).toContain(id.slice(0, 3));
      expect(body, path).not.toMatch(PRIVATE);
    }
  });

  it('takes attribute[code][] with one value and keeps HTML as text', async () => {
    const { id } = await file({ service_code: 'STREET_LIGHT', 'attribute[light_state][]': 'flickering', description: '<b>Đèn</b> chập chờn <script>alert(1)</script>' });
    const request = await requestJson(id);
    expect(request.description).toBe('<b>Đèn</b> chập chờn <script>alert(1)</script>');
    const doc = await get(`requests/${id}.xml`);
    expect(doc.body).toContain('&lt;script&gt;');
    expect((xml(doc.body).service_requests as { request: Json[] }).request[0]?.description).toBe('<b>Đèn</b> chập chờn <script>alert(1)</script>');
  });

  it('accepts the api_key in the query string', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.json?api_key=${KEY}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ service_code: 'GARBAGE', ...PHU_XUAN, description: 'Thùng rác đầy tràn ra đường.' }),
    });
    expectJson(response);
  });

  const refusals: [string, Record<string, string | string[]>, number, RegExp][] = [
    ['no api_key', { api_key: '' }, 403, /api_key/],
    ['an invalid api_key', { api_key: 'not-a-key' }, 403, /api_key/],
    ['an unknown service', { service_code: 'UFO' }, 404, /UFO/],
    ['a malformed service code', { service_code: 'ufo<1>' }, 404, /ufo/],
    ['no service_code', { service_code: '' }, 400, /service_code: is required/],
    ['lat without long', { long: '' }, 400, /long: is required with lat/],
    ['an address without coordinates', { lat: '', long: '', address_string: '1 Lê Lợi' }, 400, /^location required: this server needs lat\/long/],
    ['a place outside the city', SEA, 400, /outside the city/],
    ['an answer outside the options', { service_code: 'STREET_LIGHT', 'attribute[light_state]': 'purple' }, 400, /attribute\[light_state\]: not one of the options/],
    ['a missing required attribute', { service_code: 'STREET_LIGHT' }, 400, /attribute\[light_state\]: required/],
    ['an unknown attribute', { 'attribute[colour]': 'red' }, 400, /attribute\[colour\]: unknown question/],
    ['two values for a one-value attribute', { service_code: 'STREET_LIGHT', 'attribute[light_state][]': ['off', 'day'] }, 400, /attribute\[light_state\]: takes one value/],
    ['a non-numeric number', { service_code: 'FLOODING', 'attribute[water_depth_cm]': 'deep' }, 400, /attribute\[water_depth_cm\]: must be a number/],
    ['no description', { description: '' }, 400, /description: is required/],
    ['a too short description', { description: 'Rác' }, 400, /description: must have at least 10 characters/],
    ['a description over 4000 characters', { description: 'x'.repeat(4001) }, 400, /description: must have at most 4000 characters/],
    ['an unknown parameter', { colour: 'red' }, 400, /colour: is not a parameter/],
    ['an unknown jurisdiction', { jurisdiction_id: 'sfgov.org' }, 404, /sfgov\.org/],
  ];
  for (const [name, fields, status, description] of refusals) {
    it(`refuses ${name} with ${status}, storing nothing`, async () => {
      const [reports, requests, audit] = [await countRows(t, 'reports'), await t.handle.db.selectFrom('open311_requests').select('id').execute(), await countRows(t, 'audit_log')];
      const base = { api_key: KEY, service_code: 'GARBAGE', ...PHU_XUAN, description: 'Rác tồn đọng ba ngày chưa được thu gom ở đầu kiệt.' };
      const merged = Object.fromEntries(Object.entries({ ...base, ...fields }).filter(([, value]) => value !== ''));
      for (const format of ['json', 'xml'] as const) {
        const response = await post(`requests.${format}`, merged);
        expect(response.statusCode, response.body).toBe(status);
        const errors = format === 'json' ? (response.json() as Json[]) : (xml(response.body).errors as { error: Json[] }).error;
        expect(errors).toHaveLength(1);
        expect(Number(errors[0]?.code)).toBe(status);
        expect(String(errors[0]?.description)).toMatch(description);
        expect(response.headers['content-type']).toBe(format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8');
      }
      expect(await countRows(t, 'reports')).toBe(reports);
      expect(await t.handle.db.selectFrom('open311_requests').select('id').execute()).toHaveLength(requests.length);
      expect(await countRows(t, 'audit_log')).toBe(audit);
    });
  }

  it('refuses a JSON body', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { api_key: KEY, service_code: 'GARBAGE' } });
    expectJson(response, 400);
    expect(response.json()[0].description).toMatch(/application\/x-www-form-urlencoded/);
  });

  it('refuses other body types and bodies over the limit with 400', async () => {
    const multipart = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--' });
    expectXml(multipart, 400);
    expect(xml(multipart.body)).toMatchObject({ errors: { error: [{ code: '400', description: expect.stringContaining('multipart/form-data') }] } });
    const huge = await post('requests.json', { api_key: KEY, description: 'x'.repeat(2_000_000) });
    expectJson(huge, 400);
    expect(huge.json()[0].description).toMatch(/exceeds/);
  });

  it('describes errors in Vietnamese when asked', async () => {
    const response = await post('requests.json', { service_code: 'GARBAGE' }, { 'accept-language': 'vi' });
    expect(response.json()).toEqual([{ code: 403, description: 'Thiếu hoặc sai api_key.' }]);
  });
});

describe('filing atomically', () => {
  it('files nothing when the token cannot be stored, so a client retry never makes a duplicate', async () => {
    const { sql } = await import('kysely');
    // Make storing the token fail the way a lost connection or a full disk would, after the report row is written.
    await sql.raw(`create function open311_refuse_token() returns trigger language plpgsql as $$ begin raise exception 'token store unavailable'; end $$`).execute(t.handle.db);
    await sql.raw(`create trigger open311_refuse_token before insert on open311_requests for each row execute function open311_refuse_token()`).execute(t.handle.db);
    try {
      const [reports, events] = [await countRows(t, 'reports'), await countRows(t, 'audit_log')];
      const response = await post('requests.json', {
        api_key: KEY,
        jurisdiction_id: 'localhost',
        service_code: 'STREET_LIGHT',
        ...PHU_XUAN,
        description: 'Đèn đường hỏng, gửi lại nhiều lần.',
        'attribute[light_state]': 'off',
      });
      // GeoReport v2 answers a general failure with 400 (the details stay in the log).
      expect(response.statusCode, response.body).toBe(400);
      expect(response.body).toContain('internal error');
      expect(await countRows(t, 'reports')).toBe(reports);
      expect(await countRows(t, 'audit_log')).toBe(events);
    } finally {
      await sql.raw('drop trigger open311_refuse_token on open311_requests').execute(t.handle.db);
      await sql.raw('drop function open311_refuse_token()').execute(t.handle.db);
    }
  });
});

describe('reading requests', () => {
  const ids: string[] = [];
  let hidden = '';
  let rejected = '';
  let fixed = '';
  let merged = '';

  beforeAll(async () => {
    for (let i = 0; i < 3; i += 1) ids.push((await file({ service_code: 'TREES', description: `Cây đổ chắn ngang đường số ${i + 1}, cần dọn gấp.` })).id);
    hidden = (await file({ service_code: 'FOOD_SAFETY', description: 'Quán ăn dùng dầu chiên đi chiên lại nhiều lần.' })).id;
    rejected = (await file({ service_code: 'OTHER', description: 'Quảng cáo bán hàng không liên quan gì cả.' })).id;
    expect((await act('ioc', rejected, { type: 'reject', reason: 'Không phải phản ánh' })).json().status).toBe('rejected');
    fixed = (await file({ service_code: 'OTHER', description: 'Biển báo giao thông bị che khuất bởi bảng quảng cáo.' })).id;
    expect((await act('ioc', fixed, { type: 'accept', unitCode: 'PHUXUAN_KT' })).statusCode).toBe(200);
    expect((await act('wardOfficer', fixed, { type: 'take' })).statusCode).toBe(200);
    expect((await act('wardOfficer', fixed, { type: 'resolve', answer: 'Đã yêu cầu dời bảng quảng cáo.' })).json().status).toBe('resolved');
    merged = (await file({ service_code: 'OTHER', description: 'Bảng quảng cáo che biển báo ở ngã tư.' })).id;
    expect((await act('ioc', merged, { type: 'merge', intoCode: fixed })).json().status).toBe('merged');
  });

  it('lists public requests newest first, with codes as strings', async () => {
    const response = await get('requests.json');
    expectJson(response);
    const list = response.json() as Json[];
    const listed = list.map((r) => r.service_request_id);
    expect(listed).toEqual(expect.arrayContaining([...ids, fixed, merged]));
    expect(listed.indexOf(ids[2])).toBeLessThan(listed.indexOf(ids[0]));
    expect(list.every((r) => typeof r.service_request_id === 'string' && typeof r.service_code === 'string')).toBe(true);
    expect(list.every((r) => !('notes' in r))).toBe(true);
    const doc = await get('requests.xml');
    expectXml(doc);
    expect((xml(doc.body).service_requests as { request: Json[] }).request.map((r) => r.service_request_id)).toEqual(listed);
  });

  it('never shows non-public categories or rejected reports', async () => {
    const listed = ((await get('requests.json')).json() as Json[]).map((r) => r.service_request_id);
    expect(listed).not.toContain(hidden);
    expect(listed).not.toContain(rejected);
    for (const id of [hidden, rejected]) {
      const response = await get(`requests/${id}.json`);
      expectJson(response, 404);
      expect(response.json()).toEqual([{ code: 404, description: `Service request ${id} not found.` }]);
    }
    expect(((await get(`requests.json?service_request_id=${hidden},${rejected}`)).json() as Json[])).toEqual([]);
  });

  it('answers 404 for an unknown request in both formats', async () => {
    expectJson(await get('requests/PA-000101-9999.json'), 404);
    const doc = await get('requests/PA-000101-9999.xml');
    expectXml(doc, 404);
    expect(xml(doc.body)).toMatchObject({ errors: { error: [{ code: '404' }] } });
  });

  it('maps statuses to open and closed, with the answer as status notes', async () => {
    expect(await requestJson(fixed)).toMatchObject({ status: 'closed', status_notes: 'Đã yêu cầu dời bảng quảng cáo.', agency_responsible: expect.stringContaining('Phú Xuân') });
    expect((await requestJson(merged)).status).toBe('closed');
    expect((await requestJson(ids[0] as string)).status).toBe('open');
    const open = ((await get('requests.json?status=open')).json() as Json[]).map((r) => r.service_request_id);
    const closed = ((await get('requests.json?status=closed')).json() as Json[]).map((r) => r.service_request_id);
    expect(open).toEqual(expect.arrayContaining(ids));
    expect(open).not.toContain(fixed);
    expect(closed).toEqual(expect.arrayContaining([fixed, merged]));
    expect(closed).not.toContain(ids[0]);
    const both = ((await get('requests.json?status=open,closed')).json() as Json[]).length;
    expect(both).toBe(((await get('requests.json')).json() as Json[]).length);
  });

  it('filters by service code and by date, and lets service_request_id override both', async () => {
    const trees = (await get('requests.json?service_code=TREES')).json() as Json[];
    expect(trees.map((r) => r.service_request_id).sort()).toEqual([...ids].sort());
    expect(((await get('requests.json?service_code=TREES,OTHER')).json() as Json[]).length).toBe(5);
    const future = encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString());
    expect((await get(`requests.json?start_date=${future}`)).json()).toEqual([]);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect(((await get(`requests.json?start_date=${past}&service_code=TREES`)).json() as Json[]).length).toBe(3);
    const overridden = (await get(`requests.json?service_request_id=${ids[0]},${fixed}&service_code=GARBAGE&start_date=${future}`)).json() as Json[];
    expect(overridden.map((r) => r.service_request_id).sort()).toEqual([ids[0], fixed].sort());
  });

  it('refuses a span over 90 days, a date without a zone and an unknown status with 400', async () => {
    const span = await get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    expectJson(span, 400);
    expect(span.json()[0].description).toMatch(/at most 90 days/);
    const spanXml = await get('requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    expectXml(spanXml, 400);
    expect(xml(spanXml.body)).toMatchObject({ errors: { error: [{ code: '400' }] } });
    expect((await get('requests.json?start_date=2026-01-01T00:00:00')).json()[0].description).toMatch(/start_date: must be an ISO 8601 date-time with a time zone/);
    expect((await get('requests.json?status=pending')).statusCode).toBe(400);
    expect((await get('requests.json?jurisdiction_id=nyc.gov')).statusCode).toBe(404);
  });

  it('pages with page and page_size', async () => {
    const all = ((await get('requests.json?service_code=TREES')).json() as Json[]).map((r) => r.service_request_id);
    const first = ((await get('requests.json?service_code=TREES&page_size=2')).json() as Json[]).map((r) => r.service_request_id);
    const second = ((await get('requests.json?service_code=TREES&page_size=2&page=2')).json() as Json[]).map((r) => r.service_request_id);
    const third = (await get('requests.json?service_code=TREES&page_size=2&page=3')).json();
    expect(first).toEqual(all.slice(0, 2));
    expect(second).toEqual(all.slice(2));
    expect(third).toEqual([]);
    expect((await get('requests.json?page_size=1001')).statusCode).toBe(400);
    expect((await get('requests.json?page=0')).statusCode).toBe(400);
  });

  it('adds notes and extended attributes with extensions=true', async () => {
    const request = await requestJson(fixed, '?extensions=true');
    expect(request.extended_attributes).toEqual({ channel: 'open311', ward: 'Phường Phú Xuân' });
    const notes = request.notes as { datetime: string; description: string; type: string }[];
    expect(notes.map((n) => n.type)).toEqual(['submitted', 'accepted', 'resolved']);
    expect(notes[0]?.description).toBe('Đã tiếp nhận phản ánh.');
    expect(notes[1]?.description).toMatch(/^Trung tâm điều hành đã phân loại và giao .*Phú Xuân xử lý\.$/);
    expect(notes[2]?.description).toBe('Đã yêu cầu dời bảng quảng cáo.');
    expect(notes.every((n) => /\+07:00$/.test(n.datetime))).toBe(true);
    const english = await requestJson(ids[0] as string, '?extensions=true');
    expect(english.notes).toEqual([
      { datetime: expect.any(String), description: 'Đã tiếp nhận phản ánh.', type: 'submitted' },
      { datetime: expect.any(String), description: expect.stringMatching(/^Phường Phú Xuân · Cây xanh, công viên → /), type: 'routed' },
    ]);
    const listed = ((await get('requests.json?extensions=true&service_code=OTHER', { 'accept-language': 'en' })).json() as Json[]).find((r) => r.service_request_id === fixed);
    expect(listed?.notes).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'submitted', description: 'Report received.' })]));
    const doc = await get(`requests/${fixed}.xml?extensions=true`);
    expect((xml(doc.body).service_requests as { request: Json[] }).request[0]).toMatchObject({
      notes: { note: [{ type: 'submitted' }, { type: 'accepted' }, { type: 'resolved' }] },
      extended_attributes: { channel: 'open311', ward: 'Phường Phú Xuân' },
    });
    expect(JSON.stringify(request)).not.toMatch(PRIVATE);
  });

  describe('mySociety servicerequestupdates', () => {
    it('lists the public events of public requests with extended statuses', async () => {
      const response = await get('servicerequestupdates.json');
      expectJson(response);
      const updates = response.json() as Json[];
      const of = (id: string) => updates.filter((u) => u.service_request_id === id).map((u) => u.status);
      expect(of(fixed)).toEqual(['OPEN', 'ACTION_SCHEDULED', 'FIXED']);
      expect(of(merged)).toEqual(['OPEN', 'DUPLICATE']);
      expect(of(ids[0] as string)).toEqual(['OPEN', 'ACTION_SCHEDULED']);
      expect(of(hidden)).toEqual([]);
      expect(of(rejected)).toEqual([]);
      const fix = updates.find((u) => u.service_request_id === fixed && u.status === 'FIXED');
      expect(fix).toEqual({ update_id: expect.stringMatching(/^\d+$/), service_request_id: fixed, status: 'FIXED', updated_datetime: expect.stringMatching(/\+07:00$/), description: 'Đã yêu cầu dời bảng quảng cáo.', media_url: null });
      expect(response.body).not.toMatch(PRIVATE);
      const doc = await get('servicerequestupdates.xml');
      expectXml(doc);
      expect((xml(doc.body).service_request_updates as { request_update: Json[] }).request_update.map((u) => u.update_id)).toEqual(updates.map((u) => u.update_id));
    });

    it('filters by window and pages', async () => {
      const future = encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString());
      expect((await get(`servicerequestupdates.json?start_date=${future}`)).json()).toEqual([]);
      const all = (await get('servicerequestupdates.json')).json() as Json[];
      const page = (await get('servicerequestupdates.json?page_size=2&page=2')).json() as Json[];
      expect(page).toEqual(all.slice(2, 4));
      const span = await get('servicerequestupdates.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z');
      expectXml(span, 400);
      expect(String((xml(span.body).errors as { error: Json[] }).error[0]?.description)).toMatch(/at most 90 days/);
    });

    it('records a posted update as an internal comment, audited, without changing the status', async () => {
      const [events, audit] = [await t.handle.db.selectFrom('report_events').select('id').execute(), await countRows(t, 'audit_log')];
      const before = await requestJson(ids[1] as string, '?extensions=true');
      const response = await post('servicerequestupdates.xml', {
        api_key: KEY,
        service_request_id: ids[1] as string,
        description: 'Người dân báo cây vẫn chưa được dọn.',
        status: 'OPEN',
        update_id_ext: 'fms-501',
        updated_datetime: '2026-11-29T08:00:00+07:00',
        first_name: 'Mai',
        last_name: 'Lê Thị',
        email: 'le.thi.mai@example.org',
      });
      expectXml(response);
      const receipt = (xml(response.body).service_request_updates as { request_update: Json[] }).request_update[0];
      expect(receipt?.update_id).toMatch(/^\d+$/);
      expect((await t.handle.db.selectFrom('report_events').select('id').execute()).length).toBe(events.length + 1);
      const event = await t.handle.db.selectFrom('report_events').selectAll().where('id', '=', Number(receipt?.update_id)).executeTakeFirstOrThrow();
      expect(event).toMatchObject({ type: 'comment', is_public: false, from_status: 'assigned', to_status: 'assigned', details: expect.objectContaining({ text: 'Người dân báo cây vẫn chưa được dọn.', statedStatus: 'OPEN' }) });
      expect(JSON.stringify(event.details)).not.toMatch(/le\.thi\.mai|Lê Thị/);
      const actions = (await t.handle.db.selectFrom('audit_log').select('action').where('seq', '>', audit).execute()).map((r) => r.action);
      expect(actions).toEqual(['open311_update.receive']);
      const stored = await t.handle.db.selectFrom('open311_updates').selectAll().where('event_id', '=', Number(receipt?.update_id)).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ update_id_ext: 'fms-501', status: 'OPEN', contact: { email: 'le.thi.mai@example.org', firstName: 'Mai', lastName: 'Lê Thị' } });

      expect(await requestJson(ids[1] as string, '?extensions=true')).toEqual(before);
      const updates = (await get('servicerequestupdates.json')).body;
      expect(updates).not.toContain('vẫn chưa được dọn');
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports/${ids[1]}` })).body).not.toContain('vẫn chưa được dọn');

      const again = await post('servicerequestupdates.json', { api_key: KEY, service_request_id: ids[1] as string, description: 'Người dân báo cây vẫn chưa được dọn.', update_id_ext: 'fms-501' });
      expectJson(again);
      expect(again.json()).toEqual([{ update_id: receipt?.update_id }]);
      expect((await t.handle.db.selectFrom('report_events').select('id').execute()).length).toBe(events.length + 1);
    });

    const refusals: [string, Record<string, string>, number][] = [
      ['no api_key', { api_key: '' }, 403],
      ['an invalid api_key', { api_key: 'nope' }, 403],
      ['an unknown request', { service_request_id: 'PA-000101-9999' }, 404],
      ['no description', { description: '' }, 400],
      ['an unknown status', { status: 'SOLVED' }, 400],
      ['an unknown jurisdiction', { jurisdiction_id: 'sfgov.org' }, 404],
    ];
    for (const [name, fields, status] of refusals) {
      it(`refuses an update with ${name} (${status}), storing nothing`, async () => {
        const [events, audit] = [await t.handle.db.selectFrom('report_events').select('id').execute(), await countRows(t, 'audit_log')];
        const base = { api_key: KEY, service_request_id: ids[2] as string, description: 'Cây vẫn nằm giữa đường.' };
        const merged = Object.fromEntries(Object.entries({ ...base, ...fields }).filter(([, value]) => value !== ''));
        const response = await post('servicerequestupdates.json', merged);
        expectJson(response, status);
        expect(response.json()).toEqual([{ code: status, description: expect.any(String) }]);
        expect((await t.handle.db.selectFrom('report_events').select('id').execute()).length).toBe(events.length);
        expect(await countRows(t, 'audit_log')).toBe(audit);
      });
    }

    it('refuses updates on requests the public cannot see, unless the client filed them', async () => {
      expect((await post('servicerequestupdates.json', { api_key: KEY, service_request_id: hidden, description: 'Quán vẫn hoạt động.' })).statusCode).toBe(200);
      const issued = await t.app.inject({ method: 'POST', url: '/api/v1/open311/clients', headers: { authorization: `Bearer ${staff.admin}` }, payload: { name: 'Ứng dụng khác', contact: 'other@example.org' } });
      const otherKey = issued.json().apiKey as string;
      expect((await post('servicerequestupdates.json', { api_key: otherKey, service_request_id: hidden, description: 'Quán vẫn hoạt động.' })).statusCode).toBe(404);
      expect((await post('servicerequestupdates.json', { api_key: otherKey, service_request_id: rejected, description: 'Xem lại giúp.' })).statusCode).toBe(404);
    });
  });
});

describe('tokens and unknown resources', () => {
  it('answers 404 for an unknown token in both formats', async () => {
    expectJson(await get('tokens/no-such-token.json'), 404);
    const doc = await get('tokens/no-such-token.xml');
    expectXml(doc, 404);
    expect(xml(doc.body)).toMatchObject({ errors: { error: [{ code: '404', description: 'Token no-such-token not found.' }] } });
  });

  it('answers unknown paths and formats with Open311 errors, never problem+json', async () => {
    for (const path of ['nothing.json', 'services.html', 'requests/PA-261129-0001', 'services/STREET_LIGHT.csv']) {
      const response = await get(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.headers['content-type'], path).not.toContain('problem');
    }
    expect((await get('nothing.json')).json()).toEqual([{ code: 404, description: expect.stringContaining('/open311/v2/nothing.json') }]);
    expect(xml((await get('nothing')).body)).toMatchObject({ errors: { error: [{ code: '404' }] } });
  });
});

describe('API keys', () => {
  it('lets admins issue a key once, list clients without keys, and revoke, all audited', async () => {
    const audit = await countRows(t, 'audit_log');
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/open311/clients', headers: { authorization: `Bearer ${staff.citizen}` }, payload: { name: 'Ứng dụng X', contact: 'x@example.org' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/open311/clients', headers: { authorization: `Bearer ${staff.admin}` }, payload: { name: 'X' } })).statusCode).toBe(400);
    expect(await countRows(t, 'audit_log')).toBe(audit);

    const issued = await t.app.inject({ method: 'POST', url: '/api/v1/open311/clients', headers: { authorization: `Bearer ${staff.admin}` }, payload: { name: 'Hue-S', contact: 'hue-s@example.org' } });
    expect(issued.statusCode, issued.body).toBe(201);
    const client = issued.json();
    expect(client).toMatchObject({ name: 'Hue-S', contact: 'hue-s@example.org', isActive: true, revokedAt: null, apiKey: expect.stringMatching(/^oc311_/) });
    expect(client.keyHint).toBe(client.apiKey.slice(-4));
    const actions = (await t.handle.db.selectFrom('audit_log').select(['action', 'diff']).where('seq', '>', audit).execute());
    expect(actions.map((a) => a.action)).toEqual(['user.create_service_account', 'open311_client.create']);
    expect(JSON.stringify(actions)).not.toContain(client.apiKey);

    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/open311/clients', headers: { authorization: `Bearer ${staff.admin}` } });
    expect(listed.json().items.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Hue-S', 'Ứng dụng tích hợp mẫu (demo)']));
    expect(listed.body).not.toContain(client.apiKey);
    expect(listed.body).not.toMatch(/api_key_hash|apiKey/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/open311/clients', headers: { authorization: `Bearer ${staff.citizen}` } })).statusCode).toBe(403);

    const { id } = await file({ api_key: client.apiKey });
    const reporter = await t.handle.db.selectFrom('reports').select('reporter_id').where('code', '=', id).executeTakeFirstOrThrow();
    expect(reporter.reporter_id).toBe(client.serviceUserId);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: (await t.handle.db.selectFrom('users').select('email').where('id', '=', client.serviceUserId).executeTakeFirstOrThrow()).email, password: 'anything-at-all' } })).statusCode).toBe(401);

    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/open311/clients/${client.id}`, headers: { authorization: `Bearer ${staff.admin}` } });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ isActive: false, revokedAt: expect.any(String) });
    expect((await t.handle.db.selectFrom('audit_log').select('action').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()).action).toBe('open311_client.revoke');
    const refusedKey = await post('requests.json', { api_key: client.apiKey, service_code: 'GARBAGE', ...PHU_XUAN, description: 'Rác tồn đọng ba ngày chưa được thu gom.' });
    expectJson(refusedKey, 403);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/open311/clients/00000000-0000-4000-8000-000000000000', headers: { authorization: `Bearer ${staff.admin}` } })).statusCode).toBe(404);
  });

  it('seeds the demo client once', async () => {
    const { ensureDemoOpen311Client } = await import('./index.ts');
    expect(await ensureDemoOpen311Client(t.app.ctx)).toEqual({ created: false });
    expect(await t.handle.db.selectFrom('open311_clients').select('id').where('name', '=', 'Ứng dụng tích hợp mẫu (demo)').execute()).toHaveLength(1);
    const user = await t.handle.db.selectFrom('users').select(['is_verified']).where('email', '=', 'open311.demo@demo.onecity.local').executeTakeFirstOrThrow();
    expect(user.is_verified).toBe(true);
  });
});
