import { DomainEvent } from '@gridcare/decider';
import { Direction, ReferralTriggerSkipped, ReferralTriggerSkippedData, ReferralTriggerSkipReason, Severity } from '@gridcare/referrals-contracts';
import { Tier } from '@gridcare/residents-contracts';
import { contractEvent } from '@gridcare/decider';
import { FINAL_REFERRAL_STATUSES, ReferralStatus } from '../referral/referral-state';
import { ReferralPolicy, referralPolicyRefOf } from './referral-policy';
import { ReferralTrigger } from './referral-trigger';
import { ageOn, isHighRisk, ResidentFacts } from './resident-facts';
import { referralIdForTrigger } from './trigger-ids';

/** A referral of the resident's, as the referrals read model (or this batch) shows it. */
export interface ResidentReferral {
  readonly referralId: string;
  readonly status: ReferralStatus;
}

/** What the policy already did for the resident: their referrals, and the triggers it skipped. */
export interface ResidentReferralHistory {
  readonly referrals: readonly ResidentReferral[];
  readonly skippedTriggerIds: ReadonlySet<string>;
}

/** The request the policy makes: what routing needs of the patient, with the referral id the trigger names. */
export interface PolicyReferralRequest {
  readonly referralId: string;
  readonly residentId: string;
  readonly communityId: string;
  readonly direction: Direction;
  /** The community's grassroots institution refers. */
  readonly fromFacilityId: null;
  readonly tier: Tier | null;
  readonly severity: Severity;
  readonly spo2: number | null;
  readonly ageYears: number;
  readonly highRisk: boolean;
  /** Only a doctor judges that intensive care is needed. */
  readonly needsIcu: false;
}

export type ReferralTriggerSkippedEvent = DomainEvent<'ReferralTriggerSkipped', ReferralTriggerSkippedData>;

export type ReferralTriggerDecision =
  /** Open this referral. */
  | { readonly outcome: 'open'; readonly request: PolicyReferralRequest }
  /** Open nothing, and record why. */
  | { readonly outcome: 'skip'; readonly event: ReferralTriggerSkippedEvent }
  /** The trigger was handled before (a redelivery): its referral, or null if it was skipped. */
  | { readonly outcome: 'handled'; readonly referralId: string | null };

/**
 * What the referral policy does with one trigger. Pure: the caller gives what the referrals
 * service has seen of the resident (facts and referrals, up to at least the trigger).
 * One open referral per resident at a time: a resident whose referral has not ended
 * (discharged, referred down or cancelled) is not referred again; the trigger is skipped.
 */
export function decideReferralTrigger(trigger: ReferralTrigger, facts: ResidentFacts | null, history: ResidentReferralHistory, policy: ReferralPolicy): ReferralTriggerDecision {
  const referralId = referralIdForTrigger(trigger.eventId);
  if (history.referrals.some((referral) => referral.referralId === referralId)) return { outcome: 'handled', referralId };
  if (history.skippedTriggerIds.has(trigger.eventId)) return { outcome: 'handled', referralId: null };
  if (!facts) return { outcome: 'skip', event: skipped(trigger, 'resident-not-known', policy) };
  const open = history.referrals.find((referral) => !FINAL_REFERRAL_STATUSES.includes(referral.status));
  if (open) return { outcome: 'skip', event: skipped(trigger, 'open-referral', policy, { openReferralId: open.referralId }) };
  const { seen } = trigger;
  return {
    outcome: 'open',
    request: {
      referralId,
      residentId: trigger.residentId,
      communityId: facts.communityId,
      direction: 'up',
      fromFacilityId: null,
      tier: seen.tier ?? facts.tier,
      severity: policy.document.triggers[trigger.kind].severity,
      spo2: seen.spo2 !== undefined ? seen.spo2 : facts.latestSpo2,
      ageYears: seen.ageYears ?? ageOn(facts.birthDate, trigger.on),
      highRisk: isHighRisk({ conditions: seen.conditions ?? facts.conditions, lowImmunity: seen.lowImmunity ?? facts.lowImmunity }, policy),
      needsIcu: false,
    },
  };
}

/** Routing refused the request the policy made (the refusal's code): the trigger opens nothing. */
export function referralTriggerRefused(trigger: ReferralTrigger, refusal: string, policy: ReferralPolicy): ReferralTriggerSkippedEvent {
  return skipped(trigger, 'routing-refused', policy, { refusal });
}

function skipped(
  trigger: ReferralTrigger,
  reason: ReferralTriggerSkipReason,
  policy: ReferralPolicy,
  { openReferralId = null, refusal = null }: { openReferralId?: string | null; refusal?: string | null } = {},
): ReferralTriggerSkippedEvent {
  return contractEvent(ReferralTriggerSkipped, {
    residentId: trigger.residentId,
    trigger: { kind: trigger.kind, eventId: trigger.eventId, eventType: trigger.eventType },
    reason,
    openReferralId,
    refusal,
    policy: referralPolicyRefOf(policy),
  });
}
