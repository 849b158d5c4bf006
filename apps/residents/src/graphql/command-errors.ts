import { DomainError } from '@gridcare/decider';
import { EventContractViolation } from '@gridcare/event-contracts';
import { WrongExpectedVersion } from '@gridcare/event-store';
import { GraphQLError } from 'graphql';
import { OutsideJurisdiction } from '../identity/resident-access';
import { badInput, conflict, forbidden, notFound } from './graphql-errors';

/** Which input field a refusal is about, for errors that name the field. */
const FIELD_OF: Record<string, string> = {
  NATIONAL_ID_INVALID: 'nationalId',
  BIRTH_DATE_MISMATCH: 'birthDate',
  BIRTH_DATE_IN_FUTURE: 'birthDate',
  AS_OF_BEFORE_BIRTH_DATE: 'birthDate',
  PREGNANT_WHILE_MALE: 'pregnant',
  NO_CHANGE: 'changes',
  REASON_REQUIRED: 'reason',
  TIER_UNCHANGED: 'tier',
  INVALID_TRIGGER: 'trigger',
  INVALID_RULE_SET: 'document',
  RULE_SET_VERSION_CONFLICT: 'document.version',
};

/** Turns what a command refused into a typed GraphQL error; anything else is rethrown. */
export function toGraphQLError(error: unknown, residentId?: string): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof OutsideJurisdiction) return forbidden(error.message);
  if (error instanceof DomainError) {
    if (error.code === 'RESIDENT_ALREADY_REGISTERED') {
      return conflict('a resident with this national ID is already registered', { field: 'nationalId', existingResidentId: error.details.residentId ?? residentId });
    }
    if (error.code === 'RESIDENT_NOT_REGISTERED') return notFound('resident', residentId ?? '');
    if (error.code === 'OVERRIDE_NOT_PERMITTED') return forbidden(error.message);
    if (error.code === 'RULE_SET_VERSION_CONFLICT') return conflict(error.message, { field: 'document.version', ...error.details });
    const issues = (error.details.issues as { path: string; message: string }[] | undefined) ?? [];
    const field = issues[0] ? `document.${issues[0].path}` : (FIELD_OF[error.code] ?? 'input');
    return new GraphQLError(`${field}: ${error.message}`, { extensions: { code: 'BAD_USER_INPUT', field, reason: error.code, ...error.details } });
  }
  if (error instanceof EventContractViolation) {
    const issue = error.issues[0];
    return badInput(issue?.path.replace(/^(data\.)?/, '') || 'input', issue?.message ?? error.message);
  }
  if (error instanceof WrongExpectedVersion) {
    // Registration is the only command decided without retries: the stream appeared meanwhile.
    if (error.expected === 'no_stream') {
      return conflict('a resident with this national ID was registered at the same moment', { field: 'nationalId', existingResidentId: residentId });
    }
    return conflict('the resident kept changing while this change was decided; try again', { residentId, actual: error.actual });
  }
  throw error;
}
