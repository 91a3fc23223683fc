/**
 * Verifies the signatures of a PDF and reports each one the way EU DSS does (ETSI EN 319 102-1 indications
 * TOTAL_PASSED / TOTAL_FAILED / INDETERMINATE with a sub-indication), plus a document-level summary.
 *
 * Scope: PAdES B-B and B-T (ETSI EN 319 142-1) and the older adbe.pkcs7.detached, RSA and ECDSA; chains are
 * built from the CMS certificates to the caller's trust roots; revocation comes from CRLs the caller passes
 * (no network access). Any input, however malformed, yields a report; only bad arguments (an unreadable trust
 * root) throw.
 */
import { createHash, createPublicKey, verify as verifySignature, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, certificateDer, derOf, hashNameForOid, nameAttribute, namesEqual, nameToString, OID, serialHex, toArrayBuffer } from './der.ts';

export type Indication = 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE';

/** Sub-indications of ETSI EN 319 102-1 §5.1.3 (the names EU DSS reports). */
export type SubIndication =
  | 'FORMAT_FAILURE'
  | 'HASH_FAILURE'
  | 'SIG_CRYPTO_FAILURE'
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'
  | 'REVOKED'
  | 'REVOKED_NO_POE'
  | 'REVOKED_CA_NO_POE'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'TRY_LATER';

export interface TrustSettings {
  /** Trust anchors, PEM (or DER). */
  roots: (string | Uint8Array)[];
  /** CRLs (DER) to check revocation with; each is used only when its signature verifies with the issuer in the chain. */
  crls?: Uint8Array[];
  /** Validation time; defaults to now. */
  now?: Date;
  /** When true, a signer without a verifiable CRL gets INDETERMINATE / TRY_LATER instead of passing. */
  requireRevocationData?: boolean;
}

export interface TimestampReport {
  genTime: Date;
  tsaCommonName: string | null;
  /** Message imprint matches the signature value, the token's CMS signature verifies and its TSA chains to a root. */
  valid: boolean;
  problem?: string;
}

export interface SignatureReport {
  /** Position in signing order, 0-based (order of the signed ranges' ends). */
  index: number;
  subFilter: string | null;
  signerCommonName: string | null;
  signerSubject: string | null;
  /** Upper-case hex. */
  signerSerial: string | null;
  issuerCommonName: string | null;
  signerNotBefore: Date | null;
  signerNotAfter: Date | null;
  /** The time-stamp's time for a valid B-T signature, otherwise the claimed time (/M). */
  signingTime: Date | null;
  /** /M of the signature dictionary: the signer's own claim, not proof (ETSI EN 319 142-1 §5.4). */
  claimedSigningTime: Date | null;
  signingTimeSource: 'timestamp' | 'claimed' | null;
  reason: string | null;
  location: string | null;
  /** /Name of the signature dictionary. */
  name: string | null;
  byteRange: [number, number, number, number] | null;
  /** The signed ranges end at the end of the file: nothing was appended after this signature. */
  coversWholeDocument: boolean;
  /** Digest of the signed ranges equals message-digest and the CMS signature verifies with the signer's key. */
  integrity: 'valid' | 'invalid';
  chain: 'trusted' | 'untrusted' | 'expired' | 'revoked';
  revocation: 'good' | 'revoked' | 'unknown';
  timestamp: TimestampReport | null;
  level: 'PAdES-B-B' | 'PAdES-B-T' | null;
  indication: Indication;
  subIndication?: SubIndication;
  /** Why the result is not TOTAL_PASSED, and warnings that do not change it (English, for logs and support). */
  problems: string[];
}

export interface PdfVerificationReport {
  status: 'NOT_PDF' | 'NO_SIGNATURES' | 'SIGNED';
  /**
   * Worst indication over all signatures; INDETERMINATE when all passed but bytes were appended after the last
   * signature; null when there is nothing to validate (not a PDF, no signature).
   */
  indication: Indication | null;
  signatureCount: number;
  lastSignatureCoversWholeDocument: boolean;
  validationTime: Date;
  message: string;
  signatures: SignatureReport[];
}

// ---------------------------------------------------------------------------------------------------------
// Finding signature dictionaries in the raw bytes.

