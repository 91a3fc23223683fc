/**
 * Who signs and whom verification trusts. Officials hold personal certificates and agencies seal certificates
 * (`signing_certificates`, keys encrypted at rest). Verification trusts the configured roots (TRUSTED_ROOTS_FILE, e.g.
 * the Government Cipher Committee's official-use root) and the rows of `trust_anchors`.
 *
 * The demo city only (SEED_DEMO): a built-in DEMO certificate authority issues each official's and agency's
 * certificate when it is first needed and publishes a CRL of the ones revoked. Its names say DEMO; production
 * configuration never creates it.
 */
import fs from 'node:fs';
import { createPrivateKey, randomUUID } from 'node:crypto';
import * as pkijs from 'pkijs';
import type { AppContext } from '../../core/context.ts';
import { createCrl, createDemoCa, issueSigningCertificate, loadDemoCertificate, type DemoCa } from '../../core/signing/demo-ca.ts';
import { certificateDer, toSigningKey, type CryptoKey } from '../../core/signing/der.ts';
import type { ExternalSigningKey } from '../../core/signing/pades.ts';
import { remoteSigningKey } from './documents.remote.ts';
import { decryptPrivateKey, encryptPrivateKey, exportPkcs8 } from './documents.keys.ts';
import { drawDemoSeal, drawDemoSignature } from './documents.images.ts';

export interface Signer {
  certificateId: string;
  commonName: string;
  certificateChain: string[];
  privateKey: CryptoKey | ExternalSigningKey;
  imagePng: Buffer | null;
}

const caCache = new WeakMap<AppContext, Promise<DemoCa>>();

async function signingKeyOf(ctx: AppContext, stored: Uint8Array): Promise<CryptoKey> {
  const pkcs8 = decryptPrivateKey(stored, ctx.config.signing.keySecret);
  return toSigningKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }));
}

/** The demo CA, created (and its root trusted) on first use; only when the demo city is seeded. */
async function loadOrCreateDemoCa(ctx: AppContext): Promise<DemoCa> {
  const stored = await ctx.db.selectFrom('demo_certificate_authority').selectAll().where('id', '=', 1).executeTakeFirst();
  if (stored) {
    const root = loadDemoCertificate(stored.root_pem, await signingKeyOf(ctx, stored.root_key), []);
    const issuing = loadDemoCertificate(stored.issuing_pem, await signingKeyOf(ctx, stored.issuing_key), [stored.root_pem]);
    return { root, issuing };
  }
  const ca = await createDemoCa();
  const secret = ctx.config.signing.keySecret;
  await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('demo_certificate_authority')
      .values({ id: 1, root_pem: ca.root.pem, root_key: encryptPrivateKey(await exportPkcs8(ca.root.privateKey), secret), issuing_pem: ca.issuing.pem, issuing_key: encryptPrivateKey(await exportPkcs8(ca.issuing.privateKey), secret) })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) await trx.insertInto('trust_anchors').values({ name: ca.root.commonName, certificate_pem: ca.root.pem, is_demo: true }).execute();
  });
  // Another instance may have won the race: use whatever is stored.
  const winner = await ctx.db.selectFrom('demo_certificate_authority').select('root_pem').where('id', '=', 1).executeTakeFirstOrThrow();
  return winner.root_pem === ca.root.pem ? ca : loadOrCreateDemoCa(ctx);
}

function demoCa(ctx: AppContext): Promise<DemoCa> | null {
  if (!ctx.config.seedDemo) return null;
  let loading = caCache.get(ctx);
  if (!loading) {
    loading = loadOrCreateDemoCa(ctx);
    loading.catch(() => caCache.delete(ctx));
    caCache.set(ctx, loading);
  }
  return loading;
}

const DIGITAL_SIGNATURE = 0x80;
const NON_REPUDIATION = 0x40;

