/**
 * The agencies module: the city's administrative tree and ward boundaries.
 * Other modules use only what is exported here.
 */
export { agenciesRoutes } from './agencies.routes.ts';
export { getAgencyByCode, createAgency, importAreas } from './agencies.service.ts';
export { findAgencyById, findAgencyByCode, listAgencies } from './agencies.repository.ts';
export type { AgencyRow } from './agencies.repository.ts';
export { canSitUnder } from './workflow/agency-tree.ts';
export { agencyIdsUnder, findAreaAt, getAgencyDirectory, getStatisticsScope, type AgencyName, type AreaHit } from './areas-index.ts';
