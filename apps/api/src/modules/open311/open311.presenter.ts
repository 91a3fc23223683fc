/**
 * What leaves the Open311 routes, in both formats from one description of each document. XML starts with the
 * declaration the specification requires, has no namespace and wraps each list in its plural element
 * (`services/service`); JSON follows the Spark convention, so a top-level list is a bare array and every
 * other list an array under the plural name (Spec, "XML Support"/"JSON Support").
 */
import type { Open311Client } from '@onecity/contracts';
import { XMLBuilder } from 'fast-xml-parser';
import type { Selectable } from 'kysely';
import type { Open311ClientsTable } from '../../core/db/schema.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import type { reportQueries } from '../reports/index.ts';
import { formatW3cDateTime } from './workflow/dates.ts';
import { CONTENT_TYPES, type Open311Format } from './workflow/formats.ts';
import type { ServiceAttribute, ServiceSummary } from './workflow/services.ts';

// ---------------------------------------------------------------- one document, two formats

const LIST = Symbol('open311.list');

/** A list: in XML each item is an element named `item` inside the list's element; in JSON, an array. */
export interface WireList {
  readonly [LIST]: true;
  readonly item: string;
  readonly items: readonly WireValue[];
}

/** A value of a document; undefined fields are left out of both formats, null ones are empty. */
export type WireValue = string | number | boolean | null | undefined | WireList | WireRecord;

export interface WireRecord {
  readonly [field: string]: WireValue;
}

/** A document: its root element's name and what it holds (a list or a record of fields). */
export interface WireDocument {
  root: string;
  body: WireList | WireRecord;
}

/** Makes a list whose XML items are named `item`. */
export function wireList(item: string, items: readonly WireValue[]): WireList {
  return { [LIST]: true, item, items };
}

function isList(value: WireValue): value is WireList {
  return typeof value === 'object' && value !== null && LIST in value;
}

/** Whether XML 1.0 can carry a code point: tab, line feed, carriage return and U+0020 on, less the surrogates and U+FFFE/U+FFFF. */
function isXmlCharacter(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
}

/** Removes the characters XML 1.0 cannot carry (a stray control character in a description would make the document unreadable). */
export function toXmlText(text: string): string {
  let clean = '';
  for (const character of text) if (isXmlCharacter(character.codePointAt(0) ?? 0)) clean += character;
  return clean;
}

type XmlNode = string | null | XmlNode[] | { [name: string]: XmlNode };

function toXmlNode(value: WireValue): XmlNode {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return toXmlText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isList(value)) return value.items.length === 0 ? '' : { [value.item]: value.items.map(toXmlNode) };
  const node: Record<string, XmlNode> = {};
  for (const [field, item] of Object.entries(value)) if (item !== undefined) node[field] = toXmlNode(item);
  return node;
}

function toPlain(value: WireValue): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') return value;
  if (isList(value)) return value.items.map(toPlain);
  const plain: Record<string, unknown> = {};
  for (const [field, item] of Object.entries(value)) if (item !== undefined) plain[field] = toPlain(item);
  return plain;
}

const xmlBuilder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** The document as XML, starting with the declaration. */
export function toXml(document: WireDocument): string {
  const body = toXmlNode(document.body);
  return `${XML_DECLARATION}${xmlBuilder.build({ [document.root]: body === null ? '' : body }) as string}`;
}

/** The document as JSON: the root's content only (a top-level list is a bare array). */
export function toJson(document: WireDocument): string {
  return JSON.stringify(toPlain(document.body));
}

/** The body and content type of a document in a format. */
export function render(document: WireDocument, format: Open311Format): { body: string; contentType: string } {
  return { body: format === 'xml' ? toXml(document) : toJson(document), contentType: CONTENT_TYPES[format] };
}

// ---------------------------------------------------------------- documents

/** `errors/error*`, each with the HTTP status as its code and a description. */
export function presentErrors(errors: { code: number; description: string }[]): WireDocument {
  return { root: 'errors', body: wireList('error', errors.map((error) => ({ code: error.code, description: error.description }))) };
}

export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** The service discovery document (open311.github.io, Service_Discovery.md). */
export function presentDiscovery(input: { changeset: string; contact: string; keyService: string; url: string }): WireDocument {
  return {
    root: 'discovery',
    body: {
      changeset: input.changeset,
      contact: input.contact,
      key_service: input.keyService,
      endpoints: wireList('endpoint', [
        {
          specification: GEOREPORT_V2_SPECIFICATION,
          url: input.url,
          changeset: input.changeset,
          type: 'production',
          formats: wireList('format', ['text/xml', 'application/json']),
        },
      ]),
    },
  };
}

/** `services/service*`. Every service is realtime: a POST answers with the request's id at once. */
export function presentServices(services: ServiceSummary[]): WireDocument {
  return {
    root: 'services',
    body: wireList(
      'service',
      services.map((service) => ({
        service_code: service.serviceCode,
        service_name: service.serviceName,
        description: service.description,
        metadata: service.hasMetadata,
        type: 'realtime',
        keywords: service.keywords,
        group: service.group,
      })),
    ),
  };
}

