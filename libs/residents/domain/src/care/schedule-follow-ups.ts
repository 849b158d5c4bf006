import { FollowUpScheduled, FollowUpsEnded } from '@gridcare/residents-contracts';
import { addDays } from '../age';
import { evolveResident } from '../resident/evolve-resident';
import { ResidentEvent, residentEvent } from '../resident/resident-events';
import { PendingFollowUp, RegisteredResident, ResidentState } from '../resident/resident-state';
import { FollowUpPlan, followUpPlan } from './follow-up-plan';

/**
 * What the follow-up schedule must do after `events`: book the next follow-up, move the pending
 * one (replacing it, never adding a second), or cancel it when no follow-up is needed any more.
 * Runs after every command, so the schedule moves with the tier and the episode.
 */
export function followUpScheduleChanges(before: ResidentState, events: readonly ResidentEvent[], asOf: string): ResidentEvent[] {
  const after = events.reduce(evolveResident, before);
  if (after.status !== 'registered') return [];
  const plan = followUpPlan(after);
  const { pending, lastNumber } = after.followUps;
  if (!plan) return pending ? [residentEvent(FollowUpsEnded, { residentId: after.residentId, cancelledFollowUpNumber: pending.number, endedOn: asOf })] : [];
  if (pending && samePlan(pending, plan)) return [];
  return [
    residentEvent(FollowUpScheduled, {
      residentId: after.residentId,
      followUpNumber: lastNumber + 1,
      dueOn: nextDueOn(after, plan, asOf),
      intervalDays: plan.intervalDays,
      purposes: [...plan.purposes],
      basis: [...plan.basis],
      replaces: pending?.number ?? null,
    }),
  ];
}

/**
 * - after a follow-up was done: its date plus the interval (the next day when the resident was not reached);
 * - a pending follow-up whose plan got more frequent: no later than today;
 * - a pending one whose plan changed otherwise: its date stays (a booked contact is not pushed out);
 * - a new schedule: today.
 */
function nextDueOn(state: RegisteredResident, plan: FollowUpPlan, asOf: string): string {
  const { pending, lastCompleted, lastNumber } = state.followUps;
  if (pending) return plan.intervalDays < pending.intervalDays && asOf < pending.dueOn ? asOf : pending.dueOn;
  if (lastCompleted && lastCompleted.number === lastNumber) {
    return addDays(lastCompleted.completedOn, lastCompleted.outcome === 'not-reached' ? 1 : plan.intervalDays);
  }
  return asOf;
}

function samePlan(pending: PendingFollowUp, plan: FollowUpPlan): boolean {
  return pending.intervalDays === plan.intervalDays && pending.purposes.join() === plan.purposes.join() && pending.basis.join() === plan.basis.join();
}
