// The specs' GraphQL documents.
import { Identity } from '@gridcare/identity';
import { familyDoctor, referralDesk } from '@gridcare/identity/testing';

export const DECISION_FIELDS = `
  id kind decliningFacilityId declineReason note gridId neighbourGridIds firedRules appliedRule actorId actorRole causationId correlationId recordedAt
  inputs { direction tier severity spo2 ageYears highRisk needsIcu gridId homeFacilityId excludedFacilityIds from { facilityId level location { latitude longitude } } }
  capacitySnapshot { facilityId gridId level capabilities facilityRevision icuBeds { open occupied held free } }
  policy { id version hash }
  outcome { channel facilityId level gridId foundIn distanceKm icuBedRequired overCapacity }`;

export const REFERRAL_FIELDS = `
  id residentId direction status channel fromFacilityId facilityId gridId tier severity icuBedRequired icuBedHeld overCapacity
  parentReferralId downwardReferralId requestedBy requestedAt routedAt acceptedAt inTransitAt underObservationAt admittedAt dischargedAt referredDownAt cancelledAt cancelReason`;

export const REQUEST = `mutation ($input: RequestReferralInput!) { requestReferral(input: $input) { ${REFERRAL_FIELDS} decision { ${DECISION_FIELDS} } } }`;
export const ACCEPT = `mutation ($id: ID!, $facilityId: ID!) { acceptReferral(referralId: $id, facilityId: $facilityId) { ${REFERRAL_FIELDS} } }`;
export const DECLINE = `mutation ($id: ID!, $facilityId: ID!, $reason: DeclineReason!, $note: String) {
  declineReferral(referralId: $id, facilityId: $facilityId, reason: $reason, note: $note) { ${REFERRAL_FIELDS} decisions { ${DECISION_FIELDS} } } }`;
export const IN_TRANSIT = `mutation ($id: ID!) { markInTransit(referralId: $id) { ${REFERRAL_FIELDS} } }`;
export const ADMIT = `mutation ($id: ID!, $facilityId: ID!) { recordAdmission(referralId: $id, facilityId: $facilityId) { ${REFERRAL_FIELDS} } }`;
export const DISCHARGE = `mutation ($id: ID!, $facilityId: ID!) { recordDischarge(referralId: $id, facilityId: $facilityId) { ${REFERRAL_FIELDS} } }`;
export const REFER_DOWN = `mutation ($input: ReferDownInput!) { referDown(input: $input) { ${REFERRAL_FIELDS} decision { ${DECISION_FIELDS} } } }`;
export const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelReferral(referralId: $id, reason: $reason) { ${REFERRAL_FIELDS} } }`;
export const REFERRAL = `query ($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS} decision { ${DECISION_FIELDS} } decisions { ${DECISION_FIELDS} } } }`;
export const CAPACITY = `query ($id: ID!) { facility(id: $id) { id capacity { icuBeds { open occupied held free } facilityRevision } } }`;
export const QUEUE = `query ($facilityId: ID!, $status: ReferralStatus, $first: Int, $after: String) {
  referralQueue(facilityId: $facilityId, status: $status, first: $first, after: $after) { edges { cursor node { id status facilityId } } pageInfo { hasNextPage endCursor } } }`;

export interface ReferralData {
  id: string;
  status: string;
  facilityId: string;
  channel: string;
  icuBedRequired: boolean;
  icuBedHeld: boolean;
  [field: string]: unknown;
}

export const RESIDENT_ID = '3f0e1d2c-4b5a-4697-8a8b-9c0d1e2f3a4b';

/** A referral request from the fixture community; each spec changes what it needs. */
export const requestInput = (overrides: Record<string, unknown> = {}) => ({
  residentId: RESIDENT_ID,
  communityId: 'd01-s001-c001',
  tier: 'YELLOW',
  severity: 'MODERATE',
  spo2: 95,
  ageYears: 50,
  highRisk: false,
  needsIcu: false,
  ...overrides,
});

/** A family doctor of the whole city. */
export const FAMILY_DOCTOR: Identity = familyDoctor('dr-wang');

/** The referral desk of `facilityId`: a desk acts only for its own facility. */
export const deskOf = (facilityId: string, actorId = `desk-${facilityId}`): Identity => referralDesk(actorId, facilityId);

/** The desk of the facility a mutation's variables name (`facilityId`, or `input.facilityId`). */
export const deskNamedIn = (variables: Record<string, unknown>): Identity => {
  const input = variables.input as { facilityId?: unknown } | undefined;
  const facilityId = variables.facilityId ?? input?.facilityId;
  if (typeof facilityId !== 'string') throw new Error('deskNamedIn: the variables name no facility: say which desk acts');
  return deskOf(facilityId);
};
