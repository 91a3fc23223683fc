import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { reportQueries } from '../reports/index.ts';
import {
  presentCreatedRequest,
  presentDiscovery,
  presentErrors,
  presentServiceDefinition,
  presentServiceRequests,
  presentServices,
  presentUpdates,
  render,
  toJson,
  toXml,
  wireList,
  XML_DECLARATION,
  type RequestView,
} from './open311.presenter.ts';

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'note', 'format', 'endpoint', 'request_update', 'item'].includes(name) });

function parseXml(xml: string) {
  expect(xml.startsWith(XML_DECLARATION)).toBe(true);
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Record<string, unknown>;
}

describe('one document, two formats', () => {
  const document = { root: 'things', body: wireList('thing', [{ code: '001', count: 2, isOn: true, note: null, skipped: undefined, inner: wireList('item', ['a', 'b']) }]) };

  it('writes XML with the declaration, list elements and empty elements for nulls', () => {
    expect(toXml(document)).toBe(
      `${XML_DECLARATION}<things><thing><code>001</code><count>2</count><isOn>true</isOn><note/><inner><item>a</item><item>b</item></inner></thing></things>`,
    );
  });

  it('writes JSON with a bare top-level array, strings kept as strings and nulls', () => {
    expect(JSON.parse(toJson(document))).toEqual([{ code: '001', count: 2, isOn: true, note: null, inner: ['a', 'b'] }]);
  });

  it('writes an empty list as an empty root element and an empty array', () => {
    const empty = { root: 'services', body: wireList('service', []) };
    expect(toXml(empty)).toBe(`${XML_DECLARATION}<services></services>`);
    expect(toJson(empty)).toBe('[]');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const text = '<script>alert("x")</script> & \'đèn\'\u0001\u0008\uFFFE\uD800 ok';
    const xml = toXml({ root: 'r', body: { description: text } });
    expect(xml).not.toContain('<script>');
    expect(parseXml(xml)).toMatchObject({ r: { description: '<script>alert("x")</script> & \'đèn\' ok' } });
    expect(JSON.parse(toJson({ root: 'r', body: { description: '<b>' } }))).toEqual({ description: '<b>' });
  });

  it('gives each format its content type', () => {
    expect(render(document, 'xml').contentType).toBe('text/xml; charset=utf-8');
    expect(render(document, 'json').contentType).toBe('application/json; charset=utf-8');
  });
});

