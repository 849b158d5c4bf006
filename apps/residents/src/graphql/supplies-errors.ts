import { DomainError } from '@gridcare/decider';
import { GraphQLError } from 'graphql';
import { SuppliesNotPermitted } from '../supplies/supplies-roles';
import { toGraphQLError } from './command-errors';
import { conflict, forbidden } from './graphql-errors';

/** Turns what a supplies command refused into a typed GraphQL error; RESIDENT_NOT_REGISTERED and the rest as for any command. */
export function toSuppliesGraphQLError(error: unknown, residentId: string): GraphQLError {
  if (error instanceof SuppliesNotPermitted) return forbidden(error.message);
  if (!(error instanceof DomainError)) return toGraphQLError(error, residentId);
  const { code, details, message } = error;
  switch (code) {
    case 'NOT_A_KEY_RESIDENT':
      // The tier as the graph's enum Tier writes it.
      return conflict(message, { reason: code, residentId, tier: typeof details.tier === 'string' ? details.tier.toUpperCase() : null });
    case 'FINGER_OXIMETER_ALREADY_HELD':
      return conflict(message, { reason: code, residentId, field: 'serialNumber', heldSerialNumber: details.heldSerialNumber });
    case 'PHONE_NUMBER_INVALID':
    case 'HEALTH_KITS_OUT_OF_RANGE':
    case 'SERIAL_NUMBER_INVALID':
    case 'FINGER_OXIMETER_NOT_HELD':
      // details.field names the input field; the message starts with it, as badInput's do.
      return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason: code, ...details } });
    default:
      return toGraphQLError(error, residentId);
  }
}
