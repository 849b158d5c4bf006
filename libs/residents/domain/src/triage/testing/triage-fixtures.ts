// Inputs for the triage specs: a 40-year-old woman in no key group, changed one fact at a time.
import { TriageInputs } from '@gridcare/residents-contracts';

export const inputs = (overrides: Partial<TriageInputs> = {}): TriageInputs => ({
  ageYears: 40,
  sex: 'female',
  pregnant: false,
  lowImmunity: false,
  livingAlone: false,
  conditions: [],
  infected: false,
  latestSpo2: null,
  dosesReceived: 0,
  ...overrides,
});
