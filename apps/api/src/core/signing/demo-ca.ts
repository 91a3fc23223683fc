/**
 * A DEMO certificate authority for development, tests and demonstrations: a self-signed root, an issuing CA
 * under it, signing certificates for officials ("personal") and agency seals ("seal"), and CRLs.
 *
 * NOT FOR PRODUCTION. Real documents are signed with certificates from the official-use CA of the Government
 * Cipher Committee (Decree 68/2024/NĐ-CP) or a licensed public CA (Decree 23/2025/NĐ-CP); every name this
 * module issues says DEMO so that a demo certificate can never be mistaken for one of those.
 *
 * Certificates follow the RFC 5280 profile; private keys are extractable WebCrypto keys (Node's crypto),
 * so they can be exported as PEM for tools like openssl.
 */
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateDer, derOf, nameAttribute, OID, SHA256, serialHex, toPem, type CryptoKey } from './der.ts';

export type KeyAlgorithm = 'RSA-2048' | 'ECDSA-P256';

/** A certificate with its private key. */
export interface DemoCertificate {
  /** DER-encoded X.509 certificate. */
  der: Uint8Array;
  pem: string;
  privateKey: CryptoKey;
  /** Serial number, upper-case hex. */
  serialNumber: string;
  commonName: string;
  notBefore: Date;
  notAfter: Date;
  /** Issuer certificates up to and including the root, PEM, nearest first (empty for the root itself). */
  chainPem: string[];
}

export interface DemoCa {
  root: DemoCertificate;
  /** Issues end-entity certificates and CRLs. */
  issuing: DemoCertificate;
}

export interface DemoCaOptions {
  /** Start of validity of both CA certificates; defaults to one day ago (clock skew). */
  notBefore?: Date;
  /** Validity of the root in years (default 20); the issuing CA gets 10. */
  rootYears?: number;
  keyAlgorithm?: KeyAlgorithm;
}

export interface SigningCertificateOptions {
  /** Holder's name (NFC is applied), e.g. "Trương Công Minh", or the agency name for a seal. */
  commonName: string;
  organization: string;
  organizationalUnit?: string;
  /** 'personal': an official's own certificate; 'seal': an organisation certificate (con dấu số của cơ quan). */
  kind: 'personal' | 'seal';
  validDays: number;
  /** Defaults to one hour ago. */
  notBefore?: Date;
  /** URL of the CRL, written as the CRL distribution point (RFC 5280 §4.2.1.13). */
  crlDistributionPointUrl?: string;
  keyAlgorithm?: KeyAlgorithm;
}

export interface RevokedEntry {
  serialNumber: string;
  /** Defaults to the CRL's thisUpdate. */
  revokedAt?: Date;
  /** CRLReason code (RFC 5280 §5.3.1), e.g. 1 keyCompromise, 4 superseded, 5 cessationOfOperation. */
  reason?: number;
}

const DAY_MS = 86_400_000;

// RFC 5280 §4.2.1.3 key usage bits, numbered from the most significant bit of the first byte.
const KU_DIGITAL_SIGNATURE = 0x80;
const KU_NON_REPUDIATION = 0x40;
const KU_KEY_CERT_SIGN = 0x04;
const KU_CRL_SIGN = 0x02;

async function generateKeys(algorithm: KeyAlgorithm): Promise<webcrypto.CryptoKeyPair> {
  const params =
    algorithm === 'ECDSA-P256'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: SHA256 };
  // Extractable: this is a demo CA whose keys tests and tools export; a real CA keeps keys in an HSM.
  return (await webcrypto.subtle.generateKey(params, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
}

function buildName(parts: { country?: string; organization?: string; organizationalUnit?: string; commonName: string }): pkijs.RelativeDistinguishedNames {
  // X.520 order, most general first, one attribute per RDN; countryName is a PrintableString (RFC 5280
  // Appendix A), the rest UTF8String so Vietnamese names keep their diacritics (RFC 5280 §4.1.2.6).
  const attributes: asn1js.BaseBlock[] = [];
  const add = (type: string, value: asn1js.PrintableString | asn1js.Utf8String) =>
    attributes.push(new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] }));
  if (parts.country) add(OID.country, new asn1js.PrintableString({ value: parts.country }));
  if (parts.organization) add(OID.organization, new asn1js.Utf8String({ value: parts.organization.normalize('NFC') }));
  if (parts.organizationalUnit) add(OID.organizationalUnit, new asn1js.Utf8String({ value: parts.organizationalUnit.normalize('NFC') }));
  add(OID.commonName, new asn1js.Utf8String({ value: parts.commonName.normalize('NFC') }));
  // pkijs would put every attribute of a name it builds into a single multi-valued RDN; parsing our own
  // encoding keeps one RDN per attribute, which is what readers display and match on.
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: attributes }).toBER(false));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
function x509Time(date: Date): pkijs.Time {
  return new pkijs.Time({ type: date.getUTCFullYear() >= 2050 ? 1 : 0, value: date });
}

