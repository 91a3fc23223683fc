/**
 * PAdES signing (ETSI EN 319 142-1): adds a signature to a PDF as an incremental update, so that every earlier
 * signature keeps covering exactly the bytes it signed, with a CAdES-style detached CMS (RFC 5652) whose
 * signed attributes are content-type, message-digest and signing-certificate-v2 (RFC 5035): baseline B-B.
 * With a timestamp callback it adds an RFC 3161 signature time-stamp as an unsigned attribute: B-T.
 *
 * pdf-lib parses the existing file and serialises the few objects that change (page, AcroForm, new widget,
 * appearance); this module appends them with a cross-reference section that points back (/Prev) to the
 * previous one. @signpdf/signpdf then fills in /ByteRange and /Contents. @signpdf/placeholder-plain was not
 * used: it always puts the field on the first page of the page tree's first Kids entry and finds the
 * AcroForm by text offsets; @signpdf/placeholder-pdf-lib rewrites the whole file on save(), which breaks
 * earlier signatures.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { SignPdf, Signer } from '@signpdf/signpdf';
import * as asn1js from 'asn1js';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

/** pdf-lib's (unexported) dictionary literal for context.obj() and context.flateStream(). */
type LiteralObject = NonNullable<Parameters<PDFDocument['context']['flateStream']>[1]>;
import * as pkijs from 'pkijs';
import { derOf, OID, parseCertificate, SHA256, toArrayBuffer, toSigningKey, type CryptoKey } from './der.ts';

/**
 * A key held elsewhere (a remote signing service or an HSM): it receives the DER-encoded signed attributes and
 * returns the signature value over them (SHA-256 with the certificate's RSA key, PKCS#1 v1.5), so the private key
 * never enters this process.
 */
export interface ExternalSigningKey {
  kind: 'external';
  sign(signedAttributes: Uint8Array): Promise<Uint8Array>;
}

export interface PadesSigner {
  /** Signer's certificate first, then its issuers (the root may be left out); PEM text or DER bytes. */
  certificateChain: (string | Uint8Array)[];
  /** RSA or ECDSA private key of the first certificate, or an external signer holding it. */
  privateKey: CryptoKey | KeyObject | string | ExternalSigningKey;
}

const isExternal = (key: PadesSigner['privateKey']): key is ExternalSigningKey => typeof key === 'object' && key !== null && 'kind' in key && key.kind === 'external';

export interface SignatureAppearance {
  /** Zero-based page index. */
  pageIndex: number;
  /** Widget rectangle in PDF points, origin bottom-left (e.g. the renderer's signature slot). */
  rect: { x: number; y: number; width: number; height: number };
  /** Image (signature scan or red seal, transparent PNG) drawn into the rectangle, keeping its aspect ratio. */
  imagePng?: Uint8Array;
}

/** Receives the SHA-256 digest of the signature value and returns an RFC 3161 TimeStampToken (DER ContentInfo). */
export type TimestampCallback = (digest: Buffer) => Promise<Buffer | Uint8Array>;

export interface PadesSignOptions {
  reason: string;
  location: string;
  /** Signer's name as shown by readers (/Name). */
  name: string;
  contactInfo?: string;
  /** Claimed signing time, written as /M: PAdES baseline puts it there, not in a signing-time attribute. */
  signingTime: Date;
  /** Visible signature; without it the signature is invisible (a zero-size widget on the first page). */
  appearance?: SignatureAppearance;
  /** RFC 3161 time-stamping (PAdES B-T). */
  timestamp?: TimestampCallback;
  /** Form field name; defaults to the first free "SignatureN". */
  fieldName?: string;
  /** Bytes reserved for the CMS; defaults to an estimate from the chain size (plus room for a timestamp token). */
  reservedBytes?: number;
}

/** Signs a PDF (PAdES B-B, or B-T with `options.timestamp`) and returns the new file: the input plus an incremental update. */
export async function signPdf(pdf: Uint8Array, signer: PadesSigner, options: PadesSignOptions): Promise<Uint8Array> {
  if (Number.isNaN(options.signingTime.getTime())) throw new RangeError('signPdf: signingTime is an invalid date');
  if (signer.certificateChain.length === 0) throw new TypeError('signPdf: certificateChain is empty');
  const chain = signer.certificateChain.map(parseCertificate);
  const privateKey = isExternal(signer.privateKey) ? signer.privateKey : await toSigningKey(signer.privateKey);
  const chainBytes = chain.reduce((sum, cert) => sum + derOf(cert).length, 0);
  const reserved = options.reservedBytes ?? 4096 + chainBytes + (options.timestamp ? 8192 : 0);

  const prepared = await addSignaturePlaceholder(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), options, reserved);
  const cmsSigner = new CadesDetachedSigner(chain, privateKey, options.timestamp);
  const signed = await new SignPdf().sign(prepared, cmsSigner);
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}

