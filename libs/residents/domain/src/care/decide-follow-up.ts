import { FollowUpCompleted, FollowUpEscalated, FollowUpFrequencyRaised, ReferralAssistanceRequested } from '@gridcare/residents-contracts';
import { evolveResident } from '../resident/evolve-resident';
import { isBlank, refuse } from '../resident/resident-errors';
import { ResidentEvent, residentEvent } from '../resident/resident-events';
import { ResidentState } from '../resident/resident-state';
import { triageDecision } from '../resident/triage-decision';
import { CompleteFollowUp, RaiseFollowUpFrequency } from './care-commands';
import { followUpPlan } from './follow-up-plan';

/** Whether `number` names this contact: its own number or one the schedule replaced with it. */
const isContact = (contact: { number: number; firstNumber: number }, number: number) => number >= contact.firstNumber && number <= contact.number;

/**
 * A follow-up done: only the pending one can be completed, once (a second worker learns who
 * did it). A number the schedule replaced meanwhile (a reading, a tier change) names the same
 * contact, so it completes the follow-up that replaced it. A worse outcome re-triages; needing
 * referral asks for referral assistance; a second "not reached" in a row escalates. The next
 * follow-up is booked by the schedule.
 */
export function decideCompleteFollowUp(command: CompleteFollowUp, state: ResidentState): ResidentEvent[] {
  if (state.status !== 'registered') throw refuse('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  const { pending, lastCompleted } = state.followUps;
  if (lastCompleted && isContact(lastCompleted, command.followUpNumber)) {
    throw refuse('FOLLOW_UP_ALREADY_COMPLETED', `follow-up ${command.followUpNumber} was already done by ${lastCompleted.workerId} on ${lastCompleted.completedOn}`, {
      followUpNumber: command.followUpNumber,
      completedBy: lastCompleted.workerId,
      completedOn: lastCompleted.completedOn,
    });
  }
  if (!pending || !isContact(pending, command.followUpNumber)) {
    throw refuse('FOLLOW_UP_NOT_PENDING', `follow-up ${command.followUpNumber} is not the one due (${pending ? `number ${pending.number}` : 'none is'})`, {
      followUpNumber: command.followUpNumber,
      pending: pending?.number ?? null,
    });
  }
  const { residentId } = state;
  const completed = residentEvent(FollowUpCompleted, {
    residentId,
    followUpNumber: pending.number,
    method: command.method,
    outcome: command.outcome,
    workerId: command.workerId,
    note: command.note,
    completedOn: command.asOf,
  });
  const events: ResidentEvent[] = [completed];
  const after = evolveResident(state, completed);
  if (after.status !== 'registered') return events;
  if (command.outcome === 'worse') events.push(triageDecision(after, command, { kind: 'follow-up-outcome', sourceEventId: null }));
  if (command.outcome === 'needs-referral') {
    events.push(
      residentEvent(ReferralAssistanceRequested, {
        residentId,
        episodeId: state.episode?.episodeId ?? null,
        reason: 'follow-up-needs-referral',
        followUpNumber: pending.number,
        requestedOn: command.asOf,
      }),
    );
  }
  if (command.outcome === 'not-reached' && after.followUps.notReachedInARow === 2) {
    events.push(residentEvent(FollowUpEscalated, { residentId, followUpNumber: pending.number, reason: 'not-reached-twice', escalatedOn: command.asOf }));
  }
  return events;
}

/** Follow-ups more often than the plan says, for the rest of the episode. Never lowers it. */
export function decideRaiseFollowUpFrequency(command: RaiseFollowUpFrequency, state: ResidentState): ResidentEvent[] {
  if (state.status !== 'registered') throw refuse('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  if (isBlank(command.reason)) throw refuse('REASON_REQUIRED', 'raising the follow-up frequency needs a reason');
  const plan = followUpPlan(state);
  if (!plan || !plan.purposes.includes('health-check')) throw refuse('NO_FOLLOW_UP_PLAN', 'the resident has no health-check follow-ups to raise');
  if (command.intervalDays >= plan.intervalDays) {
    throw refuse('FREQUENCY_NOT_RAISED', `follow-ups are already every ${plan.intervalDays} day(s); ${command.intervalDays} would not raise it`, {
      intervalDays: plan.intervalDays,
    });
  }
  return [residentEvent(FollowUpFrequencyRaised, { residentId: state.residentId, intervalDays: command.intervalDays, previousIntervalDays: plan.intervalDays, reason: command.reason })];
}