/** Positive 127-bit random serial (RFC 5280 §4.1.2.2: unique, at most 20 octets; CA/B Forum asks for 64+ random bits). */
function randomSerial(): Uint8Array {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return new Uint8Array(bytes);
}

function keyUsage(bits: number): pkijs.Extension {
  // DER named bit string: trailing zero bits are dropped and counted as unused (X.690 §11.2.2).
  let unused = 0;
  while (unused < 7 && ((bits >> unused) & 1) === 0) unused++;
  const value = new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits: unused });
  return new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: value.toBER(false) });
}

function extension(extnID: string, critical: boolean, value: { toSchema(): asn1js.BaseBlock } | asn1js.BaseBlock): pkijs.Extension {
  const schema = value instanceof asn1js.BaseBlock ? value : value.toSchema();
  return new pkijs.Extension({ extnID, critical, extnValue: schema.toBER(false) });
}

/** SHA-1 of the subjectPublicKey bits: the key identifier of RFC 5280 §4.2.1.2 method (1). */
function keyIdentifier(spki: pkijs.PublicKeyInfo): Uint8Array {
  return new Uint8Array(createHash('sha1').update(spki.subjectPublicKey.valueBlock.valueHexView).digest());
}

interface IssueParams {
  subject: pkijs.RelativeDistinguishedNames;
  issuer: pkijs.RelativeDistinguishedNames;
  issuerKey: CryptoKey;
  /** Subject key identifier of the issuer (null for a self-signed root). */
  issuerKeyId: Uint8Array | null;
  publicKey: CryptoKey;
  notBefore: Date;
  notAfter: Date;
  extensions: pkijs.Extension[];
}

async function issue(params: IssueParams): Promise<pkijs.Certificate> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: randomSerial().buffer as ArrayBuffer });
  cert.issuer = params.issuer;
  cert.subject = params.subject;
  cert.notBefore = x509Time(params.notBefore);
  cert.notAfter = x509Time(params.notAfter);
  await cert.subjectPublicKeyInfo.importKey(params.publicKey);
  const ski = keyIdentifier(cert.subjectPublicKeyInfo);
  cert.extensions = [
    ...params.extensions,
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: ski.buffer as ArrayBuffer })),
    extension(
      OID.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: (params.issuerKeyId ?? ski).slice().buffer as ArrayBuffer }) }),
    ),
  ];
  await cert.sign(params.issuerKey, SHA256);
  return cert;
}

function toDemoCertificate(cert: pkijs.Certificate, privateKey: CryptoKey, commonName: string, chainPem: string[]): DemoCertificate {
  const der = derOf(cert);
  return {
    der,
    pem: toPem(der, 'CERTIFICATE'),
    privateKey,
    serialNumber: serialHex(cert.serialNumber),
    commonName: commonName.normalize('NFC'),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    chainPem,
  };
}

function subjectKeyId(demo: DemoCertificate): Uint8Array {
  return keyIdentifier(pkijs.Certificate.fromBER(demo.der.slice().buffer).subjectPublicKeyInfo);
}

function parsed(demo: DemoCertificate): pkijs.Certificate {
  return pkijs.Certificate.fromBER(demo.der.slice().buffer);
}

const ROOT_CN = 'OneCity DEMO Root CA - not for production';
const ISSUING_CN = 'OneCity DEMO Issuing CA - not for production';
const DEMO_ORG = 'OneCity Demo';

