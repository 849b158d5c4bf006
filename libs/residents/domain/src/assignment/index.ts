export * from './assignment-commands';
export type { AssignmentErrorCode } from './assignment-errors';
export type * from './assignment-events';
export { checkAssignment } from './decide-assign-resident';
export * from './resident-assignment-state';
export * from './resident-assignment.decider';
