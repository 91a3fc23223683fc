/**
 * The operations module: the operations centre (IOC) — Decision 766 scoring, public statistics, live figures and the
 * change stream, daily aggregates and scorecards. It owns only its own tables and reads the other modules through
 * their public functions. Other modules use only what is exported here.
 */
export { operationsRoutes } from './operations.routes.ts';
export { AGGREGATE_OPERATIONS, applyNewEvents, rebuildAggregates } from './aggregates.service.ts';