interface RawSignature {
  byteRange: [number, number, number, number];
  /** Offset of "<" of /Contents, or -1 when absent. */
  contentsStart: number;
  contentsHex: string | null;
  subFilter: string | null;
  claimedTime: Date | null;
  reason: string | null;
  location: string | null;
  name: string | null;
}

/** Decodes a PDF literal string body (ISO 32000-1 §7.3.4.2) to bytes. */
function literalBytes(body: string): Buffer {
  const out: number[] = [];
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (char !== '\\') {
      out.push(char.charCodeAt(0) & 0xff);
      continue;
    }
    const next = body[++index];
    if (next === undefined) break;
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (next in escapes) out.push(escapes[next]!);
    else if (/[0-7]/.test(next)) {
      let octal = next;
      while (octal.length < 3 && /[0-7]/.test(body[index + 1] ?? '')) octal += body[++index];
      out.push(parseInt(octal, 8) & 0xff);
    } else if (next === '\r') {
      if (body[index + 1] === '\n') index++;
    } else if (next !== '\n') out.push(next.charCodeAt(0) & 0xff);
  }
  return Buffer.from(out);
}

/** Text string bytes to JS: UTF-16BE with BOM, UTF-8 with BOM (PDF 2.0), otherwise PDFDocEncoding read as Latin-1. */
function decodeTextString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('latin1');
}

/** Value of a string entry (/Key (literal) or /Key <hex>) in a dictionary's text, or null. */
function stringEntry(dict: string, key: string): string | null {
  const literal = new RegExp(`/${key}\\s*\\(((?:\\\\[\\s\\S]|[^\\\\)])*)\\)`).exec(dict);
  if (literal) return decodeTextString(literalBytes(literal[1]!));
  const hex = new RegExp(`/${key}\\s*<([0-9A-Fa-f\\s]*)>`).exec(dict);
  if (hex) {
    const digits = hex[1]!.replace(/\s+/g, '');
    return decodeTextString(Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex'));
  }
  return null;
}

/** Parses a PDF date (ISO 32000-1 §7.9.4), e.g. D:20261129120000+07'00'. */
function parsePdfDate(value: string | null): Date | null {
  if (!value) return null;
  const match = /^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(value.trim());
  if (!match) return null;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', sign, offsetHours = '00', offsetMinutes = '00'] = match;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const offset = sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000 : 0;
  const date = new Date(utc - offset);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Finds signature dictionaries by their /ByteRange arrays in the file text. Signature dictionaries are never
 * in object streams, because their byte offsets must be fixed before signing (ISO 32000-1 §12.8.1).
 */
function findSignatures(text: string): RawSignature[] {
  const found: RawSignature[] = [];
  const seen = new Set<string>();
  const byteRanges = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let match = byteRanges.exec(text); match; match = byteRanges.exec(text)) {
    const byteRange = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])] as [number, number, number, number];
    const key = byteRange.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    // The dictionary is the enclosing indirect object: from its "obj" keyword to "endobj" (or the file end).
    const objStart = Math.max(0, text.lastIndexOf(' obj', match.index));
    const endobj = text.indexOf('endobj', match.index);
    const dict = text.slice(objStart, endobj === -1 ? text.length : endobj);
    const contents = /\/Contents\s*<([0-9A-Fa-f\s]*)>/.exec(dict);
    const subFilter = /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(dict);
    found.push({
      byteRange,
      contentsStart: contents ? objStart + contents.index + contents[0].indexOf('<') : -1,
      contentsHex: contents ? contents[1]!.replace(/\s+/g, '') : null,
      subFilter: subFilter ? subFilter[1]! : null,
      claimedTime: parsePdfDate(stringEntry(dict, 'M')),
      reason: stringEntry(dict, 'Reason'),
      location: stringEntry(dict, 'Location'),
      name: stringEntry(dict, 'Name'),
    });
  }
  return found.sort((a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]));
}

// ---------------------------------------------------------------------------------------------------------
// Certificates, chains and revocation.

interface Cert {
  der: Uint8Array;
  node: X509Certificate;
  pkijs: pkijs.Certificate;
}

