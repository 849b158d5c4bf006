import { FollowUpPlanBasis, FollowUpPurpose } from '@gridcare/residents-contracts';
import { RegisteredResident } from '../resident/resident-state';

export interface FollowUpPlan {
  readonly intervalDays: number;
  readonly purposes: readonly FollowUpPurpose[];
  readonly basis: readonly FollowUpPlanBasis[];
}

const PURPOSE_ORDER: readonly FollowUpPurpose[] = ['health-check', 'referral-assistance', 'greeting'];

/**
 * How often a resident is followed up, and why (docs/follow-ups.md): infected and red, daily with
 * referral assistance; infected and yellow, every three days until home treatment and
 * observation end; living alone, a daily greeting. A frequency raised for the episode is kept.
 * Null: no follow-ups.
 */
export function followUpPlan(state: RegisteredResident): FollowUpPlan | null {
  const parts: { intervalDays: number; purposes: FollowUpPurpose[]; basis: FollowUpPlanBasis }[] = [];
  const infected = state.episode !== null;
  if (infected && state.tier === 'red') parts.push({ intervalDays: 1, purposes: ['health-check', 'referral-assistance'], basis: 'red-infected' });
  if (infected && state.tier === 'yellow') parts.push({ intervalDays: 3, purposes: ['health-check'], basis: 'yellow-infected' });
  if (state.facts.livingAlone) parts.push({ intervalDays: 1, purposes: ['greeting'], basis: 'living-alone' });
  if (parts.length === 0) return null;
  let intervalDays = Math.min(...parts.map((part) => part.intervalDays));
  const basis = parts.map((part) => part.basis);
  const raised = state.followUps.raisedIntervalDays;
  const checksHealth = parts.some((part) => part.purposes.includes('health-check'));
  if (checksHealth && raised !== null && raised < intervalDays) {
    intervalDays = raised;
    basis.push('raised-frequency');
  }
  const purposes = PURPOSE_ORDER.filter((purpose) => parts.some((part) => part.purposes.includes(purpose)));
  return { intervalDays, purposes, basis };
}
