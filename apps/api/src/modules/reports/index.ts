/**
 * The reports module: citizens' field reports (phản ánh hiện trường), their categories, routing,
 * deadlines and public pages. Other modules use only what is exported here.
 */
export { reportsRoutes } from './reports.routes.ts';
export { saveCategory, createRoutingRule, ensureCategoriesAndRules, type SeedRoutingRule } from './reports.service.ts';
export { sweepReports } from './reports.handling.service.ts';
export { submitReport } from './reports.service.ts';
export * as reportQueries from './reports.queries.ts';
