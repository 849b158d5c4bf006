import { RecordedEvent } from '@gridcare/event-store';
import {
  EmergencyObservationStartedData,
  ReferralAcceptedData,
  ReferralCancelledData,
  ReferralRedirectedData,
  ReferralRequestedData,
  ReferredDownData,
  RoutingDecision,
} from '@gridcare/referrals-contracts';

/** A referrals row: where the referral stands, and when it took each step. */
export interface ReferralRow {
  referral_id: string;
  resident_id: string;
  parent_referral_id: string | null;
  downward_referral_id: string | null;
  direction: string;
  status: string;
  channel: string;
  from_facility_id: string;
  facility_id: string;
  grid_id: string;
  tier: string | null;
  severity: string;
  icu_bed_required: boolean;
  icu_bed_held: boolean;
  over_capacity: boolean;
  applied_rule: string;
  decision_id: string;
  decisions: number;
  requested_by: string;
  requested_at: Date;
  routed_at: Date;
  accepted_at: Date | null;
  in_transit_at: Date | null;
  under_observation_at: Date | string | null;
  admitted_at: Date | null;
  discharged_at: Date | null;
  referred_down_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  status_changed_at: Date;
  updated_at: Date;
  stream_revision: number;
}

/** A routing_decisions row: one decision with its explanation. */
export interface DecisionRow {
  decision_id: string;
  referral_id: string;
  stream_revision: number;
  event_id: string;
  kind: 'request' | 'redirect';
  declining_facility_id: string | null;
  decline_reason: string | null;
  note: string | null;
  inputs: RoutingDecision['inputs'];
  grid: RoutingDecision['grid'];
  capacity_snapshot: RoutingDecision['capacitySnapshot'];
  policy_id: string;
  policy_version: string;
  policy_hash: string;
  fired_rules: string[];
  applied_rule: string;
  channel: string;
  facility_id: string;
  level: string;
  grid_id: string;
  found_in: string;
  distance_km: number;
  icu_bed_required: boolean;
  over_capacity: boolean;
  actor_id: string;
  actor_role: string;
  correlation_id: string;
  causation_id: string | null;
  recorded_at: Date;
}

/** The status each lifecycle event moves a referral to, and the column that keeps when. */
const STEPS: Readonly<Record<string, { status: string; at: keyof ReferralRow }>> = {
  ReferralAccepted: { status: 'accepted', at: 'accepted_at' },
  ReferralInTransit: { status: 'in-transit', at: 'in_transit_at' },
  EmergencyObservationStarted: { status: 'under-observation', at: 'status_changed_at' },
  PatientAdmitted: { status: 'admitted', at: 'admitted_at' },
  PatientDischarged: { status: 'discharged', at: 'discharged_at' },
  ReferredDown: { status: 'referred-down', at: 'referred_down_at' },
  ReferralCancelled: { status: 'cancelled', at: 'cancelled_at' },
};

export function decisionRow(event: RecordedEvent, kind: DecisionRow['kind'], decision: RoutingDecision, decline?: ReferralRedirectedData): DecisionRow {
  const { outcome, policy } = decision;
  return {
    decision_id: decision.decisionId,
    referral_id: (event.data as { referralId: string }).referralId,
    stream_revision: event.revision,
    event_id: event.id,
    kind,
    declining_facility_id: decline?.decliningFacilityId ?? null,
    decline_reason: decline?.declineReason ?? null,
    note: decline?.note ?? null,
    inputs: decision.inputs,
    grid: decision.grid,
    capacity_snapshot: decision.capacitySnapshot,
    policy_id: policy.id,
    policy_version: policy.version,
    policy_hash: policy.hash,
    fired_rules: decision.firedRules,
    applied_rule: decision.appliedRule,
    channel: outcome.channel,
    facility_id: outcome.facilityId,
    level: outcome.level,
    grid_id: outcome.gridId,
    found_in: outcome.foundIn,
    distance_km: outcome.distanceKm,
    icu_bed_required: outcome.icuBedRequired,
    over_capacity: outcome.overCapacity,
    actor_id: event.metadata.actor.id,
    actor_role: event.metadata.actor.role,
    correlation_id: event.metadata.correlationId,
    causation_id: event.metadata.causationId,
    recorded_at: event.recordedAt,
  };
}

/** The referral as its stream leaves it after `event` (null: an event for a referral never requested). */
export function applyReferralEvent(row: ReferralRow | undefined, event: RecordedEvent): ReferralRow | null {
  const at = event.recordedAt;
  if (event.type === 'ReferralRequested') {
    const { referralId, residentId, parentReferralId, decision } = event.data as ReferralRequestedData;
    const { inputs, outcome } = decision;
    return {
      referral_id: referralId,
      resident_id: residentId,
      parent_referral_id: parentReferralId,
      downward_referral_id: null,
      direction: inputs.direction,
      status: 'requested',
      channel: outcome.channel,
      from_facility_id: inputs.from.facilityId,
      facility_id: outcome.facilityId,
      grid_id: inputs.gridId,
      tier: inputs.tier,
      severity: inputs.severity,
      icu_bed_required: outcome.icuBedRequired,
      icu_bed_held: false,
      over_capacity: outcome.overCapacity,
      applied_rule: decision.appliedRule,
      decision_id: decision.decisionId,
      decisions: 1,
      requested_by: event.metadata.actor.id,
      requested_at: at,
      routed_at: at,
      accepted_at: null,
      in_transit_at: null,
      under_observation_at: null,
      admitted_at: null,
      discharged_at: null,
      referred_down_at: null,
      cancelled_at: null,
      cancel_reason: null,
      status_changed_at: at,
      updated_at: at,
      stream_revision: event.revision,
    };
  }
  if (!row) return null;
  const next: ReferralRow = { ...row, updated_at: at, stream_revision: event.revision };
  if (event.type === 'ReferralRedirected') {
    const { decision } = event.data as ReferralRedirectedData;
    // Back in a referral desk's queue: another facility's, from now.
    return {
      ...next,
      status: 'requested',
      channel: decision.outcome.channel,
      facility_id: decision.outcome.facilityId,
      icu_bed_required: decision.outcome.icuBedRequired,
      over_capacity: decision.outcome.overCapacity,
      applied_rule: decision.appliedRule,
      decision_id: decision.decisionId,
      decisions: row.decisions + 1,
      routed_at: at,
      status_changed_at: at,
    };
  }
  const step = STEPS[event.type];
  if (!step) return next;
  Object.assign(next, { status: step.status, [step.at]: at, status_changed_at: at });
  // The start of an observation is the service clock's: the 24 hours are counted on it.
  if (event.type === 'EmergencyObservationStarted') next.under_observation_at = (event.data as EmergencyObservationStartedData).startedAt;
  if (event.type === 'ReferralAccepted') next.icu_bed_held = (event.data as ReferralAcceptedData).icuBedHeld;
  if (event.type === 'PatientAdmitted') next.icu_bed_held = false;
  if (event.type === 'ReferralCancelled') {
    next.icu_bed_held = false;
    next.cancel_reason = (event.data as ReferralCancelledData).reason;
  }
  if (event.type === 'ReferredDown') next.downward_referral_id = (event.data as ReferredDownData).downwardReferralId;
  return next;
}
