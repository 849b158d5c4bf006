import { DomainError } from '@gridcare/decider';
import { GraphQLError } from 'graphql';
import { AssignmentNotPermitted } from '../assignment/assignment-roles';
import { TooManyResidents } from '../assignment/bulk-assignment.service';
import { toGraphQLError } from './command-errors';
import { badInput, conflict, forbidden } from './graphql-errors';

/**
 * Turns what an assignment refused into a typed GraphQL error: the worker the resident is with
 * already, a blank reason or a bad worker id is BAD_USER_INPUT naming the field; the rest as
 * for any command (RESIDENT_NOT_REGISTERED is NOT_FOUND).
 */
export function toAssignmentGraphQLError(error: unknown, { residentId, workerIdField = 'workerId' }: { residentId?: string; workerIdField?: string } = {}): GraphQLError {
  if (error instanceof AssignmentNotPermitted) return forbidden(error.message);
  if (error instanceof TooManyResidents) return badInput(error.field, error.message);
  if (!(error instanceof DomainError)) return toGraphQLError(error, residentId);
  const { code, details, message } = error;
  switch (code) {
    case 'WORKER_UNCHANGED':
      return new GraphQLError(`workerId: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field: 'workerId', reason: code, residentId, ...details } });
    case 'REASON_REQUIRED':
      return badInputFrom(error, 'reason');
    case 'WORKER_ID_INVALID':
      // The command's workerId is the input's toWorkerId when a workload is reassigned.
      return badInputFrom(error, workerIdField);
    case 'WORKER_CHANGED':
      return conflict(message, { reason: code, residentId, ...details });
    default:
      return toGraphQLError(error, residentId);
  }
}

/** The decider's message names the command's field first; the error names the input's. */
function badInputFrom({ code, message }: DomainError, field: string): GraphQLError {
  return new GraphQLError(`${field}: ${message.replace(/^\w+: /, '')}`, { extensions: { code: 'BAD_USER_INPUT', field, reason: code } });
}
