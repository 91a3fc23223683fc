/**
 * The open311 module's error codes (messages in core/i18n/error-messages.ts). On the GeoReport routes every
 * error, ours or another module's, is answered as Open311 `errors/error` (open311.presenter.ts): 404 for a
 * missing resource, 403 for a missing or invalid api_key, 400 for everything else (Spec, "Errors").
 * - open311.invalid_api_key: POST without an api_key, or with one that is unknown or revoked.
 * - open311.unknown_jurisdiction: a jurisdiction_id other than the one this city serves.
 * - open311.invalid_parameter: parameters that are malformed, repeated, unknown or missing (each one named).
 * - open311.location_required: a POST without lat/long (an address alone cannot be routed to a ward).
 * - open311.photo_unsupported: a service that needs an uploaded photo, which Open311 cannot carry.
 * - open311.request_not_found: an unknown or non-public service_request_id.
 * - open311.token_not_found: an unknown token.
 * - open311.date_span_too_long: start_date and end_date more than 90 days apart.
 * - open311.client_not_found: an admin route naming an unknown client.
 */
export const OPEN311_ERROR_PREFIX = 'open311.';
