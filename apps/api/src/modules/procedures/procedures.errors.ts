/**
 * The procedures module's error codes (messages in core/i18n/error-messages.ts):
 * - procedures.not_found: an unknown (or, for citizens, inactive) procedure code.
 * - procedures.exists: creating a procedure whose code is taken.
 * - procedures.invalid_definition: a form that is not a usable JSON Schema, step shares not summing to 100, an unknown agency.
 * - dossiers.not_found: an unknown dossier code, or one the caller may not see (no hint that it exists).
 * - dossiers.invalid_file: an upload that is not a PDF, JPEG or PNG by its content.
 * - dossiers.file_not_found / dossiers.file_unusable: a file id that is unknown, someone else's, or attached already.
 * - dossiers.invalid_form: form answers that fail the procedure's schema (fields named formData.<name>).
 * - dossiers.missing_components: required components without a file.
 * - dossiers.agency_required: a ward-level procedure filed without a ward, or with an agency that is not a ward.
 * - dossiers.action_not_allowed: an action the dossier's status or step does not allow.
 * - dossiers.apology_required: approving an overdue dossier before an apology letter with a new date.
 * - dossiers.invalid_action: an action whose details are wrong (an officer who cannot take the step, a past date).
 * - dossiers.survey_exists / dossiers.result_not_ready: a second survey; a result asked for before there is one.
 */
export const PROCEDURES_ERROR_PREFIX = 'procedures.';
