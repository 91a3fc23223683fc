/**
 * RFC 3161 time-stamping for PAdES B-T: request/response helpers for a real TSA reached over HTTP (the caller
 * does the POST with Content-Type application/timestamp-query), and a DEMO in-process TSA for tests and demos.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { DemoCertificate } from './demo-ca.ts';
import { OID, parseCertificate, SHA256, toArrayBuffer } from './der.ts';
import { derSorted, signingCertificateV2, type TimestampCallback } from './pades.ts';

/** Builds a DER TimeStampReq (RFC 3161 §2.4.1) for a SHA-256 digest, asking for the TSA certificate and binding a nonce. */
export function createTimestampRequest(digest: Uint8Array, nonce: Uint8Array = randomBytes(8)): Uint8Array {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(positive(nonce)) }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER(false));
}

/** Extracts the TimeStampToken from a DER TimeStampResp (RFC 3161 §2.4.2); throws unless the status is granted (0 or 1). */
export function timestampTokenFromResponse(response: Uint8Array): Uint8Array {
  const parsed = pkijs.TimeStampResp.fromBER(toArrayBuffer(response));
  const status = parsed.status.status;
  if ((status !== 0 && status !== 1) || !parsed.timeStampToken) throw new Error(`TSA refused the request (PKIStatus ${status})`);
  return new Uint8Array(parsed.timeStampToken.toSchema().toBER(false));
}

function positive(bytes: Uint8Array): Uint8Array {
  return bytes[0] !== undefined && bytes[0] >= 0x80 ? new Uint8Array([0, ...bytes]) : bytes;
}

/** Policy OID of the demo TSA, under the ITU-T/ISO "example" arc 2.999 so it can never collide with a real policy. */
export const DEMO_TSA_POLICY = '2.999.1.3161';

/**
 * Returns a TimestampCallback backed by an in-process DEMO TSA: it signs a TSTInfo (RFC 3161 §2.4.2) with the
 * given time-stamping certificate. For tests and demos only; a real deployment calls an accredited TSA.
 */
export function createDemoTsa(tsa: DemoCertificate, options: { now?: () => Date } = {}): TimestampCallback {
  const tsaCert = parseCertificate(tsa.der);
  const chain = [tsaCert, ...tsa.chainPem.map(parseCertificate)];
  return async (digest) => {
    const tstInfo = new pkijs.TSTInfo({
      version: 1,
      policy: DEMO_TSA_POLICY,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
        hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
      }),
      serialNumber: new asn1js.Integer({ valueHex: toArrayBuffer(positive(randomBytes(10))) }),
      genTime: options.now?.() ?? new Date(),
      accuracy: new pkijs.Accuracy({ seconds: 1 }),
    });
    const tstDer = tstInfo.toSchema().toBER(false);
    const tstDigest = new Uint8Array(await crypto.subtle.digest(SHA256, tstDer));
    const signerInfo = new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: tsaCert.issuer, serialNumber: tsaCert.serialNumber }),
      // RFC 3161 §2.4.2 and RFC 5816: content-type id-ct-TSTInfo, message-digest, and the ESS signing certificate.
      signedAttrs: new pkijs.SignedAndUnsignedAttributes({
        type: 0,
        attributes: derSorted([
          new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.tstInfo })] }),
          new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(tstDigest) })] }),
          new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(tsaCert)] }),
        ]),
      }),
    });
    const signedData = new pkijs.SignedData({
      // RFC 5652 §5.1: version 3 when the encapsulated content is not id-data.
      version: 3,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.tstInfo, eContent: new asn1js.OctetString({ valueHex: tstDer }) }),
      signerInfos: [signerInfo],
      certificates: chain,
    });
    await signedData.sign(tsa.privateKey, 0, SHA256);
    const token = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
    return Buffer.from(token.toSchema().toBER(false));
  };
}
