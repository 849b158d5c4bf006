import { ResidentTriaged, TriageTrigger } from '@gridcare/residents-contracts';
import { ruleSetRefOf, triage } from '../triage';
import { TriageContext } from './resident-commands';
import { ResidentEvent, residentEvent, ResidentTriagedEvent } from './resident-events';
import { evolveResident } from './evolve-resident';
import { RegisteredResident, ResidentState } from './resident-state';
import { refuse } from './resident-errors';
import { triageInputsOf } from './triage-inputs-of';

/** A triage decision on the resident as `state` has it, with its explanation. */
export function triageDecision(state: RegisteredResident, context: TriageContext, trigger: TriageTrigger): ResidentTriagedEvent {
  const inputs = triageInputsOf(state, context.asOf);
  const { tier, firedRules } = triage(inputs, context.ruleSet.document);
  return residentEvent(ResidentTriaged, {
    residentId: state.residentId,
    decisionId: context.decisionId,
    trigger,
    asOf: context.asOf,
    inputs,
    ruleSet: ruleSetRefOf(context.ruleSet),
    firedRules,
    tier,
    previousTier: state.tier,
  });
}

/** A fact-changing event and the triage of the resident it leaves: the two are appended together. */
export function withTriage<E extends ResidentEvent>(state: ResidentState, event: E, context: TriageContext, trigger: TriageTrigger): [E, ResidentTriagedEvent] {
  const next = evolveResident(state, event);
  if (next.status !== 'registered') throw refuse('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  return [event, triageDecision(next, context, trigger)];
}