function toCert(input: Uint8Array | pkijs.Certificate): Cert | null {
  try {
    const der = input instanceof Uint8Array ? input : derOf(input);
    const parsed = input instanceof Uint8Array ? pkijs.Certificate.fromBER(toArrayBuffer(input)) : input;
    return { der, node: new X509Certificate(der), pkijs: parsed };
  } catch {
    return null;
  }
}

function validAt(cert: Cert, when: Date): 'valid' | 'expired' | 'not-yet-valid' {
  if (when.getTime() < cert.pkijs.notBefore.value.getTime()) return 'not-yet-valid';
  if (when.getTime() > cert.pkijs.notAfter.value.getTime()) return 'expired';
  return 'valid';
}

interface ChainResult {
  /** Signer first; ends with the trust anchor when trusted. */
  path: Cert[];
  trusted: boolean;
  problem?: string;
}

/** Builds a path from `leaf` through `pool` to one of `anchors`, checking each link's signature (RFC 5280 §6.1). */
function buildChain(leaf: Cert, pool: Cert[], anchors: Cert[]): ChainResult {
  const path = [leaf];
  const isAnchor = (cert: Cert) => anchors.some((anchor) => bytesEqual(anchor.der, cert.der));
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    if (isAnchor(current)) return { path, trusted: true };
    const candidates = [...anchors, ...pool].filter(
      (candidate) => !path.some((inPath) => bytesEqual(inPath.der, candidate.der)) && current.node.checkIssued(candidate.node) && current.node.verify(candidate.node.publicKey),
    );
    const issuer = candidates[0];
    if (!issuer) return { path, trusted: false, problem: `no trusted issuer found for "${current.node.subject.replace(/\n/g, ', ')}"` };
    // RFC 5280 §4.2.1.9: only CA certificates may issue certificates.
    if (!issuer.node.ca) return { path, trusted: false, problem: 'an issuer in the chain is not a CA certificate' };
    path.push(issuer);
    current = issuer;
  }
  return { path, trusted: false, problem: 'certificate chain too long' };
}

interface ParsedCrl {
  crl: pkijs.CertificateRevocationList;
}

interface RevocationResult {
  status: 'good' | 'revoked' | 'unknown';
  revokedAt?: Date;
}

/** Revocation status of `cert` from a CRL issued and signed by `issuer` (RFC 5280 §6.3). */
async function crlStatus(cert: Cert, issuer: Cert, crls: ParsedCrl[], now: Date): Promise<RevocationResult> {
  let status: RevocationResult = { status: 'unknown' };
  for (const { crl } of crls) {
    if (!namesEqual(crl.issuer, issuer.pkijs.subject)) continue;
    const verified = await crl.verify({ issuerCertificate: issuer.pkijs }).catch(() => false);
    if (!verified) continue;
    const entry = crl.revokedCertificates?.find((revoked) => bytesEqual(stripZeros(revoked.userCertificate.valueBlock.valueHexView), stripZeros(cert.pkijs.serialNumber.valueBlock.valueHexView)));
    if (entry) return { status: 'revoked', revokedAt: entry.revocationDate.value };
    // A CRL whose nextUpdate has passed says nothing about now (RFC 5280 §5.1.2.5).
    const fresh = crl.thisUpdate.value.getTime() <= now.getTime() + 300_000 && (!crl.nextUpdate || crl.nextUpdate.value.getTime() >= now.getTime());
    if (fresh) status = { status: 'good' };
  }
  return status;
}

function stripZeros(bytes: Uint8Array): Uint8Array {
  let view = bytes;
  while (view.length > 1 && view[0] === 0) view = view.subarray(1);
  return view;
}

// ---------------------------------------------------------------------------------------------------------
// CMS.

/** Hash used by a CMS signature algorithm, falling back to the digest algorithm for plain rsaEncryption. */
function signatureHash(signatureAlgorithm: string, digestHash: string): string | null {
  const byOid: Record<string, string> = {
    '1.2.840.113549.1.1.1': digestHash, // rsaEncryption: hash from digestAlgorithm (RFC 5754 §3.2)
    '1.2.840.113549.1.1.11': 'sha256',
    '1.2.840.113549.1.1.12': 'sha384',
    '1.2.840.113549.1.1.13': 'sha512',
    '1.2.840.10045.4.3.2': 'sha256',
    '1.2.840.10045.4.3.3': 'sha384',
    '1.2.840.10045.4.3.4': 'sha512',
  };
  return byOid[signatureAlgorithm] ?? null;
}

