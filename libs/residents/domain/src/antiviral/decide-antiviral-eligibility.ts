import { AntiviralEligibilityAssessed, AntiviralEligibilityInputs, AntiviralEligibilityTrigger } from '@gridcare/residents-contracts';
import { ageInYears, daysBetween } from '../age';
import type { AssessAntiviralEligibility, ReportInfection } from '../care/care-commands';
import { refuse } from '../resident/resident-errors';
import { AntiviralEligibilityAssessedEvent, residentEvent } from '../resident/resident-events';
import { InfectionEpisode, RegisteredResident, ResidentState } from '../resident/resident-state';
import { antiviralRuleSetRefOf } from './antiviral-rule-set';
import { assessAntiviralEligibility } from './assess-antiviral-eligibility';
import { derivedDecisionId } from './derived-decision-id';

type AssessmentContext = Pick<ReportInfection, 'decisionId' | 'asOf' | 'antiviralRuleSet'>;

/** The inputs an eligibility decision sees: the resident's facts and the episode, on asOf. */
export function antiviralEligibilityInputsOf(state: RegisteredResident, asOf: string): AntiviralEligibilityInputs {
  const { facts } = state;
  const episode = openEpisodeOf(state);
  return {
    ageYears: ageInYears(facts.birthDate, asOf),
    sex: facts.sex,
    pregnant: facts.pregnant,
    lowImmunity: facts.lowImmunity,
    conditions: facts.conditions.map(({ code, controlled }) => ({ code, controlled })),
    onsetOn: episode.onsetOn,
    daysSinceOnset: Math.max(0, daysBetween(episode.onsetOn, asOf)),
    latestSpo2: episode.latestSpo2,
  };
}

function openEpisodeOf(state: RegisteredResident): InfectionEpisode {
  if (!state.episode) throw refuse('NO_OPEN_EPISODE', 'the resident has no infection episode under home treatment');
  return state.episode;
}

/** An eligibility decision for the open episode of the resident as `state` has it, with its explanation. */
export function antiviralEligibilityDecision(state: RegisteredResident, context: AssessmentContext, trigger: AntiviralEligibilityTrigger): AntiviralEligibilityAssessedEvent {
  const inputs = antiviralEligibilityInputsOf(state, context.asOf);
  const { outcome, firedRules } = assessAntiviralEligibility(inputs, context.antiviralRuleSet.document);
  return residentEvent(AntiviralEligibilityAssessed, {
    residentId: state.residentId,
    episodeId: openEpisodeOf(state).episodeId,
    decisionId: derivedDecisionId(context.decisionId, 'antiviral-eligibility'),
    trigger,
    asOf: context.asOf,
    inputs,
    ruleSet: antiviralRuleSetRefOf(context.antiviralRuleSet),
    firedRules,
    outcome,
  });
}

/** A doctor asks again (the facts or the rule set changed since): always recorded, as asked. */
export function decideAssessAntiviralEligibility(command: AssessAntiviralEligibility, state: ResidentState): AntiviralEligibilityAssessedEvent[] {
  if (state.status !== 'registered') throw refuse('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  return [antiviralEligibilityDecision(state, command, { kind: 'manual-request', sourceEventId: null })];
}
