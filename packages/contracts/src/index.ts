export * from './common.ts';
export * from './identity.ts';
export * from './agencies.ts';
export * from './audit.ts';
export * from './reports.ts';
export * from './open311.ts';
export * from './procedures.ts';
export * from './documents.ts';
