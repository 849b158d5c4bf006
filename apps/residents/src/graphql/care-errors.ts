import { DomainError } from '@gridcare/decider';
import { GraphQLError } from 'graphql';
import { CareNotPermitted } from '../care/care-roles';
import { toGraphQLError } from './command-errors';
import { conflict, forbidden } from './graphql-errors';

/**
 * Turns what a care command refused into a typed GraphQL error. The case as it stands
 * (an episode open or not, the follow-up done or no longer due) is a CONFLICT; a date or a
 * frequency that cannot be is BAD_USER_INPUT naming the field; the rest as for any command.
 */
export function toCareGraphQLError(error: unknown, residentId: string): GraphQLError {
  if (error instanceof CareNotPermitted) return forbidden(error.message);
  if (!(error instanceof DomainError)) return toGraphQLError(error, residentId);
  const { code, details, message } = error;
  switch (code) {
    case 'EPISODE_ALREADY_OPEN':
    case 'NO_OPEN_EPISODE':
    case 'NO_FOLLOW_UP_PLAN':
      return conflict(message, { reason: code, residentId, ...details });
    case 'FOLLOW_UP_NOT_PENDING':
    case 'FOLLOW_UP_ALREADY_COMPLETED':
      return conflict(message, { reason: code, residentId, field: 'followUpNumber', ...details });
    case 'DATE_IN_FUTURE':
    case 'DATE_BEFORE_ONSET':
      return refusedInput(String(details.field), message, { reason: code });
    case 'FREQUENCY_NOT_RAISED':
      return refusedInput('intervalDays', message, { reason: code, currentIntervalDays: details.intervalDays });
    default:
      return toGraphQLError(error, residentId);
  }
}

/** As badInput's: the message starts with the field. */
function refusedInput(field: string, message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field, ...details } });
}
