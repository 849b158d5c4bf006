export * from './evolve-resident';
export * from './resident-commands';
export type { ResidentErrorCode } from './resident-errors';
export type * from './resident-events';
export * from './resident-state';
export * from './resident.decider';
export * from './triage-inputs-of';