/** Creates a DEMO root CA and an issuing CA under it (RSA 2048 by default); never use it for real documents. */
export async function createDemoCa(options: DemoCaOptions = {}): Promise<DemoCa> {
  const algorithm = options.keyAlgorithm ?? 'RSA-2048';
  const notBefore = options.notBefore ?? new Date(Date.now() - DAY_MS);
  const rootYears = options.rootYears ?? 20;
  const [rootKeys, issuingKeys] = await Promise.all([generateKeys(algorithm), generateKeys(algorithm)]);

  const rootName = buildName({ country: 'VN', organization: DEMO_ORG, commonName: ROOT_CN });
  const rootCert = await issue({
    subject: rootName,
    issuer: rootName,
    issuerKey: rootKeys.privateKey,
    issuerKeyId: null,
    publicKey: rootKeys.publicKey,
    notBefore,
    notAfter: new Date(notBefore.getTime() + rootYears * 365 * DAY_MS),
    // RFC 5280 §4.2.1.9: CA certificates mark basicConstraints critical; pathLen 1 allows the one issuing CA.
    extensions: [extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 1 })), keyUsage(KU_KEY_CERT_SIGN | KU_CRL_SIGN)],
  });
  const root = toDemoCertificate(rootCert, rootKeys.privateKey, ROOT_CN, []);

  const issuingName = buildName({ country: 'VN', organization: DEMO_ORG, commonName: ISSUING_CN });
  const issuingCert = await issue({
    subject: issuingName,
    issuer: rootName,
    issuerKey: rootKeys.privateKey,
    issuerKeyId: subjectKeyId(root),
    publicKey: issuingKeys.publicKey,
    notBefore,
    notAfter: new Date(Math.min(root.notAfter.getTime(), notBefore.getTime() + 10 * 365 * DAY_MS)),
    extensions: [extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 })), keyUsage(KU_KEY_CERT_SIGN | KU_CRL_SIGN)],
  });
  const issuing = toDemoCertificate(issuingCert, issuingKeys.privateKey, ISSUING_CN, [root.pem]);
  return { root, issuing };
}

/** Issues a document-signing certificate (keyUsage digitalSignature + nonRepudiation, critical) from the demo issuing CA. */
export async function issueSigningCertificate(ca: DemoCa, options: SigningCertificateOptions): Promise<DemoCertificate> {
  if (!options.commonName.trim() || !options.organization.trim()) throw new TypeError('issueSigningCertificate: commonName and organization are required');
  if (!(options.validDays > 0)) throw new RangeError('issueSigningCertificate: validDays must be positive');
  const keys = await generateKeys(options.keyAlgorithm ?? 'RSA-2048');
  const notBefore = options.notBefore ?? new Date(Date.now() - 3_600_000);
  const subject = buildName({
    country: 'VN',
    organization: options.organization,
    organizationalUnit: options.organizationalUnit,
    commonName: options.commonName,
  });
  const extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false })),
    // Non-repudiation (contentCommitment) marks a signature that commits the signer to the content, which
    // pyHanko and EU validators expect on document-signing certificates (RFC 5280 §4.2.1.3).
    keyUsage(KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION),
    // documentSigning (RFC 9336) states the purpose; emailProtection is kept because NSS (poppler's pdfsig,
    // Firefox-family readers) validates PDF signers with the S/MIME signer usage and rejects an EKU without it.
    extension(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: [OID.ekuDocumentSigning, OID.ekuEmailProtection] })),
  ];
  if (options.crlDistributionPointUrl) {
    extensions.push(
      extension(
        OID.crlDistributionPoints,
        false,
        new pkijs.CRLDistributionPoints({
          distributionPoints: [new pkijs.DistributionPoint({ distributionPoint: [new pkijs.GeneralName({ type: 6, value: options.crlDistributionPointUrl })] })],
        }),
      ),
    );
  }
  const cert = await issue({
    subject,
    issuer: parsed(ca.issuing).subject,
    issuerKey: ca.issuing.privateKey,
    issuerKeyId: subjectKeyId(ca.issuing),
    publicKey: keys.publicKey,
    notBefore,
    notAfter: new Date(notBefore.getTime() + options.validDays * DAY_MS),
    extensions,
  });
  return toDemoCertificate(cert, keys.privateKey, options.commonName, [ca.issuing.pem, ca.root.pem]);
}

