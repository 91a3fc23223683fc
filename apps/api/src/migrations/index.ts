/**
 * The one ordered migration history. Forward-only: a migration is never edited once released;
 * a change is a new migration. Names: YYYYMMDDHHMMSS_verb-object.
 */
import type { Migration } from 'kysely/migration';
import * as createFoundationTables from './20261129090000_create-foundation-tables.ts';
import * as createCalendarTables from './20261129100000_create-calendar-tables.ts';
import * as createReportTables from './20261129110000_create-report-tables.ts';
import * as createOpen311Tables from './20261129120000_create-open311-tables.ts';
import * as createReportPhotos from './20261129130000_create-report-photos.ts';
import * as createNotifications from './20261129140000_create-notifications.ts';
import * as addNotificationEmail from './20261129150000_add-notification-email.ts';
import * as createDossierTables from './20261129160000_create-dossier-tables.ts';
import * as createDocumentTables from './20261129170000_create-document-tables.ts';
import * as createPaymentTables from './20261129180000_create-payment-tables.ts';
import * as createOperationsTables from './20261129200000_create-operations-tables.ts';
import * as addRemoteSigningKeys from './20261129210000_add-remote-signing-keys.ts';
import * as addPaymentDiscrepancyResolution from './20261129220000_add-payment-discrepancy-resolution.ts';
import * as addReportPhotoReview from './20261130090000_add-report-photo-review.ts';
import * as addPublicMapIndex from './20261130100000_add-public-map-index.ts';
import * as addDecision766Aggregates from './20261130110000_add-decision-766-aggregates.ts';
import * as addOperationsCityDaily from './20261130120000_add-operations-city-daily.ts';
import * as addMapPlaceTimeIndex from './20261201090000_add-map-place-time-index.ts';
import * as addOperationsCounterIndexes from './20261201100000_add-operations-counter-indexes.ts';
import * as addOperationsRebuildProgress from './20261202090000_add-operations-rebuild-progress.ts';
import * as mapIndexCarriesCode from './20261202100000_map-index-carries-code.ts';
import * as openReportsSpanCoversClasses from './20261202110000_open-reports-span-covers-classes.ts';

export const migrations: Record<string, Migration> = {
  '20261129090000_create-foundation-tables': createFoundationTables,
  '20261129100000_create-calendar-tables': createCalendarTables,
  '20261129110000_create-report-tables': createReportTables,
  '20261129120000_create-open311-tables': createOpen311Tables,
  '20261129130000_create-report-photos': createReportPhotos,
  '20261129140000_create-notifications': createNotifications,
  '20261129150000_add-notification-email': addNotificationEmail,
  '20261129160000_create-dossier-tables': createDossierTables,
  '20261129170000_create-document-tables': createDocumentTables,
  '20261129180000_create-payment-tables': createPaymentTables,
  '20261129200000_create-operations-tables': createOperationsTables,
  '20261129210000_add-remote-signing-keys': addRemoteSigningKeys,
  '20261129220000_add-payment-discrepancy-resolution': addPaymentDiscrepancyResolution,
  '20261130090000_add-report-photo-review': addReportPhotoReview,
  '20261130100000_add-public-map-index': addPublicMapIndex,
  '20261130110000_add-decision-766-aggregates': addDecision766Aggregates,
  '20261130120000_add-operations-city-daily': addOperationsCityDaily,
  '20261201090000_add-map-place-time-index': addMapPlaceTimeIndex,
  '20261201100000_add-operations-counter-indexes': addOperationsCounterIndexes,
  '20261202090000_add-operations-rebuild-progress': addOperationsRebuildProgress,
  '20261202100000_map-index-carries-code': mapIndexCarriesCode,
  '20261202110000_open-reports-span-covers-classes': openReportsSpanCoversClasses,
};
