/**
 * Importing and managing signing certificates (administrators): an official's personal certificate or an agency's
 * seal, from a PKCS#12 file with its password or from PEM. Before it is stored, the certificate must be valid now,
 * allow document signing (digitalSignature + nonRepudiation), match its private key and chain to a trusted root;
 * the key is then encrypted at rest and never leaves the server again.
 */
import { createPrivateKey, randomBytes, verify as verifySignature, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import type { ImportCertificateRequest, SigningCertificate } from '@onecity/contracts';
import { recordAudit, type AuditContext } from '../../core/audit/audit.ts';
import { requireRole, type Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/context.ts';
import type { Selectable } from 'kysely';
import type { SigningCertificatesTable } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import { getAgencyDirectory } from '../agencies/index.ts';
import { findUserContacts } from '../identity/index.ts';
import { detectImage } from './documents.images.ts';
import { encryptPrivateKey } from './documents.keys.ts';
import { remoteSigningKey } from './documents.remote.ts';
import { allowsDocumentSigning, splitPem, trustedRoots } from './documents.trust.ts';

interface KeyMaterial {
  certificatePem: string;
  chainPem: string[];
  /** The key itself, or its id at the remote signing service. */
  privateKey: KeyObject | { remoteKeyId: string };
}

function invalid(reason: string): AppError {
  return new AppError('documents.invalid_certificate', { params: { reason } });
}

/**
 * Parses a PKCS#12 file. The MAC key comes from the password as a BMPString (RFC 7292), but the PBES2 encryption key
 * from its UTF-8 bytes (RFC 8018, as OpenSSL 3 writes it); the library does only the former. For a password with
 * non-ASCII characters (common with Vietnamese), the MAC is checked first with the password as given, then the
 * contents are decrypted with its UTF-8 bytes.
 */
function parsePkcs12(der: string, password: string): forge.pkcs12.Pkcs12Pfx {
  try {
    return forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, password);
  } catch (error) {
    // Reaching decryption means the MAC (integrity and password) was verified.
    if (!/decrypt/i.test((error as Error).message ?? '') || ![...password].some((char) => char.charCodeAt(0) > 0x7f)) throw error;
    const pfx = forge.asn1.fromDer(der);
    (pfx.value as forge.asn1.Asn1[]).splice(2);
    return forge.pkcs12.pkcs12FromAsn1(pfx, false, forge.util.encodeUtf8(password));
  }
}

/** Opens a PKCS#12 file (RSA keys; OpenSSL 3's default AES/PBKDF2 protection included). */
function openPkcs12(base64: string, password: string): KeyMaterial {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = parsePkcs12(forge.util.decode64(base64), password);
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/MAC|password|decrypt/i.test(message)) throw new AppError('documents.wrong_key_password', { fields: [{ field: 'password', message: 'wrong password' }] });
    throw invalid('not a PKCS#12 file');
  }
  const oids = forge.pki.oids as Record<string, string>;
  const bagsOf = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keyBag = [...bagsOf(oids.pkcs8ShroudedKeyBag ?? ''), ...bagsOf(oids.keyBag ?? '')].find((bag) => bag.key);
  const certificates = bagsOf(oids.certBag ?? '')
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined && cert !== null);
  if (!keyBag?.key) throw invalid('the file holds no private key');
  if (certificates.length === 0) throw invalid('the file holds no certificate');
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
  const pems: string[] = certificates.map((cert: forge.pki.Certificate) => forge.pki.certificateToPem(cert));
  // The end-entity certificate is the one whose public key matches the private key.
  const own = pems.find((pem: string) => new X509Certificate(pem).checkPrivateKey(privateKey));
  if (!own) throw invalid('no certificate in the file matches its private key');
  return { certificatePem: own, chainPem: pems.filter((pem: string) => pem !== own), privateKey };
}