function findSignerCert(signedData: pkijs.SignedData, signerInfo: pkijs.SignerInfo): Cert | null {
  const certs = (signedData.certificates ?? []).filter((cert): cert is pkijs.Certificate => cert instanceof pkijs.Certificate);
  if (signerInfo.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = signerInfo.sid;
    const match = certs.find((cert) => namesEqual(cert.issuer, sid.issuer) && bytesEqual(stripZeros(cert.serialNumber.valueBlock.valueHexView), stripZeros(sid.serialNumber.valueBlock.valueHexView)));
    return match ? toCert(match) : null;
  }
  // subjectKeyIdentifier [0] (RFC 5652 §5.3).
  const sid = signerInfo.sid as asn1js.Constructed | asn1js.Primitive;
  const inner = sid.idBlock.isConstructed ? (sid as asn1js.Constructed).valueBlock.value[0] : sid;
  const keyId = inner instanceof asn1js.Primitive || inner instanceof asn1js.OctetString ? inner.valueBlock.valueHexView : undefined;
  if (!keyId) return null;
  for (const cert of certs) {
    const digest = createHash('sha1').update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
    if (bytesEqual(digest, keyId)) return toCert(cert);
  }
  return null;
}

function attributeValue(attributes: pkijs.SignedAndUnsignedAttributes | undefined, type: string): asn1js.AsnType | undefined {
  return attributes?.attributes.find((attribute) => attribute.type === type)?.values[0];
}

/**
 * Checks the ESS signing-certificate(-v2) attribute against the signer's certificate (RFC 2634 §5.4, RFC 5035
 * §3): 'missing' when absent, 'mismatch' when its first certHash is not the certificate's hash.
 */
