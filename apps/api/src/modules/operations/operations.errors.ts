/**
 * The operations module's error codes (messages in core/i18n/error-messages.ts):
 * - operations.agency_not_found: an agency code that names no agency (filters, scopes, scorecards).
 * - operations.period_too_long: a period longer than the module computes on demand (366 days; months for scorecards).
 * - operations.indicator_not_found: an indicator code Decision 766 does not have.
 * - operations.official_not_found: a scorecard asked for a user who is not an official (or is hidden from the caller).
 * - operations.not_a_unit: a comment on the scorecard of an agency that has none (the city itself).
 * Bad dates (from after to) are http.validation_failed with the field named; no access is auth.forbidden.
 */
export const OPERATIONS_ERROR_PREFIX = 'operations.';
