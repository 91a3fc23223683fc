/**
 * The documents module: digitally signed documents (PAdES), their verification and revocation.
 * Other modules use only what is exported here.
 */
export { documentsRoutes } from './documents.routes.ts';
export { prepareSignedDocument, storeDocument, verificationUrlOf, type IssueRequest, type PreparedDocument } from './documents.service.ts';
export { countIssuedDocuments, countIssuedDocumentsByAgency, listIssuedDocumentFacts, type IssuedDocumentFacts } from './documents.queries.ts';
