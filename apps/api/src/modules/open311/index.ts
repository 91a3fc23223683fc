/**
 * The open311 module: the Open311 GeoReport v2 API (with mySociety's servicerequestupdates) over field reports,
 * and the API keys of its clients. Other modules use only what is exported here.
 */
export { open311Routes } from './open311.routes.ts';
export { ensureDemoOpen311Client } from './open311.service.ts';