/** Builds the CMS for the bytes @signpdf/signpdf hands over (the file minus the /Contents placeholder). */
class CadesDetachedSigner extends Signer {
  readonly #chain: pkijs.Certificate[];
  readonly #key: CryptoKey | ExternalSigningKey;
  readonly #timestamp: TimestampCallback | undefined;

  constructor(chain: pkijs.Certificate[], key: CryptoKey | ExternalSigningKey, timestamp: TimestampCallback | undefined) {
    super();
    this.#chain = chain;
    this.#key = key;
    this.#timestamp = timestamp;
  }

  override async sign(content: Buffer): Promise<Buffer> {
    return Buffer.from(await createCadesDetachedSignature(content, this.#chain, this.#key, this.#timestamp));
  }
}

/** SET OF in DER is sorted by the encodings of its elements (X.690 §11.6); verifiers hash the set as sent. */
export function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((attribute) => ({ attribute, der: Buffer.from(derOf(attribute)) }));
  encoded.sort((a, b) => Buffer.compare(a.der, b.der));
  return encoded.map((entry) => entry.attribute);
}

/** SigningCertificateV2 (RFC 5035 §3) naming the signer's certificate by SHA-256 hash and issuer/serial. */
export function signingCertificateV2(cert: pkijs.Certificate): asn1js.Sequence {
  const certHash = createHash('sha256').update(derOf(cert)).digest();
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      // hashAlgorithm is omitted: its DEFAULT is id-sha256, and DER leaves out default values.
      new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({ value: [new pkijs.GeneralName({ type: 4, value: cert.issuer }).toSchema()] }),
          new asn1js.Integer({ valueHex: cert.serialNumber.valueBlock.valueHexView.slice().buffer }),
        ],
      }),
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/**
 * Creates a detached CMS SignedData (RFC 5652) over `content` as ETSI EN 319 122-1 (CAdES) and EN 319 142-1
 * (PAdES) baseline B-B require: SHA-256, signed attributes content-type, message-digest and
 * signing-certificate-v2, no signing-time attribute (the time is /M in the PDF), and the chain in `certificates`.
 */
export async function createCadesDetachedSignature(content: Uint8Array, chain: pkijs.Certificate[], key: CryptoKey | ExternalSigningKey, timestamp?: TimestampCallback): Promise<Uint8Array> {
  const signerCert = chain[0];
  if (!signerCert) throw new TypeError('createCadesDetachedSignature: empty chain');
  const digest = createHash('sha256').update(content).digest();
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: derSorted([
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signerCert)] }),
    ]),
  });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signerCert.issuer, serialNumber: signerCert.serialNumber }),
    signedAttrs,
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    // Detached: no eContent; the signed content is the PDF's ByteRange (ETSI EN 319 142-1 §6.2.1).
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [signerInfo],
    certificates: chain,
  });
  if (isExternal(key)) await signExternally(signedData, signerInfo, key);
  else await signedData.sign(key, 0, SHA256);

  if (timestamp) {
    // RFC 3161 Appendix A / ETSI EN 319 122-1 §5.3: the time-stamp's message imprint is the hash of the
    // signature value (the contents of SignerInfo.signature), carried as an unsigned attribute.
    const imprint = createHash('sha256').update(signerInfo.signature.valueBlock.valueHexView).digest();
    const token = await timestamp(imprint);
    const parsed = asn1js.fromBER(toArrayBuffer(new Uint8Array(token)));
    if (parsed.offset === -1) throw new Error('signPdf: the timestamp callback returned data that is not DER');
    assertTimestampImprint(parsed.result, imprint);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [parsed.result] })],
    });
  }

  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/**
 * Signs with a key held elsewhere: the signature covers the DER encoding of the signed attributes as a SET OF
 * (RFC 5652 §5.4: the [0] IMPLICIT tag is replaced by the SET tag), with SHA-256 and RSA PKCS#1 v1.5.
 */