/** Whether a certificate allows signing documents: keyUsage has digitalSignature and nonRepudiation (RFC 5280 §4.2.1.3). */
export function allowsDocumentSigning(pem: string): boolean {
  const cert = pkijs.Certificate.fromBER(certificateDer(pem).slice().buffer);
  const usage = cert.extensions?.find((extension) => extension.extnID === '2.5.29.15');
  if (!usage) return false;
  const bits = new Uint8Array((usage.parsedValue as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView);
  const first = bits[0] ?? 0;
  return (first & DIGITAL_SIGNATURE) !== 0 && (first & NON_REPUDIATION) !== 0;
}

interface Holder {
  kind: 'personal' | 'seal';
  userId?: string;
  agencyId?: string;
  /** For a demo certificate: the holder's name and organisation. */
  commonName: string;
  organization: string;
}

/**
 * A usable signer for an official or an agency: the newest certificate that is valid now, not revoked and allows
 * document signing. In the demo city one is issued by the demo CA when there is none. Null when none can be used.
 */
export async function findSigner(ctx: AppContext, holder: Holder, now: Date): Promise<Signer | null> {
  let query = ctx.db.selectFrom('signing_certificates').selectAll().where('kind', '=', holder.kind).where('revoked_at', 'is', null).where('not_before', '<=', now).where('not_after', '>', now);
  query = holder.kind === 'personal' ? query.where('user_id', '=', holder.userId ?? '') : query.where('agency_id', '=', holder.agencyId ?? '');
  const rows = await query.orderBy('created_at', 'desc').execute();
  const remoteUrl = ctx.config.signing.remoteSignerUrl;
  const hasKey = (row: (typeof rows)[number]) => row.encrypted_key !== null || (row.remote_key_id !== null && remoteUrl !== null);
  const usable = rows.find((row) => hasKey(row) && allowsDocumentSigning(row.certificate_pem));
  if (usable) {
    return {
      certificateId: usable.id,
      commonName: usable.common_name,
      certificateChain: [usable.certificate_pem, ...splitPem(usable.chain_pem)],
      privateKey: usable.encrypted_key ? await signingKeyOf(ctx, usable.encrypted_key) : remoteSigningKey(remoteUrl ?? '', usable.remote_key_id ?? ''),
      imagePng: usable.image_png,
    };
  }
  const loading = demoCa(ctx);
  if (!loading) return null;
  const ca = await loading;
  const certificate = await issueSigningCertificate(ca, {
    commonName: holder.commonName,
    organization: holder.organization,
    kind: holder.kind,
    validDays: 730,
    crlDistributionPointUrl: `${ctx.config.publicUrl}/api/v1/documents/demo-ca.crl`,
  });
  const image = holder.kind === 'seal' ? await drawDemoSeal(holder.commonName) : await drawDemoSignature(holder.commonName);
  const id = randomUUID();
  await ctx.db
    .insertInto('signing_certificates')
    .values({
      id,
      kind: holder.kind,
      user_id: holder.kind === 'personal' ? (holder.userId ?? null) : null,
      agency_id: holder.kind === 'seal' ? (holder.agencyId ?? null) : null,
      common_name: certificate.commonName,
      serial_number: certificate.serialNumber,
      issuer_common_name: ca.issuing.commonName,
      not_before: certificate.notBefore,
      not_after: certificate.notAfter,
      certificate_pem: certificate.pem,
      chain_pem: certificate.chainPem.join('\n'),
      encrypted_key: encryptPrivateKey(await exportPkcs8(certificate.privateKey), ctx.config.signing.keySecret),
      image_png: image,
      is_demo: true,
    })
    .execute();
  return { certificateId: id, commonName: certificate.commonName, certificateChain: [certificate.pem, ...certificate.chainPem], privateKey: certificate.privateKey, imagePng: image };
}

/** Splits a PEM bundle into its certificates. */
export function splitPem(bundle: string): string[] {
  return bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

const fileRoots = new Map<string, string[]>();

/** The roots verification trusts: the configured bundle and the stored trust anchors (the demo root in the demo city). */
export async function trustedRoots(ctx: AppContext): Promise<string[]> {
  const file = ctx.config.signing.trustedRootsFile;
  let fromFile: string[] = [];
  if (file) {
    fromFile = fileRoots.get(file) ?? splitPem(fs.readFileSync(file, 'utf8'));
    fileRoots.set(file, fromFile);
  }
  const stored = await ctx.db.selectFrom('trust_anchors').select('certificate_pem').execute();
  return [...fromFile, ...stored.map((row) => row.certificate_pem)];
}

/** The demo CA's current CRL (DER), listing the demo certificates revoked; null outside the demo city. */
export async function demoCrl(ctx: AppContext): Promise<Uint8Array | null> {
  const loading = demoCa(ctx);
  if (!loading) return null;
  const ca = await loading;
  const revoked = await ctx.db.selectFrom('signing_certificates').select(['serial_number', 'revoked_at']).where('is_demo', '=', true).where('revoked_at', 'is not', null).execute();
  return createCrl(ca, revoked.map((row) => ({ serialNumber: row.serial_number, revokedAt: row.revoked_at ?? undefined })));
}
