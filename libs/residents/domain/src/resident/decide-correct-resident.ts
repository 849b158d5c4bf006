import { ResidentCorrected, ResidentFactChanges, ResidentFacts } from '@gridcare/residents-contracts';
import { CorrectResident } from './resident-commands';
import { isBlank, refuse } from './resident-errors';
import { ResidentEvent, residentEvent } from './resident-events';
import { ResidentState } from './resident-state';
import { checkResidentFacts } from './check-resident-facts';
import { sameFactValue } from './same-fact-value';
import { withTriage } from './triage-decision';

export function decideCorrectResident(command: CorrectResident, state: ResidentState): ResidentEvent[] {
  if (state.status !== 'registered') throw refuse('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  if (isBlank(command.reason)) throw refuse('REASON_REQUIRED', 'a correction needs a reason');
  // The event records only what actually changes, so the history reads as what happened.
  const changes = actualChanges(state.facts, command.changes);
  if (Object.keys(changes).length === 0) throw refuse('NO_CHANGE', 'the correction changes nothing');
  checkResidentFacts(state.nationalId, { ...state.facts, ...changes }, command.asOf);
  const corrected = residentEvent(ResidentCorrected, { residentId: state.residentId, changes, reason: command.reason });
  return withTriage(state, corrected, command, { kind: 'facts-corrected', sourceEventId: null });
}

function actualChanges(facts: ResidentFacts, proposed: ResidentFactChanges): Partial<ResidentFacts> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(proposed) as (keyof ResidentFacts)[]) {
    const value = proposed[key];
    if (value !== undefined && !sameFactValue(key, facts[key], value)) changes[key] = value;
  }
  return changes as Partial<ResidentFacts>;
}
