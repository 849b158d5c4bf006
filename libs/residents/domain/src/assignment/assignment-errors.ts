import { DomainError } from '@gridcare/decider';

/** Why the assignment decider refused a command: stable codes the API maps to errors. */
export type AssignmentErrorCode =
  | 'RESIDENT_NOT_REGISTERED'
  | 'REASON_REQUIRED'
  | 'WORKER_ID_INVALID'
  /** The resident is already with that worker: nothing to change. */
  | 'WORKER_UNCHANGED'
  /** Reassigning a workload: the resident is no longer with the worker it is taken from. */
  | 'WORKER_CHANGED';

export const refuseAssignment = (code: AssignmentErrorCode, message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError(code, message, details);
