/**
 * The reports module's error codes (messages in core/i18n/error-messages.ts):
 * - reports.category_not_found: an unknown or inactive category code.
 * - reports.category_exists: creating a category whose code is taken.
 * - reports.outside_city: a point that lies in no ward or commune of the city.
 * - reports.invalid_answer: an extra question answered wrongly (missing, not a number, not an option).
 * - reports.photo_required: a category that needs a photo, submitted without one.
 * - reports.not_found: an unknown report code (or one that is not public).
 * - reports.rule_exists: a routing rule for the same category and area already exists.
 * - reports.unit_not_found: a routing rule naming an unknown unit.
 * - reports.review_reason_required: withholding a photo without saying why.
 * - reports.photo_not_found: an unknown photo of the report, or one the caller may not see (not yet published).
 */
export const REPORTS_ERROR_PREFIX = 'reports.';
