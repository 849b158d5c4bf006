import { DomainEvent } from '@gridcare/decider';
import {
  ResidentCorrectedData,
  ResidentMovedData,
  ResidentRegisteredData,
  ResidentTierOverriddenData,
  ResidentTriagedData,
  Spo2RecordedData,
  Tier,
  UnderlyingCondition,
} from '@gridcare/residents-contracts';
import { ReferralPolicy } from './referral-policy';

/**
 * What the referrals service knows of a resident, from the residents service's events alone
 * (never its tables): where they live (their community fixes their grid and home institution),
 * their birth date, their underlying conditions and immunity, and their last triage.
 */
export interface ResidentFacts {
  readonly residentId: string;
  readonly communityId: string;
  readonly gridId: string;
  readonly birthDate: string;
  readonly conditions: readonly UnderlyingCondition[];
  readonly lowImmunity: boolean;
  readonly tier: Tier | null;
  readonly infected: boolean;
  readonly latestSpo2: number | null;
}

/** The residents' events the facts are folded from. */
export const RESIDENT_FACT_EVENT_TYPES = ['ResidentRegistered', 'ResidentCorrected', 'ResidentMoved', 'ResidentTriaged', 'ResidentTierOverridden', 'Spo2Recorded'] as const;

/** The facts after `event`; null while the resident's registration has not been seen. */
export function evolveResidentFacts(facts: ResidentFacts | null, event: DomainEvent): ResidentFacts | null {
  if (event.type === 'ResidentRegistered') {
    const registered = event.data as ResidentRegisteredData;
    return {
      residentId: registered.residentId,
      communityId: registered.jurisdiction.communityId,
      gridId: registered.gridId,
      birthDate: registered.birthDate,
      conditions: registered.conditions,
      lowImmunity: registered.lowImmunity,
      tier: null,
      infected: false,
      latestSpo2: null,
    };
  }
  if (!facts) return null;
  switch (event.type) {
    case 'ResidentCorrected': {
      const { changes } = event.data as ResidentCorrectedData;
      return {
        ...facts,
        birthDate: changes.birthDate ?? facts.birthDate,
        conditions: changes.conditions ?? facts.conditions,
        lowImmunity: changes.lowImmunity ?? facts.lowImmunity,
      };
    }
    case 'ResidentMoved': {
      const { to } = event.data as ResidentMovedData;
      return { ...facts, communityId: to.jurisdiction.communityId, gridId: to.gridId };
    }
    case 'ResidentTriaged': {
      const { tier, inputs } = event.data as ResidentTriagedData;
      return { ...facts, tier, infected: inputs.infected, latestSpo2: inputs.latestSpo2 };
    }
    case 'ResidentTierOverridden':
      return { ...facts, tier: (event.data as ResidentTierOverriddenData).tier };
    case 'Spo2Recorded':
      return { ...facts, latestSpo2: (event.data as Spo2RecordedData).spo2 };
    default:
      return facts;
  }
}

/** Full years of age on a city date (YYYY-MM-DD): the birthday counts from its day. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return Math.max(0, age);
}

/** Routing's highRisk: a serious underlying disease (the policy's list), any uncontrolled one, or low immunity. */
export function isHighRisk(resident: { readonly conditions: readonly UnderlyingCondition[]; readonly lowImmunity: boolean }, policy: ReferralPolicy): boolean {
  const serious = policy.document.highRisk.seriousConditions;
  return resident.lowImmunity || resident.conditions.some((condition) => !condition.controlled || serious.includes(condition.code));
}
