import { sameOutcome, triage } from '../triage';
import { RequestRetriage, RETRIAGE_TRIGGER_KINDS } from './resident-commands';
import { refuse } from './resident-errors';
import { ResidentEvent } from './resident-events';
import { ResidentState } from './resident-state';
import { triageDecision } from './triage-decision';
import { triageInputsOf } from './triage-inputs-of';

/**
 * A triage with no fact-changing event of its own. For a newly published rule set it decides
 * only for the residents the new rules affect (tier or fired rules differ from the last
 * automatic decision), so publishing does not write a decision for every resident in the city.
 */
export function decideRequestRetriage(command: RequestRetriage, state: ResidentState): ResidentEvent[] {
  if (state.status !== 'registered') throw refuse('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  const { trigger, infection } = command;
  if (!(RETRIAGE_TRIGGER_KINDS as readonly string[]).includes(trigger.kind)) {
    throw refuse('INVALID_TRIGGER', `${trigger.kind} is not a re-triage trigger: it has its own command`, { kind: trigger.kind });
  }
  // A rule-set re-triage may emit nothing, which would silently drop new facts.
  if (trigger.kind === 'rule-set-published' && infection) throw refuse('INVALID_TRIGGER', 'a rule-set re-triage carries no new facts');
  if (trigger.sourceEventId !== null && state.handledSourceEventIds.has(trigger.sourceEventId)) return [];
  const seen = infection ? { ...state, infection } : state;
  if (trigger.kind === 'rule-set-published' && state.automaticOutcome) {
    // Checked before building the event: most residents are unaffected, and building validates.
    const outcome = triage(triageInputsOf(seen, command.asOf), command.ruleSet.document);
    if (sameOutcome(outcome, state.automaticOutcome)) return [];
  }
  return [triageDecision(seen, command, trigger)];
}
