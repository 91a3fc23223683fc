/**
 * The procedures module: online public services — the procedure catalogue and dossiers through the one-stop
 * lifecycle. Other modules use only what is exported here.
 */
export { proceduresRoutes } from './procedures.routes.ts';
export { ensureProcedures, foldDiacritics } from './procedures.catalogue.ts';
export { actOnDossier, recordFeePaidOnline, submitDossier, submitSurvey } from './dossiers.service.ts';
export { uploadDossierFile } from './dossiers.files.ts';
export { getDossierStatistics, getDossiersInProgress } from './dossiers.statistics.ts';
export { findDossierForPayment, listFeeBearingProcedureCodes, listFeeDueDossierCodes, type DossierForPayment } from './dossiers.payments.ts';
export * as dossierQueries from './dossiers.queries.ts';
