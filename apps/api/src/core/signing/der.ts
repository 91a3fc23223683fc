/**
 * Small encoding helpers shared by the signing engine: PEM armour (RFC 7468), certificate parsing, key
 * normalisation, and the X.509 name and serial-number renderings used in reports.
 */
import { createPrivateKey, KeyObject, type webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type CryptoKey = webcrypto.CryptoKey;

/** Wraps DER bytes in PEM armour with the given label (RFC 7468), 64 characters a line. */
export function toPem(der: Uint8Array, label: string): string {
  const base64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${base64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

/** Decodes the first PEM block (any label) to DER; throws when the text has none. */
export function fromPem(pem: string): Uint8Array {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!match) throw new TypeError('fromPem: no PEM block found');
  return new Uint8Array(Buffer.from(match[2]!.replace(/\s+/g, ''), 'base64'));
}

/** Accepts a certificate as PEM text or DER bytes and returns DER. */
export function certificateDer(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? fromPem(input) : input;
}

/** Parses a certificate given as PEM or DER. */
export function parseCertificate(input: string | Uint8Array): pkijs.Certificate {
  const der = certificateDer(input);
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

/** Exact-size ArrayBuffer copy of a view (pkijs and asn1js want ArrayBuffers, not Node Buffers over a pool). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** DER encoding of a pkijs object or asn1js value. */
export function derOf(value: { toSchema(): { toBER(sizeOnly?: boolean): ArrayBuffer } } | asn1js.BaseBlock): Uint8Array {
  const schema = value instanceof asn1js.BaseBlock ? value : value.toSchema();
  return new Uint8Array(schema.toBER(false));
}

/** Serial number as upper-case hex without leading zero bytes (the way openssl and pdfsig print it). */
export function serialHex(serial: asn1js.Integer): string {
  let bytes = serial.valueBlock.valueHexView;
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

const NAME_LABELS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** Value of the first attribute of a type (e.g. '2.5.4.3' for CN) in a name, or null. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, type: string): string | null {
  const found = name.typesAndValues.find((entry) => entry.type === type);
  return found ? String(found.value.valueBlock.value) : null;
}

/** RFC 4514-style rendering, most specific first ("CN=…, O=…, C=VN"), for reports only (no escaping rules applied). */
export function nameToString(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((entry) => `${NAME_LABELS[entry.type] ?? entry.type}=${String(entry.value.valueBlock.value)}`)
    .reverse()
    .join(', ');
}

/** Byte-wise equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** True when two names have the same DER encoding (RFC 5280 §7.1 allows more lenient matching; our chains are built by us). */
export function namesEqual(a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean {
  return bytesEqual(derOf(a), derOf(b));
}

type SigningAlgorithm = { name: 'RSASSA-PKCS1-v1_5'; hash: 'SHA-256' } | { name: 'ECDSA'; namedCurve: string };

/**
 * Turns a private key given as a WebCrypto key, a Node KeyObject or PEM (PKCS#8, PKCS#1 or SEC1) into a
 * WebCrypto signing key, since pkijs signs through WebCrypto. Only RSA (PKCS#1 v1.5) and ECDSA keys are accepted.
 */
export async function toSigningKey(key: CryptoKey | KeyObject | string): Promise<CryptoKey> {
  if (typeof key !== 'string' && !(key instanceof KeyObject)) return key;
  const keyObject = typeof key === 'string' ? createPrivateKey(key) : key;
  if (keyObject.type !== 'private') throw new TypeError('toSigningKey: a private key is required');
  let algorithm: SigningAlgorithm;
  if (keyObject.asymmetricKeyType === 'rsa') algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  else if (keyObject.asymmetricKeyType === 'ec') {
    const curve = keyObject.asymmetricKeyDetails?.namedCurve;
    const named = curve === 'prime256v1' ? 'P-256' : curve === 'secp384r1' ? 'P-384' : curve === 'secp521r1' ? 'P-521' : null;
    if (!named) throw new TypeError(`toSigningKey: unsupported EC curve ${curve ?? '(unknown)'}`);
    algorithm = { name: 'ECDSA', namedCurve: named };
  } else throw new TypeError(`toSigningKey: unsupported key type ${keyObject.asymmetricKeyType ?? '(unknown)'}`);
  return keyObject.toCryptoKey(algorithm, false, ['sign']);
}

/** Hash name WebCrypto and pkijs use for SHA-256; PAdES baseline signatures use SHA-256 (ETSI TS 119 312 recommends it). */
export const SHA256 = 'SHA-256';
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  country: '2.5.4.6',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  crlDistributionPoints: '2.5.29.31',
  crlNumber: '2.5.29.20',
  crlReason: '2.5.29.21',
  ekuEmailProtection: '1.3.6.1.5.5.7.3.4',
  ekuTimeStamping: '1.3.6.1.5.5.7.3.8',
  ekuDocumentSigning: '1.3.6.1.5.5.7.3.36',
} as const;

/** Node hash name for a digest algorithm OID, or null for one we do not accept. */
export function hashNameForOid(oid: string): 'sha256' | 'sha384' | 'sha512' | null {
  if (oid === OID.sha256) return 'sha256';
  if (oid === OID.sha384) return 'sha384';
  if (oid === OID.sha512) return 'sha512';
  return null;
}
