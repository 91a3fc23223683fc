/**
 * The agencies module's error codes (messages in core/i18n/error-messages.ts):
 * - agencies.not_found: an agency code or id that does not exist.
 * - agencies.code_taken: creating an agency with a code already in use.
 * - agencies.outside_scope: an admin acting on an agency outside their subtree.
 * - agencies.invalid_parent: a kind that cannot sit under the chosen parent (e.g. a ward under a department).
 * - areas.invalid_geojson: an import file that is not a FeatureCollection of (Multi)Polygons with codes.
 */
export const AGENCIES_ERROR_PREFIX = 'agencies.';
