import { DomainEvent } from '@gridcare/decider';
import { ReferralAssistanceRequestedData, ResidentTriagedData, Spo2RecordedData, Tier, UnderlyingCondition } from '@gridcare/residents-contracts';
import { ReferralTriggerEventType, ReferralTriggerKind } from '@gridcare/referrals-contracts';
import { ReferralPolicy } from './referral-policy';

/** The residents' events that may be triggers, for the policy's subscription. */
export const REFERRAL_TRIGGER_EVENT_TYPES: readonly ReferralTriggerEventType[] = ReferralTriggerEventType.options;

/** A residents' event that asks for a referral, with what it says of the resident itself. */
export interface ReferralTrigger {
  readonly kind: ReferralTriggerKind;
  readonly eventId: string;
  readonly eventType: ReferralTriggerEventType;
  readonly residentId: string;
  /** The city date of the event: ages are computed on it, never on the clock. */
  readonly on: string;
  /** What the event itself says of the resident, as the triage or the reading saw it; the rest comes from the resident's facts. */
  readonly seen: {
    readonly tier?: Tier;
    readonly spo2?: number | null;
    readonly ageYears?: number;
    readonly conditions?: readonly UnderlyingCondition[];
    readonly lowImmunity?: boolean;
  };
}

/**
 * Whether a residents' event is a trigger under the policy:
 * - ResidentTriaged that puts an infected resident in red, from another tier or with an
 *   infection just reported (a red resident's every later re-triage is not a new trigger);
 * - Spo2Recorded below the policy's threshold (every such reading; one open referral at a time);
 * - ReferralAssistanceRequested, always.
 */
export function referralTriggerOf(event: DomainEvent & { readonly id: string }, policy: ReferralPolicy): ReferralTrigger | null {
  switch (event.type) {
    case 'ResidentTriaged': {
      const triaged = event.data as ResidentTriagedData;
      const enteredRedInfected = triaged.tier === 'red' && triaged.inputs.infected && (triaged.previousTier !== 'red' || triaged.trigger.kind === 'infection-reported');
      if (!enteredRedInfected) return null;
      const { inputs } = triaged;
      return {
        kind: 'red-and-infected',
        eventId: event.id,
        eventType: 'ResidentTriaged',
        residentId: triaged.residentId,
        on: triaged.asOf,
        seen: { tier: triaged.tier, spo2: inputs.latestSpo2, ageYears: inputs.ageYears, conditions: inputs.conditions, lowImmunity: inputs.lowImmunity },
      };
    }
    case 'Spo2Recorded': {
      const reading = event.data as Spo2RecordedData;
      if (reading.spo2 >= policy.document.triggers['low-spo2'].spo2Below) return null;
      return { kind: 'low-spo2', eventId: event.id, eventType: 'Spo2Recorded', residentId: reading.residentId, on: reading.measuredOn, seen: { spo2: reading.spo2 } };
    }
    case 'ReferralAssistanceRequested': {
      const asked = event.data as ReferralAssistanceRequestedData;
      return { kind: 'referral-assistance', eventId: event.id, eventType: 'ReferralAssistanceRequested', residentId: asked.residentId, on: asked.requestedOn, seen: {} };
    }
    default:
      return null;
  }
}