function signingCertificateCheck(signerInfo: pkijs.SignerInfo, cert: Cert): 'match' | 'mismatch' | 'missing' {
  const v2 = attributeValue(signerInfo.signedAttrs, OID.signingCertificateV2);
  const v1 = attributeValue(signerInfo.signedAttrs, '1.2.840.113549.1.9.16.2.12');
  const value = v2 ?? v1;
  if (!value) return 'missing';
  try {
    const certs = (value as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    let hashName = v2 ? 'sha256' : 'sha1';
    let hashIndex = 0;
    const head = first.valueBlock.value[0];
    if (v2 && head instanceof asn1js.Sequence) {
      const algorithm = new pkijs.AlgorithmIdentifier({ schema: head });
      hashName = hashNameForOid(algorithm.algorithmId) ?? 'unsupported';
      hashIndex = 1;
    }
    if (hashName === 'unsupported') return 'mismatch';
    const certHash = (first.valueBlock.value[hashIndex] as asn1js.OctetString).valueBlock.valueHexView;
    return bytesEqual(createHash(hashName).update(cert.der).digest(), certHash) ? 'match' : 'mismatch';
  } catch {
    return 'mismatch';
  }
}

/** Verifies the signer's signature value over the DER signed attributes (or the content without them). */
function cryptoVerify(signerInfo: pkijs.SignerInfo, cert: Cert, content: Uint8Array, digestHash: string): { ok: boolean; problem?: string } {
  const hash = signatureHash(signerInfo.signatureAlgorithm.algorithmId, digestHash);
  if (!hash) return { ok: false, problem: `unsupported signature algorithm ${signerInfo.signatureAlgorithm.algorithmId}` };
  // RFC 5652 §5.4: with signed attributes the signature covers their DER encoding with an explicit SET OF tag.
  const signed = signerInfo.signedAttrs ? new Uint8Array(signerInfo.signedAttrs.encodedValue) : content;
  try {
    const key = createPublicKey({ key: Buffer.from(derOf(cert.pkijs.subjectPublicKeyInfo)), format: 'der', type: 'spki' });
    return { ok: verifySignature(hash, signed, key, signerInfo.signature.valueBlock.valueHexView) };
  } catch (error) {
    return { ok: false, problem: `signature check failed: ${(error as Error).message}` };
  }
}

interface ParsedCms {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
}

function parseCms(der: Uint8Array): ParsedCms {
  const asn1 = asn1js.fromBER(toArrayBuffer(der));
  if (asn1.offset === -1) throw new Error('CMS is not valid BER');
  const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
  if (contentInfo.contentType !== OID.signedData) throw new Error(`CMS content type is ${contentInfo.contentType}, not signedData`);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  if (signedData.signerInfos.length !== 1) throw new Error(`CMS has ${signedData.signerInfos.length} signer infos; PAdES requires exactly one`);
  return { signedData, signerInfo: signedData.signerInfos[0]! };
}

/** Verifies an RFC 3161 signature time-stamp token over `signatureValue` and its TSA chain. */
async function verifyTimestamp(token: asn1js.AsnType, signatureValue: Uint8Array, anchors: Cert[], crls: ParsedCrl[], now: Date): Promise<TimestampReport> {
  let genTime = new Date(Number.NaN);
  let tsaCommonName: string | null = null;
  try {
    const { signedData, signerInfo } = parseCms(new Uint8Array(token.toBER(false)));
    const eContent = signedData.encapContentInfo.eContent;
    if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !eContent) throw new Error('token content is not TSTInfo');
    const tstInfo = pkijs.TSTInfo.fromBER(eContent.getValue());
    genTime = tstInfo.genTime;
    const tsa = findSignerCert(signedData, signerInfo);
    if (!tsa) throw new Error('TSA certificate not found in the token');
    tsaCommonName = nameAttribute(tsa.pkijs.subject, OID.commonName);
    const imprintHash = hashNameForOid(tstInfo.messageImprint.hashAlgorithm.algorithmId);
    if (!imprintHash) throw new Error('unsupported message imprint hash');
    if (!bytesEqual(createHash(imprintHash).update(signatureValue).digest(), tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView)) {
      throw new Error('message imprint does not match the signature value');
    }
    const digestHash = hashNameForOid(signerInfo.digestAlgorithm.algorithmId);
    if (!digestHash) throw new Error('unsupported token digest algorithm');
    const tstDer = new Uint8Array(eContent.getValue());
    const messageDigest = attributeValue(signerInfo.signedAttrs, OID.messageDigest) as asn1js.OctetString | undefined;
    if (!messageDigest || !bytesEqual(createHash(digestHash).update(tstDer).digest(), messageDigest.valueBlock.valueHexView)) throw new Error('token message digest mismatch');
    if (!cryptoVerify(signerInfo, tsa, tstDer, digestHash).ok) throw new Error('token signature does not verify');
    // RFC 3161 §2.3: the TSA certificate carries the critical timeStamping extended key usage.
    const eku = tsa.pkijs.extensions?.find((extension) => extension.extnID === OID.extKeyUsage);
    if (!eku || !(eku.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes.includes(OID.ekuTimeStamping)) throw new Error('TSA certificate lacks the timeStamping usage');
    const pool = (signedData.certificates ?? []).flatMap((cert) => (cert instanceof pkijs.Certificate ? [toCert(cert)].filter((c): c is Cert => c !== null) : []));
    const chain = buildChain(tsa, pool, anchors);
    if (!chain.trusted) throw new Error(`TSA is not trusted: ${chain.problem ?? ''}`);
    if (validAt(tsa, genTime) !== 'valid') throw new Error('TSA certificate was not valid at the time-stamp time');
    if (chain.path[1] && (await crlStatus(tsa, chain.path[1], crls, now)).status === 'revoked') throw new Error('TSA certificate is revoked');
    return { genTime, tsaCommonName, valid: true };
  } catch (error) {
    return { genTime, tsaCommonName, valid: false, problem: (error as Error).message };
  }
}

// ---------------------------------------------------------------------------------------------------------
// One signature.

interface Context {
  bytes: Buffer;
  anchors: Cert[];
  crls: ParsedCrl[];
  now: Date;
  requireRevocationData: boolean;
}

/** A signature's report before any check has passed: what its dictionary says, and failed until proven otherwise. */
function failedReport(raw: RawSignature, index: number, fileLength: number): SignatureReport {
  return {
    index,
    subFilter: raw.subFilter,
    signerCommonName: null,
    signerSubject: null,
    signerSerial: null,
    issuerCommonName: null,
    signerNotBefore: null,
    signerNotAfter: null,
    signingTime: raw.claimedTime,
    signingTimeSource: raw.claimedTime ? 'claimed' : null,
    claimedSigningTime: raw.claimedTime,
    reason: raw.reason,
    location: raw.location,
    name: raw.name,
    byteRange: raw.byteRange,
    coversWholeDocument: raw.byteRange[2] + raw.byteRange[3] === fileLength,
    integrity: 'invalid',
    chain: 'untrusted',
    revocation: 'unknown',
    timestamp: null,
    level: null,
    indication: 'TOTAL_FAILED',
    problems: [],
  };
}

async function verifyOne(raw: RawSignature, index: number, context: Context): Promise<SignatureReport> {
  const { bytes } = context;
  const [a, b, c, d] = raw.byteRange;
  const report = failedReport(raw, index, bytes.length);
  const fail = (indication: Indication, subIndication: SubIndication | undefined, problem: string): SignatureReport => {
    report.indication = indication;
    if (subIndication) report.subIndication = subIndication;
    report.problems.push(problem);
    return report;
  };

  // ISO 32000-1 §12.8.1: the ByteRange covers the whole file except exactly the /Contents hex string.
  if (c + d > bytes.length) return fail('TOTAL_FAILED', 'FORMAT_FAILURE', `the signed range ends at byte ${c + d} but the file has ${bytes.length} bytes (truncated?)`);
  if (a !== 0 || b <= 0 || c <= b || raw.contentsStart !== b || bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) {
    return fail('TOTAL_FAILED', 'FORMAT_FAILURE', 'the /ByteRange does not exclude exactly the /Contents value of its signature dictionary');
  }
  if (!raw.contentsHex) return fail('TOTAL_FAILED', 'FORMAT_FAILURE', 'the signature dictionary has no /Contents');
  if (raw.subFilter === 'ETSI.RFC3161') return fail('INDETERMINATE', undefined, 'document time-stamps (ETSI.RFC3161) are not validated by this verifier');
  if (raw.subFilter !== 'ETSI.CAdES.detached' && raw.subFilter !== 'adbe.pkcs7.detached') {
    return fail('TOTAL_FAILED', 'FORMAT_FAILURE', `unsupported SubFilter ${raw.subFilter ?? '(none)'}`);
  }

  let cms: ParsedCms;
  try {
    cms = parseCms(new Uint8Array(Buffer.from(raw.contentsHex.length % 2 ? `${raw.contentsHex}0` : raw.contentsHex, 'hex')));
  } catch (error) {
    return fail('TOTAL_FAILED', 'FORMAT_FAILURE', `the signature value is not a usable CMS SignedData: ${(error as Error).message}`);
  }
  const { signedData, signerInfo } = cms;
  if (signedData.encapContentInfo.eContent) return fail('TOTAL_FAILED', 'FORMAT_FAILURE', 'the CMS is not detached (it embeds content)');

  const signer = findSignerCert(signedData, signerInfo);
  if (!signer) return fail('INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', "the signer's certificate is not in the CMS");
  report.signerCommonName = nameAttribute(signer.pkijs.subject, OID.commonName);
  report.signerSubject = nameToString(signer.pkijs.subject);
  report.signerSerial = serialHex(signer.pkijs.serialNumber);
  report.issuerCommonName = nameAttribute(signer.pkijs.issuer, OID.commonName);
  report.signerNotBefore = signer.pkijs.notBefore.value;
  report.signerNotAfter = signer.pkijs.notAfter.value;

  const digestHash = hashNameForOid(signerInfo.digestAlgorithm.algorithmId);
  if (!digestHash) return fail('INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE', `digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not accepted (SHA-256 or stronger required)`);

  // Integrity: the digest of the two signed ranges must equal message-digest (RFC 5652 §11.2) ...
  const content = Buffer.concat([bytes.subarray(0, b), bytes.subarray(c, c + d)]);
  const digest = createHash(digestHash).update(content).digest();
  if (signerInfo.signedAttrs) {
    const messageDigest = attributeValue(signerInfo.signedAttrs, OID.messageDigest) as asn1js.OctetString | undefined;
    const contentType = attributeValue(signerInfo.signedAttrs, OID.contentType);
    if (!messageDigest || !contentType) return fail('TOTAL_FAILED', 'FORMAT_FAILURE', 'signed attributes lack content-type or message-digest (RFC 5652 §5.3)');
    if (!bytesEqual(digest, messageDigest.valueBlock.valueHexView)) return fail('TOTAL_FAILED', 'HASH_FAILURE', 'the document bytes covered by the signature were changed (digest mismatch)');
  } else if (raw.subFilter === 'ETSI.CAdES.detached') {
    return fail('TOTAL_FAILED', 'FORMAT_FAILURE', 'ETSI.CAdES.detached signatures must have signed attributes');
  }
  // ... and the signature value must verify with the signer's public key.
  const crypto = cryptoVerify(signerInfo, signer, content, digestHash);
  if (!crypto.ok) return fail('TOTAL_FAILED', 'SIG_CRYPTO_FAILURE', crypto.problem ?? "the signature value does not verify with the signer's public key");
  report.integrity = 'valid';

  // ETSI EN 319 142-1 §6.3 (B-B): the signing certificate is bound by signing-certificate-v2, so it cannot be swapped.
  const certBinding = signingCertificateCheck(signerInfo, signer);
  if (certBinding === 'mismatch') return fail('INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', 'the signing-certificate attribute does not match the certificate in the CMS');
  if (raw.subFilter === 'ETSI.CAdES.detached' && certBinding === 'missing') report.problems.push('no signing-certificate-v2 attribute: not a PAdES baseline signature');
  if (signerInfo.signedAttrs && attributeValue(signerInfo.signedAttrs, OID.signingTime) && raw.subFilter === 'ETSI.CAdES.detached') {
    report.problems.push('a signing-time attribute is present, which PAdES baseline forbids (ETSI EN 319 142-1 §6.3)');
  }

  // B-T: a valid signature time-stamp is proof of existence (POE) of the signature at its genTime.
  const token = attributeValue(signerInfo.unsignedAttrs, OID.signatureTimeStampToken);
  let poe: Date | null = null;
  if (token) {
    report.timestamp = await verifyTimestamp(token, signerInfo.signature.valueBlock.valueHexView, context.anchors, context.crls, context.now);
    if (report.timestamp.valid) {
      poe = report.timestamp.genTime;
      report.signingTime = poe;
      report.signingTimeSource = 'timestamp';
    } else report.problems.push(`time-stamp not accepted: ${report.timestamp.problem ?? 'invalid'}`);
  }
  if (raw.subFilter === 'ETSI.CAdES.detached' && certBinding === 'match') report.level = poe ? 'PAdES-B-T' : 'PAdES-B-B';

  // Certificate chain (ETSI EN 319 102-1 §5.2.6 X.509 certificate validation, shell model at the validation time).
  const pool = (signedData.certificates ?? []).flatMap((cert) => (cert instanceof pkijs.Certificate ? [toCert(cert)].filter((x): x is Cert => x !== null) : []));
  const chain = buildChain(signer, pool, context.anchors);
  if (!chain.trusted) return fail('INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND', chain.problem ?? 'the chain does not reach a trusted root');
  report.chain = 'trusted';

  // Revocation of each certificate below the anchor, from the caller's CRLs.
  for (let position = 0; position < chain.path.length - 1; position++) {
    const cert = chain.path[position]!;
    const status = await crlStatus(cert, chain.path[position + 1]!, context.crls, context.now);
    if (position === 0) report.revocation = status.status;
    if (status.status !== 'revoked') continue;
    const revokedAt = status.revokedAt ?? context.now;
    // A POE before the revocation keeps the signature valid (EN 319 102-1 §5.6.2.4, past signature validation).
    if (poe && poe.getTime() < revokedAt.getTime()) continue;
    report.chain = 'revoked';
    if (position > 0) return fail('INDETERMINATE', 'REVOKED_CA_NO_POE', `an issuing CA certificate was revoked on ${revokedAt.toISOString()}`);
    if (poe) return fail('TOTAL_FAILED', 'REVOKED', `the signer's certificate was revoked on ${revokedAt.toISOString()}, before the time-stamp`);
    return fail('INDETERMINATE', 'REVOKED_NO_POE', `the signer's certificate was revoked on ${revokedAt.toISOString()} and nothing proves the signature existed before`);
  }

  // Validity periods: at the validation time, or at the time-stamp when there is one.
  for (const cert of chain.path.slice(0, -1)) {
    const atNow = validAt(cert, context.now);
    if (atNow === 'valid') continue;
    if (poe) {
      const atPoe = validAt(cert, poe);
      if (atPoe === 'valid') continue;
      report.chain = 'expired';
      return fail('TOTAL_FAILED', atPoe === 'expired' ? 'EXPIRED' : 'NOT_YET_VALID', `the certificate "${nameAttribute(cert.pkijs.subject, OID.commonName) ?? ''}" was not valid at the time-stamp`);
    }
    report.chain = 'expired';
    return fail('INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE', `the certificate "${nameAttribute(cert.pkijs.subject, OID.commonName) ?? ''}" is ${atNow === 'expired' ? 'expired' : 'not yet valid'} and no time-stamp proves the signature was made within its validity`);
  }

  if (context.requireRevocationData && report.revocation !== 'good') return fail('INDETERMINATE', 'TRY_LATER', "no fresh CRL for the signer's certificate");

  report.indication = 'TOTAL_PASSED';
  return report;
}

// ---------------------------------------------------------------------------------------------------------

const SEVERITY: Record<Indication, number> = { TOTAL_PASSED: 0, INDETERMINATE: 1, TOTAL_FAILED: 2 };

/** Verifies every signature of a PDF against the given trust roots and CRLs; never throws on bad input bytes. */
export async function verifyPdfSignatures(pdf: Uint8Array, trust: TrustSettings): Promise<PdfVerificationReport> {
  const now = trust.now ?? new Date();
  const anchors = trust.roots.map((root, position) => {
    const cert = toCert(certificateDer(root));
    if (!cert) throw new TypeError(`verifyPdfSignatures: trust root ${position} is not a readable certificate`);
    return cert;
  });
  const crls: ParsedCrl[] = [];
  for (const der of trust.crls ?? []) {
    try {
      crls.push({ crl: pkijs.CertificateRevocationList.fromBER(toArrayBuffer(der)) });
    } catch {
      // An unreadable CRL is skipped: it then contributes nothing, so statuses fall back to 'unknown'.
    }
  }
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const base = { validationTime: now, signatureCount: 0, lastSignatureCoversWholeDocument: false, signatures: [] as SignatureReport[] };
  // ISO 32000-1 §7.5.2: the header "%PDF-" starts the file; readers accept it within the first 1024 bytes.
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
    return { ...base, status: 'NOT_PDF', indication: null, message: 'The file is not a PDF.' };
  }
  const raws = findSignatures(bytes.toString('latin1'));
  if (raws.length === 0) return { ...base, status: 'NO_SIGNATURES', indication: null, message: 'The PDF has no digital signature.' };

  const context: Context = { bytes, anchors, crls, now, requireRevocationData: trust.requireRevocationData ?? false };
  const signatures: SignatureReport[] = [];
  for (const [index, raw] of raws.entries()) {
    try {
      signatures.push(await verifyOne(raw, index, context));
    } catch (error) {
      // Defensive: a parser corner case must not hide the other signatures' results.
      const report = failedReport(raw, index, bytes.length);
      report.subIndication = 'FORMAT_FAILURE';
      report.problems.push(`could not be processed: ${(error as Error).message}`);
      signatures.push(report);
    }
  }
  const last = signatures[signatures.length - 1]!;
  let indication = signatures.reduce<Indication>((worst, signature) => (SEVERITY[signature.indication] > SEVERITY[worst] ? signature.indication : worst), 'TOTAL_PASSED');
  let message = indication === 'TOTAL_PASSED' ? 'All signatures are valid.' : indication === 'TOTAL_FAILED' ? 'At least one signature is invalid.' : 'At least one signature could not be fully validated.';
  if (!last.coversWholeDocument && indication === 'TOTAL_PASSED') {
    indication = 'INDETERMINATE';
    message = 'All signatures are valid, but the file was changed after the last signature.';
  }
  return { ...base, status: 'SIGNED', indication, signatureCount: signatures.length, lastSignatureCoversWholeDocument: last.coversWholeDocument, message, signatures };
}
