import type { DocumentStatistics, DocumentSummary, DocumentVerification, UploadVerification } from '@onecity/contracts';

/** Test data for the signed-document screens: a birth certificate extract issued by Phú Xuân ward. */

export const DOCUMENT_ID = '3f2a9c1e-7b4d-4e8a-9f10-2c3d4e5f6a7b';
export const OTHER_DOCUMENT_ID = '9b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8';
export const SHA256 = 'a3f1c9d2e4b5a6978877665544332211ffeeddccbbaa99887766554433221100';

type SignatureCheck = DocumentVerification['signature']['signatures'][number];

export function makeSignature(overrides: Partial<SignatureCheck> = {}): SignatureCheck {
  return {
    index: 0,
    signerCommonName: 'Trần Văn Bình',
    issuerCommonName: 'VNPT-CA SHA-256',
    signingTime: '2026-11-29T03:05:00.000Z',
    signingTimeSource: 'timestamp',
    subFilter: 'ETSI.CAdES.detached',
    level: 'PAdES-B-T',
    coversWholeDocument: true,
    integrity: 'valid',
    chain: 'trusted',
    indication: 'TOTAL_PASSED',
    subIndication: null,
    ...overrides,
  };
}

export function makeVerification(overrides: Partial<DocumentVerification> = {}): DocumentVerification {
  return {
    id: DOCUMENT_ID,
    titleVi: 'Trích lục khai sinh',
    numberSymbol: '123/TLKS-UBND',
    kind: 'result',
    integrity: { result: 'PASSED', sha256: SHA256 },
    signature: { status: 'SIGNED', indication: 'TOTAL_PASSED', signatures: [makeSignature()] },
    status: { value: 'valid', reason: null, changedAt: null, supersededBy: null },
    issuer: {
      agencyCode: 'PHUXUAN',
      agencyNameVi: 'Phường Phú Xuân',
      agencyNameEn: 'Phu Xuan Ward',
      signerName: 'Trần Văn Bình',
      issuedAt: '2026-11-29T03:00:00.000Z',
    },
    ...overrides,
  };
}

export function makeUploadVerification(overrides: Partial<UploadVerification> = {}): UploadVerification {
  return {
    status: 'SIGNED',
    indication: 'TOTAL_PASSED',
    signatures: [makeSignature()],
    sha256: SHA256,
    matchedDocument: { id: DOCUMENT_ID, titleVi: 'Trích lục khai sinh', numberSymbol: '123/TLKS-UBND', status: 'valid' },
    ...overrides,
  };
}

export function makeDocumentSummary(overrides: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id: DOCUMENT_ID,
    kind: 'result',
    titleVi: 'Trích lục khai sinh',
    numberSymbol: '123/TLKS-UBND',
    agencyCode: 'PHUXUAN',
    agencyNameVi: 'Phường Phú Xuân',
    agencyNameEn: 'Phu Xuan Ward',
    dossierCode: 'PHUXUAN-261129-0001',
    issuedAt: '2026-11-29T03:00:00.000Z',
    signatureCount: 1,
    status: 'valid',
    verificationUrl: `https://onecity.example/verify/${DOCUMENT_ID}`,
    ...overrides,
  };
}

export function makeDocumentStatistics(overrides: Partial<DocumentStatistics> = {}): DocumentStatistics {
  return { agencyCode: 'PHUXUAN', from: '2026-11-01', to: '2026-11-30', issued: 40, signed: 35, signedShare: 0.875, ...overrides };
}
