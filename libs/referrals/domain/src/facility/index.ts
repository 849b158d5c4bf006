export * from './facility-capacity';
export * from './facility-commands';
export * from './facility-state';
export * from './facility.decider';
export type { FacilityErrorCode } from './facility-errors';
export type * from './facility-events';