/** Issues a time-stamping unit certificate (extendedKeyUsage timeStamping, critical, as RFC 3161 §2.3 requires) for a test TSA. */
export async function issueTimestampingCertificate(ca: DemoCa, options: { commonName: string; validDays: number; notBefore?: Date }): Promise<DemoCertificate> {
  const keys = await generateKeys('RSA-2048');
  const notBefore = options.notBefore ?? new Date(Date.now() - 3_600_000);
  const cert = await issue({
    subject: buildName({ country: 'VN', organization: DEMO_ORG, commonName: options.commonName }),
    issuer: parsed(ca.issuing).subject,
    issuerKey: ca.issuing.privateKey,
    issuerKeyId: subjectKeyId(ca.issuing),
    publicKey: keys.publicKey,
    notBefore,
    notAfter: new Date(notBefore.getTime() + options.validDays * DAY_MS),
    extensions: [
      extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false })),
      keyUsage(KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION),
      extension(OID.extKeyUsage, true, new pkijs.ExtKeyUsage({ keyPurposes: [OID.ekuTimeStamping] })),
    ],
  });
  return toDemoCertificate(cert, keys.privateKey, options.commonName, [ca.issuing.pem, ca.root.pem]);
}

/**
 * Creates a CRL (RFC 5280 §5) listing the given serials (hex) as revoked, signed by the issuing CA (for
 * end-entity certificates) or by the root (`options.issuer: 'root'`, to revoke the issuing CA); returns DER.
 */
export async function createCrl(
  ca: DemoCa,
  revoked: (string | RevokedEntry)[],
  options: { thisUpdate?: Date; nextUpdate?: Date; crlNumber?: number; issuer?: 'issuing' | 'root' } = {},
): Promise<Uint8Array> {
  const issuer = options.issuer === 'root' ? ca.root : ca.issuing;
  const thisUpdate = options.thisUpdate ?? new Date();
  const nextUpdate = options.nextUpdate ?? new Date(thisUpdate.getTime() + 7 * DAY_MS);
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = parsed(issuer).subject;
  crl.thisUpdate = x509Time(thisUpdate);
  crl.nextUpdate = x509Time(nextUpdate);
  const entries = revoked.map((entry) => (typeof entry === 'string' ? { serialNumber: entry } : entry));
  if (entries.length > 0) {
    crl.revokedCertificates = entries.map((entry) => {
      const hex = entry.serialNumber.replace(/[^0-9a-f]/gi, '');
      // A leading 0x80+ byte would read as negative: prefix 00 as DER INTEGER requires for positive values.
      const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
      const positive = bytes[0]! >= 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
      const revokedCertificate = new pkijs.RevokedCertificate({
        userCertificate: new asn1js.Integer({ valueHex: new Uint8Array(positive).buffer }),
        revocationDate: x509Time(entry.revokedAt ?? thisUpdate),
      });
      if (entry.reason !== undefined) {
        revokedCertificate.crlEntryExtensions = new pkijs.Extensions({ extensions: [extension(OID.crlReason, false, new asn1js.Enumerated({ value: entry.reason }))] });
      }
      return revokedCertificate;
    });
  }
  crl.crlExtensions = new pkijs.Extensions({
    extensions: [
      extension(OID.authorityKeyIdentifier, false, new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: subjectKeyId(issuer).slice().buffer }) })),
      // RFC 5280 §5.2.3: conforming CRL issuers include a monotonically increasing CRL number.
      extension(OID.crlNumber, false, new asn1js.Integer({ value: options.crlNumber ?? Math.floor(thisUpdate.getTime() / 1000) })),
    ],
  });
  await crl.sign(issuer.privateKey, SHA256);
  return new Uint8Array(crl.toSchema(true).toBER(false));
}

/** Exports a private key as PKCS#8 PEM ("PRIVATE KEY"), for openssl or other tools. */
export async function privateKeyToPem(key: CryptoKey): Promise<string> {
  return toPem(new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', key)), 'PRIVATE KEY');
}

/** Rebuilds a certificate with its key from storage (PEM and a signing key), e.g. the demo CA after a restart. */
export function loadDemoCertificate(pem: string, privateKey: CryptoKey, chainPem: string[]): DemoCertificate {
  const cert = pkijs.Certificate.fromBER(certificateDer(pem).slice().buffer);
  return toDemoCertificate(cert, privateKey, nameAttribute(cert.subject, '2.5.4.3') ?? '', chainPem);
}
