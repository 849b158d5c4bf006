export { EMERGENCY_NUMBER, mayHoldContactServiceCard } from './decide-issue-contact-service-card';
export * from './resident-supplies-state';
export * from './resident-supplies.decider';
export * from './supplies-commands';
export type { SuppliesErrorCode } from './supplies-errors';
export type * from './supplies-events';
