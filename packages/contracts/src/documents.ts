import { Type, type Static } from 'typebox';

export const DOCUMENT_KINDS = ['result', 'apology', 'copy', 'notice', 'receipt'] as const;
export const DocumentKind = Type.Enum(DOCUMENT_KINDS);

/** EU DSS vocabulary: the outcome of validating a signature, never a bare boolean. */
export const Indication = Type.Enum(['TOTAL_PASSED', 'TOTAL_FAILED', 'INDETERMINATE']);

export const SignatureCheck = Type.Object({
  index: Type.Integer(),
  signerCommonName: Type.Union([Type.String(), Type.Null()]),
  issuerCommonName: Type.Union([Type.String(), Type.Null()]),
  signingTime: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  signingTimeSource: Type.Union([Type.Enum(['timestamp', 'claimed']), Type.Null()]),
  subFilter: Type.Union([Type.String(), Type.Null()]),
  level: Type.Union([Type.Enum(['PAdES-B-B', 'PAdES-B-T']), Type.Null()]),
  coversWholeDocument: Type.Boolean(),
  integrity: Type.Enum(['valid', 'invalid']),
  chain: Type.Enum(['trusted', 'untrusted', 'expired', 'revoked']),
  indication: Indication,
  subIndication: Type.Union([Type.String(), Type.Null()]),
});
export type SignatureCheck = Static<typeof SignatureCheck>;

export const SignaturesCheck = Type.Object({
  /** NOT_PDF, NO_SIGNATURES or SIGNED. */
  status: Type.Enum(['NOT_PDF', 'NO_SIGNATURES', 'SIGNED']),
  /** Worst indication over the signatures (null when there is none to validate). */
  indication: Type.Union([Indication, Type.Null()]),
  signatures: Type.Array(SignatureCheck),
});

/** The public verification of an issued document: four independent checks, no personal data. */
export const DocumentVerification = Type.Object({
  id: Type.String(),
  titleVi: Type.String(),
  numberSymbol: Type.String(),
  kind: DocumentKind,
  integrity: Type.Object({ result: Type.Enum(['PASSED', 'FAILED']), sha256: Type.String() }),
  signature: SignaturesCheck,
  status: Type.Object({
    value: Type.Enum(['valid', 'revoked', 'superseded']),
    reason: Type.Union([Type.String(), Type.Null()]),
    changedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    supersededBy: Type.Union([Type.String(), Type.Null()]),
  }),
  issuer: Type.Object({
    agencyCode: Type.String(),
    agencyNameVi: Type.String(),
    agencyNameEn: Type.String(),
    signerName: Type.Union([Type.String(), Type.Null()]),
    issuedAt: Type.String({ format: 'date-time' }),
  }),
});
export type DocumentVerification = Static<typeof DocumentVerification>;

/** The verification of any uploaded PDF (POST /api/v1/verify), and the issued document it matches, if any. */
export const UploadVerification = Type.Intersect([
  SignaturesCheck,
  Type.Object({
    sha256: Type.String(),
    matchedDocument: Type.Union([Type.Object({ id: Type.String(), titleVi: Type.String(), numberSymbol: Type.String(), status: Type.Enum(['valid', 'revoked', 'superseded']) }), Type.Null()]),
  }),
]);
export type UploadVerification = Static<typeof UploadVerification>;

export const DocumentSummary = Type.Object({
  id: Type.String(),
  kind: DocumentKind,
  titleVi: Type.String(),
  numberSymbol: Type.String(),
  agencyCode: Type.String(),
  agencyNameVi: Type.String(),
  agencyNameEn: Type.String(),
  dossierCode: Type.Union([Type.String(), Type.Null()]),
  issuedAt: Type.String({ format: 'date-time' }),
  signatureCount: Type.Integer(),
  status: Type.Enum(['valid', 'revoked', 'superseded']),
  verificationUrl: Type.String(),
});
export type DocumentSummary = Static<typeof DocumentSummary>;

export const RevokeDocumentRequest = Type.Object(
  {
    status: Type.Enum(['revoked', 'superseded']),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    supersededBy: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type RevokeDocumentRequest = Static<typeof RevokeDocumentRequest>;

export const DocumentStatistics = Type.Object({
  agencyCode: Type.String(),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  issued: Type.Integer(),
  signed: Type.Integer(),
  signedShare: Type.Union([Type.Number(), Type.Null()]),
});
export type DocumentStatistics = Static<typeof DocumentStatistics>;

export const ImportCertificateRequest = Type.Object(
  {
    kind: Type.Enum(['personal', 'seal']),
    /** The official holding a personal certificate. */
    userId: Type.Optional(Type.String({ format: 'uuid' })),
    /** The agency whose seal certificate this is. */
    agencyCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    /** A PKCS#12 (.p12/.pfx) file, base64, with its password … */
    pkcs12Base64: Type.Optional(Type.String({ maxLength: 200_000 })),
    password: Type.Optional(Type.String({ maxLength: 200 })),
    /** … or the certificate, its issuers and the private key as PEM. */
    certificatePem: Type.Optional(Type.String({ maxLength: 20_000 })),
    chainPem: Type.Optional(Type.String({ maxLength: 60_000 })),
    privateKeyPem: Type.Optional(Type.String({ maxLength: 20_000 })),
    /** … or the certificate as PEM and the id of its key at the remote signing service (REMOTE_SIGNER_URL). */
    remoteKeyId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** The handwritten signature (official) or the seal (agency), transparent PNG, base64. */
    imagePngBase64: Type.Optional(Type.String({ maxLength: 2_000_000 })),
  },
  { additionalProperties: false },
);
export type ImportCertificateRequest = Static<typeof ImportCertificateRequest>;

/** A signing certificate as administrators see it: never its private key. */
export const SigningCertificate = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['personal', 'seal']),
  holderName: Type.String(),
  userId: Type.Union([Type.String(), Type.Null()]),
  agencyCode: Type.Union([Type.String(), Type.Null()]),
  commonName: Type.String(),
  serialNumber: Type.String(),
  issuerCommonName: Type.String(),
  notBefore: Type.String({ format: 'date-time' }),
  notAfter: Type.String({ format: 'date-time' }),
  isDemo: Type.Boolean(),
  keyProvider: Type.Enum(['local', 'remote']),
  hasImage: Type.Boolean(),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revocationReason: Type.Union([Type.String(), Type.Null()]),
});
export type SigningCertificate = Static<typeof SigningCertificate>;