/** `service_definition` with its `attributes/attribute*`; list attributes carry `values/value*`. */
export function presentServiceDefinition(serviceCode: string, attributes: ServiceAttribute[]): WireDocument {
  return {
    root: 'service_definition',
    body: {
      service_code: serviceCode,
      attributes: wireList(
        'attribute',
        attributes.map((attribute) => ({
          variable: true,
          code: attribute.code,
          datatype: attribute.datatype,
          required: attribute.isRequired,
          datatype_description: attribute.datatypeDescription,
          order: attribute.order,
          description: attribute.description,
          values: attribute.datatype === 'singlevaluelist' ? wireList('value', attribute.values.map((value) => ({ key: value.key, name: value.name }))) : undefined,
        })),
      ),
    },
  };
}

/** A note of the extensions=true convention. */
export interface RequestNote {
  at: Date;
  description: string;
  type: string;
}

export interface RequestView {
  report: reportQueries.PublicReportRecord;
  open311Status: 'open' | 'closed';
  mediaUrl: string | null;
  /** Present only with extensions=true. */
  notes?: RequestNote[];
}

/**
 * One service request as the spec lists its fields; never the reporter or the contact a client sent. The status
 * notes are the public answer, the agency the handling unit, the notice the routing explanation.
 */
function presentRequest(view: RequestView, options: { locale: Locale; timeZone: string }): WireRecord {
  const { report, open311Status } = view;
  const when = (iso: string | null) => (iso ? formatW3cDateTime(new Date(iso), options.timeZone) : null);
  const inLocale = (names: { nameVi: string; nameEn: string }) => (options.locale === 'vi' ? names.nameVi : names.nameEn);
  const record: Record<string, WireValue> = {
    service_request_id: report.code,
    status: open311Status,
    status_notes: report.answer,
    service_name: inLocale(report.category),
    service_code: report.category.code,
    description: report.description,
    agency_responsible: report.unit ? inLocale(report.unit) : null,
    service_notice: options.locale === 'vi' ? report.routing.explanationVi : report.routing.explanationEn,
    requested_datetime: when(report.createdAt),
    updated_datetime: when(report.updatedAt),
    expected_datetime: when(report.dueAt),
    address: report.address,
    address_id: report.area.code,
    zipcode: null,
    lat: report.location.lat,
    long: report.location.lng,
    media_url: view.mediaUrl,
  };
  if (view.notes) {
    record.notes = wireList(
      'note',
      view.notes.map((note) => ({ datetime: formatW3cDateTime(note.at, options.timeZone), description: note.description, type: note.type })),
    );
    record.extended_attributes = { channel: report.channel, ward: inLocale(report.area) };
  }
  return record;
}

/** `service_requests/request*` for GET requests and GET requests/{id}. */
export function presentServiceRequests(views: RequestView[], options: { locale: Locale; timeZone: string }): WireDocument {
  return { root: 'service_requests', body: wireList('request', views.map((view) => presentRequest(view, options))) };
}

/**
 * The answer to POST requests. The spec has a realtime server answer with the id; we add the token too, so a
 * client written for token-based servers also finds what it looks for (GET tokens/{token} answers both).
 */
export function presentCreatedRequest(input: { serviceRequestId: string; token: string; serviceNotice: string; accountId: string | null }): WireDocument {
  return {
    root: 'service_requests',
    body: wireList('request', [{ service_request_id: input.serviceRequestId, token: input.token, service_notice: input.serviceNotice, account_id: input.accountId }]),
  };
}

/** The answer to GET tokens/{token}. */
export function presentToken(input: { serviceRequestId: string; token: string }): WireDocument {
  return { root: 'service_requests', body: wireList('request', [{ service_request_id: input.serviceRequestId, token: input.token }]) };
}

export interface UpdateView {
  updateId: string;
  serviceRequestId: string;
  status: string;
  at: Date;
  description: string;
}

/** mySociety's `service_request_updates/request_update*`. */
export function presentUpdates(updates: UpdateView[], options: { timeZone: string }): WireDocument {
  return {
    root: 'service_request_updates',
    body: wireList(
      'request_update',
      updates.map((update) => ({
        update_id: update.updateId,
        service_request_id: update.serviceRequestId,
        status: update.status,
        updated_datetime: formatW3cDateTime(update.at, options.timeZone),
        description: update.description,
        media_url: null,
      })),
    ),
  };
}

/** The answer to POST servicerequestupdates. */
export function presentUpdateReceipt(updateId: string): WireDocument {
  return { root: 'service_request_updates', body: wireList('request_update', [{ update_id: updateId }]) };
}

// ---------------------------------------------------------------- admin API (JSON, problem+json errors)

/** An API client as admins see it (never its key or the key's hash). */
export function presentClient(row: Selectable<Open311ClientsTable>): Open311Client {
  return {
    id: row.id,
    name: row.name,
    contact: row.contact,
    keyHint: row.key_hint,
    serviceUserId: row.service_user_id,
    isActive: row.is_active,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
