import { DomainError } from '@gridcare/decider';
import { EventContractViolation } from '@gridcare/event-contracts';
import { WrongExpectedVersion } from '@gridcare/event-store';
import { GraphQLError } from 'graphql';
import { NotPermitted } from '../identity/referrals-roles';
import { ReferralInputRefused } from '../routing/referral-input-refused';
import { toGraphQLEnum } from './graphql-enum';
import { badInput, conflict, forbidden, notFound } from './graphql-errors';

/** Refusals that conflict with the state of a referral, facility or grid: CONFLICT, with the domain's code as `reason`. */
const CONFLICTS = new Set([
  'REFERRAL_ALREADY_REQUESTED',
  'INVALID_REFERRAL_TRANSITION',
  'NOT_THE_ROUTED_FACILITY',
  'ICU_BED_NOT_HELD',
  'ICU_BED_HELD',
  'NO_EMERGENCY_DEPARTMENT',
  'NOT_AN_UPWARD_REFERRAL',
  'NO_FACILITY_FOUND',
  'NO_ICU_BED_OPEN',
  'BED_NOT_HELD',
  'FACILITY_ALREADY_REGISTERED',
  'GRID_ALREADY_DEFINED',
  'ROUTING_POLICY_VERSION_CONFLICT',
]);

/** Refusals of what the client sent, and the input field each is about when the refusal does not say. */
const BAD_INPUT_FIELD: Readonly<Record<string, string>> = {
  NO_ICU_CAPABILITY: 'icuBedsOpen',
  OCCUPIED_EXCEEDS_OPEN: 'icuBedsOccupied',
  INVALID_ROUTING_INPUTS: 'input',
  REASON_REQUIRED: 'reason',
  // Only a downward referral can fire no rule: a patient who is not stable.
  NO_ROUTING_RULE_FIRED: 'severity',
  INVALID_ROUTING_POLICY: 'policy',
};

/** Statuses in details, as the graph's ReferralStatus writes them. */
function graphDetails(details: Record<string, unknown>): Record<string, unknown> {
  const shown = { ...details };
  if (typeof shown.status === 'string') shown.status = toGraphQLEnum(shown.status);
  if (Array.isArray(shown.allowedFrom)) shown.allowedFrom = shown.allowedFrom.map((status) => toGraphQLEnum(String(status)));
  delete shown.field;
  return shown;
}

/** Turns what a command refused into a typed GraphQL error; anything unexpected is rethrown. */
export function toGraphQLError(error: unknown, ids: { referralId?: string; facilityId?: string } = {}): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof NotPermitted) return forbidden(error.message);
  if (error instanceof ReferralInputRefused) return badInput(error.field, error.message);
  if (error instanceof DomainError) {
    const { code, message, details } = error;
    if (code === 'REFERRAL_NOT_REQUESTED') return notFound('referral', ids.referralId ?? String(details.referralId ?? ''), { reason: code });
    if (code === 'FACILITY_NOT_REGISTERED') return notFound('facility', String(details.facilityId ?? ids.facilityId ?? ''), { reason: code });
    const field = typeof details.field === 'string' ? details.field.replace(/^inputs\./, '') : undefined;
    if (CONFLICTS.has(code)) return conflict(message, { reason: code, ...(field ? { field } : {}), ...graphDetails(details) });
    if (code in BAD_INPUT_FIELD) return badInput(field ?? BAD_INPUT_FIELD[code], message, { reason: code, ...graphDetails(details) });
    throw error;
  }
  if (error instanceof EventContractViolation) {
    const issue = error.issues[0];
    return badInput(issue?.path.replace(/^(data\.)?/, '') || 'input', issue?.message ?? error.message);
  }
  if (error instanceof WrongExpectedVersion) {
    return conflict('the stream kept changing while this was decided; try again', { streamId: error.streamId, actual: error.actual });
  }
  throw error;
}
