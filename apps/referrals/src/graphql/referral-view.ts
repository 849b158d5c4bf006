import { CapacitySnapshot, RoutingGrid, RoutingInputs } from '@gridcare/referrals-contracts';
import type { Referral, RoutingDecision } from '../generated/prisma/client';
import { facilitySeenView, iso, isoOrNull } from './facility-view';
import { toGraphQLEnum, toGraphQLEnumOrNull } from './graphql-enum';

export function referralView(row: Referral) {
  return {
    id: row.referralId,
    residentId: row.residentId,
    direction: toGraphQLEnum(row.direction),
    status: toGraphQLEnum(row.status),
    channel: toGraphQLEnum(row.channel),
    fromFacilityId: row.fromFacilityId,
    facilityId: row.facilityId,
    gridId: row.gridId,
    tier: toGraphQLEnumOrNull(row.tier),
    severity: toGraphQLEnum(row.severity),
    icuBedRequired: row.icuBedRequired,
    icuBedHeld: row.icuBedHeld,
    overCapacity: row.overCapacity,
    parentReferralId: row.parentReferralId,
    downwardReferralId: row.downwardReferralId,
    requestedBy: row.requestedBy,
    requestedAt: iso(row.requestedAt),
    routedAt: iso(row.routedAt),
    acceptedAt: isoOrNull(row.acceptedAt),
    inTransitAt: isoOrNull(row.inTransitAt),
    underObservationAt: isoOrNull(row.underObservationAt),
    admittedAt: isoOrNull(row.admittedAt),
    dischargedAt: isoOrNull(row.dischargedAt),
    referredDownAt: isoOrNull(row.referredDownAt),
    cancelledAt: isoOrNull(row.cancelledAt),
    cancelReason: row.cancelReason,
    /** For the decision field's resolver. */
    decisionId: row.decisionId,
  };
}

export type ReferralView = ReturnType<typeof referralView>;

function inputsView(inputs: RoutingInputs) {
  return {
    ...inputs,
    direction: toGraphQLEnum(inputs.direction),
    tier: toGraphQLEnumOrNull(inputs.tier),
    severity: toGraphQLEnum(inputs.severity),
    from: { ...inputs.from, level: toGraphQLEnum(inputs.from.level) },
  };
}

export function routingDecisionView(row: RoutingDecision) {
  const grid = row.grid as unknown as RoutingGrid;
  return {
    id: row.decisionId,
    kind: toGraphQLEnum(row.kind),
    decliningFacilityId: row.decliningFacilityId,
    declineReason: toGraphQLEnumOrNull(row.declineReason),
    note: row.note,
    inputs: inputsView(row.inputs as unknown as RoutingInputs),
    gridId: grid.gridId,
    neighbourGridIds: grid.neighbourGridIds,
    capacitySnapshot: (row.capacitySnapshot as unknown as CapacitySnapshot).map(facilitySeenView),
    policy: { id: row.policyId, version: row.policyVersion, hash: row.policyHash },
    firedRules: row.firedRules,
    appliedRule: row.appliedRule,
    outcome: {
      channel: toGraphQLEnum(row.channel),
      facilityId: row.facilityId,
      level: toGraphQLEnum(row.level),
      gridId: row.gridId,
      foundIn: toGraphQLEnum(row.foundIn),
      distanceKm: row.distanceKm,
      icuBedRequired: row.icuBedRequired,
      overCapacity: row.overCapacity,
    },
    actorId: row.actorId,
    actorRole: row.actorRole,
    causationId: row.causationId,
    correlationId: row.correlationId,
    recordedAt: iso(row.recordedAt),
  };
}