function openPem(request: ImportCertificateRequest): KeyMaterial {
  if (request.certificatePem && request.remoteKeyId && !request.privateKeyPem) {
    const [certificatePem] = splitPem(request.certificatePem);
    if (!certificatePem) throw invalid('certificatePem holds no certificate');
    return { certificatePem, chainPem: splitPem(request.chainPem ?? ''), privateKey: { remoteKeyId: request.remoteKeyId } };
  }
  if (!request.certificatePem || !request.privateKeyPem) throw new AppError('http.validation_failed', { fields: [{ field: 'certificatePem', message: 'give a PKCS#12 file or the certificate and key as PEM' }] });
  const [certificatePem] = splitPem(request.certificatePem);
  if (!certificatePem) throw invalid('certificatePem holds no certificate');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(request.privateKeyPem);
  } catch {
    throw invalid('privateKeyPem is not a readable private key (an encrypted key must be imported as PKCS#12)');
  }
  return { certificatePem, chainPem: splitPem(request.chainPem ?? ''), privateKey };
}

/** Whether a certificate chains (through the given issuers) to one of the trusted roots, each link's signature checked. */
function chainsToRoot(certificatePem: string, chainPem: string[], rootsPem: string[], now: Date): boolean {
  const pool = [...chainPem, ...rootsPem].map((pem) => new X509Certificate(pem));
  const roots = rootsPem.map((pem) => new X509Certificate(pem));
  let current = new X509Certificate(certificatePem);
  for (let depth = 0; depth < 6; depth += 1) {
    if (roots.some((root) => root.fingerprint256 === current.fingerprint256)) return true;
    const issuer = pool.find((candidate) => current.checkIssued(candidate) && current.verify(candidate.publicKey));
    if (!issuer || new Date(issuer.validTo).getTime() < now.getTime()) return false;
    if (roots.some((root) => root.fingerprint256 === issuer.fingerprint256)) return true;
    current = issuer;
  }
  return false;
}

function present(row: Selectable<SigningCertificatesTable>, holderName: string, agencyCode: string | null): SigningCertificate {
  return {
    id: row.id,
    kind: row.kind,
    holderName,
    userId: row.user_id,
    agencyCode,
    commonName: row.common_name,
    serialNumber: row.serial_number,
    issuerCommonName: row.issuer_common_name,
    notBefore: row.not_before.toISOString(),
    notAfter: row.not_after.toISOString(),
    isDemo: row.is_demo,
    keyProvider: row.key_provider === 'remote' ? 'remote' : 'local',
    hasImage: row.image_png !== null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revocationReason: row.revocation_reason,
  };
}

const commonNameOf = (x509: X509Certificate, part: 'subject' | 'issuer') => /(?:^|\n)CN=([^\n]+)/.exec(x509[part])?.[1] ?? x509[part];