describe('Open311 documents', () => {
  it('writes errors as errors/error with code and description', () => {
    const errors = presentErrors([{ code: 403, description: 'The api_key is missing or invalid.' }]);
    expect(JSON.parse(toJson(errors))).toEqual([{ code: 403, description: 'The api_key is missing or invalid.' }]);
    expect(parseXml(toXml(errors))).toMatchObject({ errors: { error: [{ code: '403', description: 'The api_key is missing or invalid.' }] } });
  });

  it('writes the discovery document with its endpoint and formats', () => {
    const discovery = presentDiscovery({ changeset: '2026-11-29T08:00:00+07:00', contact: 'IOC', keyService: 'Ask the city', url: 'https://city.example/open311/v2' });
    expect(JSON.parse(toJson(discovery))).toEqual({
      changeset: '2026-11-29T08:00:00+07:00',
      contact: 'IOC',
      key_service: 'Ask the city',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'https://city.example/open311/v2',
          changeset: '2026-11-29T08:00:00+07:00',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    expect(parseXml(toXml(discovery))).toMatchObject({ discovery: { endpoints: { endpoint: [{ formats: { format: ['text/xml', 'application/json'] } }] } } });
  });

  it('writes services and a definition whose list attributes carry values', () => {
    const services = presentServices([{ serviceCode: '001', serviceName: 'Lights', description: 'd', hasMetadata: true, keywords: 'a,b', group: 'g' }]);
    expect(JSON.parse(toJson(services))).toEqual([{ service_code: '001', service_name: 'Lights', description: 'd', metadata: true, type: 'realtime', keywords: 'a,b', group: 'g' }]);
    const definition = presentServiceDefinition('001', [
      { code: 'state', datatype: 'singlevaluelist', isRequired: true, datatypeDescription: 'One of', order: 1, description: 'State', values: [{ key: 'off', name: 'Off' }] },
      { code: 'pole', datatype: 'string', isRequired: false, datatypeDescription: 'Text', order: 2, description: 'Pole', values: [] },
    ]);
    expect(JSON.parse(toJson(definition))).toEqual({
      service_code: '001',
      attributes: [
        { variable: true, code: 'state', datatype: 'singlevaluelist', required: true, datatype_description: 'One of', order: 1, description: 'State', values: [{ key: 'off', name: 'Off' }] },
        { variable: true, code: 'pole', datatype: 'string', required: false, datatype_description: 'Text', order: 2, description: 'Pole' },
      ],
    });
    expect(parseXml(toXml(definition))).toMatchObject({ service_definition: { attributes: { attribute: [{ values: { value: [{ key: 'off', name: 'Off' }] } }, { code: 'pole' }] } } });
  });

  const report: reportQueries.PublicReportRecord = {
    id: 'internal-id',
    channel: 'open311',
    code: 'PA-261129-0001',
    category: { code: 'STREET_LIGHT', nameVi: 'Chiếu sáng công cộng', nameEn: 'Street lighting' },
    description: 'Đèn hỏng',
    status: 'resolved',
    isUrgent: false,
    location: { lat: 16.4698, lng: 107.5786 },
    address: null,
    area: { code: 'PHUXUAN', nameVi: 'Phường Phú Xuân', nameEn: 'Phu Xuan Ward' },
    unit: { code: 'CSDT', nameVi: 'Công ty Chiếu sáng', nameEn: 'Lighting company' },
    routing: { ruleNo: 1, explanationVi: 'giải thích', explanationEn: 'explanation' },
    receivedOn: '2026-11-29',
    dueAt: '2026-12-04T10:00:00.000Z',
    isOverdue: false,
    answer: 'Đã thay bóng.',
    resolvedAt: '2026-11-30T02:00:00.000Z',
    rating: null,
    createdAt: '2026-11-29T01:00:00.000Z',
    updatedAt: '2026-11-30T02:00:00.000Z',
  };

  it('writes the fields of a request the spec lists, in the city time zone, and nothing internal', () => {
    const view: RequestView = { report, open311Status: 'closed', mediaUrl: 'https://example.org/p.jpg' };
    const [request] = JSON.parse(toJson(presentServiceRequests([view], { locale: 'en', timeZone: 'Asia/Ho_Chi_Minh' })));
    expect(request).toEqual({
      service_request_id: 'PA-261129-0001',
      status: 'closed',
      status_notes: 'Đã thay bóng.',
      service_name: 'Street lighting',
      service_code: 'STREET_LIGHT',
      description: 'Đèn hỏng',
      agency_responsible: 'Lighting company',
      service_notice: 'explanation',
      requested_datetime: '2026-11-29T08:00:00+07:00',
      updated_datetime: '2026-11-30T09:00:00+07:00',
      expected_datetime: '2026-12-04T17:00:00+07:00',
      address: null,
      address_id: 'PHUXUAN',
      zipcode: null,
      lat: 16.4698,
      long: 107.5786,
      media_url: 'https://example.org/p.jpg',
    });
  });

  it('adds notes and extended attributes only when asked', () => {
    const view: RequestView = { report, open311Status: 'closed', mediaUrl: null, notes: [{ at: new Date('2026-11-29T01:00:00Z'), description: 'Report received.', type: 'submitted' }] };
    const [request] = JSON.parse(toJson(presentServiceRequests([view], { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh' })));
    expect(request).toMatchObject({
      service_name: 'Chiếu sáng công cộng',
      notes: [{ datetime: '2026-11-29T08:00:00+07:00', description: 'Report received.', type: 'submitted' }],
      extended_attributes: { channel: 'open311', ward: 'Phường Phú Xuân' },
    });
    expect(parseXml(toXml(presentServiceRequests([view], { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh' })))).toMatchObject({
      service_requests: { request: [{ notes: { note: [{ type: 'submitted' }] }, extended_attributes: { channel: 'open311' } }] },
    });
  });

  it('answers a POST with the id, the token and the notice', () => {
    const created = presentCreatedRequest({ serviceRequestId: 'PA-261129-0001', token: 't-1', serviceNotice: 'routed', accountId: null });
    expect(JSON.parse(toJson(created))).toEqual([{ service_request_id: 'PA-261129-0001', token: 't-1', service_notice: 'routed', account_id: null }]);
  });

  it('writes mySociety updates', () => {
    const updates = presentUpdates([{ updateId: '42', serviceRequestId: 'PA-261129-0001', status: 'FIXED', at: new Date('2026-11-30T02:00:00Z'), description: 'Đã thay bóng.' }], { timeZone: 'Asia/Ho_Chi_Minh' });
    expect(JSON.parse(toJson(updates))).toEqual([{ update_id: '42', service_request_id: 'PA-261129-0001', status: 'FIXED', updated_datetime: '2026-11-30T09:00:00+07:00', description: 'Đã thay bóng.', media_url: null }]);
    expect(parseXml(toXml(updates))).toMatchObject({ service_request_updates: { request_update: [{ update_id: '42', status: 'FIXED' }] } });
  });
});
