/**
 * The documents module's error codes (messages in core/i18n/error-messages.ts):
 * - documents.not_found: an unknown document id, or one the caller may not download (no hint that it exists).
 * - documents.not_valid: revoking or superseding a document that is already revoked or superseded.
 */
export const DOCUMENTS_ERROR_PREFIX = 'documents.';