/** Imports a signing certificate with its private key (administrators); returns it without the key. */
export async function importCertificate(ctx: AppContext, audit: AuditContext, actor: Actor | null, request: ImportCertificateRequest): Promise<SigningCertificate> {
  requireRole(actor, ['admin']);
  const directory = await getAgencyDirectory(ctx);
  let holderName = '';
  let agencyId: string | null = null;
  if (request.kind === 'personal') {
    const contact = request.userId ? (await findUserContacts(ctx, [request.userId])).get(request.userId) : undefined;
    if (!contact) throw new AppError('http.validation_failed', { fields: [{ field: 'userId', message: 'an existing official' }] });
    holderName = contact.fullName;
  } else {
    const agency = request.agencyCode ? directory.byCode.get(request.agencyCode) : undefined;
    if (!agency) throw new AppError('http.validation_failed', { fields: [{ field: 'agencyCode', message: 'an existing agency' }] });
    holderName = agency.nameVi;
    agencyId = agency.id;
  }
  const material = request.pkcs12Base64 ? openPkcs12(request.pkcs12Base64, request.password ?? '') : openPem(request);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(material.certificatePem);
  } catch {
    throw invalid('the certificate cannot be parsed');
  }
  const key = material.privateKey;
  if ('remoteKeyId' in key) {
    const url = ctx.config.signing.remoteSignerUrl;
    if (!url) throw new AppError('http.validation_failed', { fields: [{ field: 'remoteKeyId', message: 'no remote signing service is configured (REMOTE_SIGNER_URL)' }] });
    // Proof of possession: the service must sign a fresh challenge with the key matching the certificate.
    const challenge = randomBytes(32);
    const signature = await remoteSigningKey(url, key.remoteKeyId).sign(challenge);
    if (!verifySignature('sha256', challenge, x509.publicKey, signature)) throw invalid('the remote key does not belong to the certificate');
  } else if (!x509.checkPrivateKey(key)) {
    throw invalid('the private key does not belong to the certificate');
  }
  const now = new Date();
  const notBefore = new Date(x509.validFrom);
  const notAfter = new Date(x509.validTo);
  if (now < notBefore || now > notAfter) throw new AppError('documents.certificate_expired', { params: { notBefore: notBefore.toISOString().slice(0, 10), notAfter: notAfter.toISOString().slice(0, 10) } });
  if (!allowsDocumentSigning(material.certificatePem)) throw new AppError('documents.certificate_usage');
  if (!chainsToRoot(material.certificatePem, material.chainPem, await trustedRoots(ctx), now)) throw new AppError('documents.untrusted_certificate');
  let image: Buffer | null = null;
  if (request.imagePngBase64) {
    image = Buffer.from(request.imagePngBase64, 'base64');
    if (!(await detectImage(image))) throw new AppError('http.validation_failed', { fields: [{ field: 'imagePngBase64', message: 'a PNG image' }] });
  }
  const pkcs8 = 'remoteKeyId' in key ? null : key.export({ format: 'der', type: 'pkcs8' });
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('signing_certificates')
      .values({
        kind: request.kind,
        user_id: request.kind === 'personal' ? (request.userId ?? null) : null,
        agency_id: agencyId,
        common_name: commonNameOf(x509, 'subject'),
        serial_number: x509.serialNumber.toUpperCase(),
        issuer_common_name: commonNameOf(x509, 'issuer'),
        not_before: notBefore,
        not_after: notAfter,
        certificate_pem: material.certificatePem,
        chain_pem: material.chainPem.join('\n'),
        key_provider: pkcs8 ? 'local' : 'remote',
        encrypted_key: pkcs8 ? encryptPrivateKey(pkcs8, ctx.config.signing.keySecret) : null,
        remote_key_id: 'remoteKeyId' in key ? key.remoteKeyId : null,
        image_png: image,
        is_demo: false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // The audit row names the certificate, never the key.
    await recordAudit(trx, audit, {
      action: 'signing_certificate.import',
      targetType: 'signing_certificate',
      targetId: inserted.id,
      after: { kind: inserted.kind, holder: holderName, serialNumber: inserted.serial_number, issuer: inserted.issuer_common_name, notAfter: notAfter.toISOString() },
    });
    return inserted;
  });
  return present(row, holderName, request.agencyCode ?? null);
}

/** Every signing certificate (administrators), newest first, without keys. */
export async function listCertificates(ctx: AppContext, actor: Actor | null): Promise<SigningCertificate[]> {
  requireRole(actor, ['admin']);
  const rows = await ctx.db.selectFrom('signing_certificates').selectAll().orderBy('created_at', 'desc').limit(500).execute();
  const directory = await getAgencyDirectory(ctx);
  const contacts = await findUserContacts(ctx, rows.map((row) => row.user_id).filter((id): id is string => id !== null));
  return rows.map((row) => {
    const agency = row.agency_id ? directory.byId.get(row.agency_id) : undefined;
    return present(row, row.user_id ? (contacts.get(row.user_id)?.fullName ?? '') : (agency?.nameVi ?? ''), agency?.code ?? null);
  });
}

/** Stops a certificate from signing again (lost key, official left); for demo certificates the demo CRL lists it. */
export async function revokeCertificate(ctx: AppContext, audit: AuditContext, actor: Actor | null, id: string, reason: string): Promise<void> {
  requireRole(actor, ['admin']);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('signing_certificates').set({ revoked_at: new Date(), revocation_reason: reason.normalize('NFC') }).where('id', '=', id).where('revoked_at', 'is', null).returning(['id', 'serial_number']).executeTakeFirst();
    if (!updated) throw new AppError('documents.not_found');
    await recordAudit(trx, audit, { action: 'signing_certificate.revoke', targetType: 'signing_certificate', targetId: id, after: { serialNumber: updated.serial_number, reason } });
  });
}
