import { TriageInputs } from '@gridcare/residents-contracts';
import { ageInYears } from '../age';
import { refuse } from './resident-errors';
import { RegisteredResident } from './resident-state';

/** The inputs every triage of a resident sees: its facts, vaccination and infection, its age on asOf. */
export function triageInputsOf(state: RegisteredResident, asOf: string): TriageInputs {
  const { facts, vaccination, infection } = state;
  if (asOf < facts.birthDate) throw refuse('AS_OF_BEFORE_BIRTH_DATE', `cannot triage as of ${asOf}, before the birth date`, { asOf });
  return {
    ageYears: ageInYears(facts.birthDate, asOf),
    sex: facts.sex,
    pregnant: facts.pregnant,
    lowImmunity: facts.lowImmunity,
    livingAlone: facts.livingAlone,
    conditions: facts.conditions.map(({ code, controlled }) => ({ code, controlled })),
    infected: infection.infected,
    latestSpo2: infection.latestSpo2,
    dosesReceived: vaccination.dosesReceived,
  };
}