async function signExternally(signedData: pkijs.SignedData, signerInfo: pkijs.SignerInfo, key: ExternalSigningKey): Promise<void> {
  const sha256 = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() });
  signedData.digestAlgorithms = [sha256()];
  signerInfo.digestAlgorithm = sha256();
  signerInfo.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_WITH_RSA, algorithmParams: new asn1js.Null() });
  const encoded = new Uint8Array((signerInfo.signedAttrs as pkijs.SignedAndUnsignedAttributes).toSchema().toBER(false));
  encoded[0] = 0x31;
  const value = await key.sign(encoded);
  signerInfo.signature = new asn1js.OctetString({ valueHex: toArrayBuffer(value) });
}

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

/** Rejects a token that does not time-stamp this signature, so a misconfigured TSA cannot produce a broken B-T. */
function assertTimestampImprint(token: asn1js.AsnType, imprint: Buffer): void {
  const info = new pkijs.ContentInfo({ schema: token });
  if (info.contentType !== OID.signedData) throw new Error('signPdf: timestamp token is not CMS SignedData');
  const signed = new pkijs.SignedData({ schema: info.content });
  const eContent = signed.encapContentInfo.eContent;
  if (signed.encapContentInfo.eContentType !== OID.tstInfo || !eContent) throw new Error('signPdf: timestamp token has no TSTInfo');
  const tstInfo = pkijs.TSTInfo.fromBER(eContent.getValue());
  const hashed = new Uint8Array(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (!Buffer.from(hashed).equals(imprint)) throw new Error('signPdf: timestamp token does not cover this signature (message imprint mismatch)');
}

// ---------------------------------------------------------------------------------------------------------
// Incremental update with the signature field and a placeholder (ISO 32000-1 §7.5.6 and §12.8).

const BYTE_RANGE_PLACEHOLDER = '**********';

/** Date as a PDF date string in UTC (ISO 32000-1 §7.9.4). */
function pdfDate(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `D:${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** Text string as UTF-16BE with BOM (ISO 32000-1 §7.9.2.2), which carries Vietnamese; PDFDocEncoding cannot. */
function textString(text: string): string {
  return PDFHexString.fromText(text.normalize('NFC')).toString();
}

function serialiseObject(ref: PDFRef, object: PDFObject | string): Buffer {
  const head = Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1');
  let body: Buffer;
  if (typeof object === 'string') body = Buffer.from(object, 'latin1');
  else {
    body = Buffer.alloc(object.sizeInBytes());
    object.copyBytesInto(body, 0);
  }
  return Buffer.concat([head, body, Buffer.from('\nendobj\n', 'latin1')]);
}

/** Offset of the last cross-reference section, from the last "startxref" of the file. */
function lastStartXref(pdf: Buffer): number {
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const matches = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const last = matches[matches.length - 1];
  if (!last) throw new Error('signPdf: no startxref found; the file is not a complete PDF');
  return Number(last[1]);
}

function lookupDict(doc: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  return resolved instanceof PDFDict ? resolved : undefined;
}

/**
 * Returns an array held at `key` of `dict` for appending, recording which object must be rewritten: the
 * array's own object when it is indirect, otherwise the object that holds `dict` (`owner`).
 */
function arrayForAppend(doc: PDFDocument, dict: PDFDict, key: string, owner: PDFRef, changed: Map<string, PDFRef>): PDFArray {
  const raw = dict.get(PDFName.of(key));
  if (raw instanceof PDFRef) {
    const target = doc.context.lookup(raw);
    if (target instanceof PDFArray) {
      changed.set(raw.toString(), raw);
      return target;
    }
  }
  if (raw instanceof PDFArray) {
    changed.set(owner.toString(), owner);
    return raw;
  }
  const created = doc.context.obj([]);
  dict.set(PDFName.of(key), created);
  changed.set(owner.toString(), owner);
  return created;
}

function fieldNames(doc: PDFDocument, fields: PDFArray): Set<string> {
  const names = new Set<string>();
  for (let index = 0; index < fields.size(); index++) {
    const field = lookupDict(doc, fields.get(index));
    const title = field?.get(PDFName.of('T'));
    if (title instanceof PDFString || title instanceof PDFHexString) names.add(title.decodeText());
  }
  return names;
}

async function addSignaturePlaceholder(pdf: Buffer, options: PadesSignOptions, reservedBytes: number): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (doc.isEncrypted) throw new Error('signPdf: encrypted PDFs are not supported');
  const context = doc.context;
  const firstNewObject = context.largestObjectNumber + 1;
  const previousXref = lastStartXref(pdf);
  // A file whose last section is a cross-reference stream gets a stream section too (ISO 32000-1 §7.5.8).
  const previousIsTable = pdf.subarray(previousXref, previousXref + 4).toString('latin1') === 'xref';
  const changed = new Map<string, PDFRef>();

  const rootRef = context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new Error('signPdf: the trailer has no indirect /Root');
  const catalog = doc.catalog;

  // The widget goes on the page of a visible signature, or on the first page for an invisible one.
  const pages = doc.getPages();
  const appearance = options.appearance;
  const pageIndex = appearance?.pageIndex ?? 0;
  const page = pages[pageIndex];
  if (!page) throw new RangeError(`signPdf: page ${pageIndex} does not exist (the document has ${pages.length})`);

  // AcroForm with SigFlags 3 = SignaturesExist | AppendOnly (ISO 32000-1 Table 219): readers must then save
  // changes as incremental updates, which keeps this signature valid.
  let acroForm: PDFDict;
  let acroFormOwner: PDFRef;
  const acroFormRaw = catalog.get(PDFName.of('AcroForm'));
  if (acroFormRaw instanceof PDFRef && context.lookup(acroFormRaw) instanceof PDFDict) {
    acroForm = context.lookup(acroFormRaw) as PDFDict;
    acroFormOwner = acroFormRaw;
  } else if (acroFormRaw instanceof PDFDict) {
    acroForm = acroFormRaw;
    acroFormOwner = rootRef;
  } else {
    acroForm = context.obj({});
    acroFormOwner = context.register(acroForm);
    catalog.set(PDFName.of('AcroForm'), acroFormOwner);
    changed.set(rootRef.toString(), rootRef);
  }
  changed.set(acroFormOwner.toString(), acroFormOwner);
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const fields = arrayForAppend(doc, acroForm, 'Fields', acroFormOwner, changed);

  let fieldName = options.fieldName;
  if (!fieldName) {
    const taken = fieldNames(doc, fields);
    let counter = 1;
    while (taken.has(`Signature${counter}`)) counter++;
    fieldName = `Signature${counter}`;
  }

  const signatureRef = context.nextRef();
  const widgetRef = context.nextRef();
  const widget: LiteralObject = {
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFHexString.fromText(fieldName),
    V: signatureRef,
    P: page.ref,
    // Print (4) + Locked (128): shown when printed, and the widget cannot be moved or deleted in a viewer.
    F: 132,
    Rect: [0, 0, 0, 0],
  };
  if (appearance) {
    const { x, y, width, height } = appearance.rect;
    if (!(width > 0 && height > 0)) throw new RangeError('signPdf: appearance.rect needs a positive width and height');
    widget.Rect = [x, y, x + width, y + height];
    widget.AP = { N: await appearanceStream(doc, width, height, appearance.imagePng) };
  }
  context.assign(widgetRef, context.obj(widget));
  fields.push(widgetRef);
  arrayForAppend(doc, page.node, 'Annots', page.ref, changed).push(widgetRef);

  // The signature dictionary is written by hand: @signpdf/signpdf looks for this exact /ByteRange placeholder
  // and the first "/Contents <" after it. /M carries the claimed signing time (ETSI EN 319 142-1 §5.4).
  const entries = [
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    `/ByteRange [0 /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER}]`,
    `/Contents <${'0'.repeat(reservedBytes * 2)}>`,
    `/M ${PDFString.of(pdfDate(options.signingTime)).toString()}`,
    `/Name ${textString(options.name)}`,
    `/Reason ${textString(options.reason)}`,
    `/Location ${textString(options.location)}`,
    ...(options.contactInfo ? [`/ContactInfo ${textString(options.contactInfo)}`] : []),
    '/Prop_Build << /App << /Name /OneCity >> >>',
  ];
  const signatureDictionary = `<<\n${entries.join('\n')}\n>>`;

  // Everything pdf-lib allocated in this session, plus the existing objects we changed.
  const objects: { ref: PDFRef; body: PDFObject | string }[] = [{ ref: signatureRef, body: signatureDictionary }];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (ref.objectNumber >= firstNewObject || changed.has(ref.toString())) objects.push({ ref, body: object });
  }
  objects.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);

  const chunks: Buffer[] = [pdf];
  let offset = pdf.length;
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  const last = pdf[pdf.length - 1];
  if (last !== 0x0a && last !== 0x0d) push(Buffer.from('\n', 'latin1'));
  const offsets = new Map<number, { offset: number; generation: number }>();
  for (const { ref, body } of objects) {
    offsets.set(ref.objectNumber, { offset, generation: ref.generationNumber });
    push(serialiseObject(ref, body));
  }

  const trailer: string[] = [`/Root ${rootRef.toString()}`];
  if (context.trailerInfo.Info) trailer.push(`/Info ${context.trailerInfo.Info.toString()}`);
  if (context.trailerInfo.ID) trailer.push(`/ID ${context.trailerInfo.ID.toString()}`);
  trailer.push(`/Prev ${previousXref}`);

  const xrefOffset = offset;
  if (previousIsTable) {
    const size = Math.max(context.largestObjectNumber, signatureRef.objectNumber) + 1;
    push(Buffer.from(`xref\n${xrefTable(offsets)}trailer\n<< /Size ${size} ${trailer.join(' ')} >>\n`, 'latin1'));
  } else {
    const streamRef = context.nextRef();
    offsets.set(streamRef.objectNumber, { offset: xrefOffset, generation: 0 });
    const size = Math.max(context.largestObjectNumber, streamRef.objectNumber) + 1;
    push(xrefStream(streamRef, offsets, size, trailer));
  }
  push(Buffer.from(`startxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

/** Groups object numbers into runs of consecutive numbers, as cross-reference subsections need. */
function runs(numbers: number[]): number[][] {
  const sorted = [...numbers].sort((a, b) => a - b);
  const result: number[][] = [];
  for (const number of sorted) {
    const current = result[result.length - 1];
    if (current && current[current.length - 1] === number - 1) current.push(number);
    else result.push([number]);
  }
  return result;
}

/** Classic cross-reference subsections (ISO 32000-1 §7.5.4): 20-byte entries, "n" for objects in use. */
function xrefTable(offsets: Map<number, { offset: number; generation: number }>): string {
  let text = '';
  for (const run of runs([...offsets.keys()])) {
    text += `${run[0]} ${run.length}\n`;
    for (const number of run) {
      const entry = offsets.get(number)!;
      text += `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r\n`;
    }
  }
  return text;
}

/** Uncompressed cross-reference stream (ISO 32000-1 §7.5.8) for files whose previous section is one. */
function xrefStream(ref: PDFRef, offsets: Map<number, { offset: number; generation: number }>, size: number, trailer: string[]): Buffer {
  const groups = runs([...offsets.keys()]);
  const rows: Buffer[] = [];
  for (const run of groups) {
    for (const number of run) {
      const entry = offsets.get(number)!;
      const row = Buffer.alloc(7);
      row[0] = 1;
      row.writeUInt32BE(entry.offset, 1);
      row.writeUInt16BE(entry.generation, 5);
      rows.push(row);
    }
  }
  const data = Buffer.concat(rows);
  const index = groups.map((run) => `${run[0]} ${run.length}`).join(' ');
  const dict = `<< /Type /XRef /Size ${size} /W [1 4 2] /Index [${index}] ${trailer.join(' ')} /Length ${data.length} >>`;
  return Buffer.concat([Buffer.from(`${ref.objectNumber} 0 obj\n${dict}\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
}

/** Form XObject for the widget's normal appearance: the PNG fitted into the box, centred, or empty without one. */
async function appearanceStream(doc: PDFDocument, width: number, height: number, png: Uint8Array | undefined): Promise<PDFRef> {
  const context = doc.context;
  const dict: LiteralObject = { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, width, height] };
  let content = '';
  if (png) {
    const image = await doc.embedPng(png);
    await image.embed();
    const scale = Math.min(width / image.width, height / image.height);
    const drawWidth = image.width * scale;
    const drawHeight = image.height * scale;
    const x = (width - drawWidth) / 2;
    const y = (height - drawHeight) / 2;
    dict.Resources = { XObject: { Img: image.ref } };
    content = `q ${num(drawWidth)} 0 0 ${num(drawHeight)} ${num(x)} ${num(y)} cm /Img Do Q`;
  }
  return context.register(context.flateStream(content, dict));
}

function num(value: number): string {
  return Number(value.toFixed(4)).toString();
}
