// Residents, rule sets and ids for the resident decider's specs.
import { fold } from '@gridcare/decider';
import { FiredRule, ResidentTriagedData } from '@gridcare/residents-contracts';
import { nationalIdCheckCharacter } from '../../national-id';
import { defaultTriageRuleSet, ruleSetRefOf } from '../../triage';
import { inputs } from '../../triage/testing/triage-fixtures';
import { RegisterResident } from '../resident-commands';
import { ResidentEvent, ResidentTriagedEvent } from '../resident-events';
import { residentDecider } from '../resident.decider';

export const AS_OF = '2026-01-05';
export const RULE_SET = defaultTriageRuleSet();
export const RULE_SET_REF = ruleSetRefOf(RULE_SET);
export const RESIDENT_ID = '3f0e1d2c-4b5a-4697-8a8b-9c0d1e2f3a4b';

/** Distinct, valid uuids that read as what they are in a failing test's diff. */
export const decisionId = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const sourceEventId = (n: number) => `50000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A valid Beijing (Xicheng) ID for a birth date; an even sequence is a woman's, an odd one a man's. */
export function nationalIdFor(birthDate: string, sequence = '002'): string {
  const first17 = `110102${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + nationalIdCheckCharacter(first17);
}

export const PLACE = { jurisdiction: { districtId: 'xicheng', streetId: 'xinjiekou', communityId: 'zhaodengyu' }, gridId: 'grid-03' };
export const OTHER_PLACE = { jurisdiction: { districtId: 'chaoyang', streetId: 'jianwai', communityId: 'yonganli' }, gridId: 'grid-11' };

/** A 40-year-old woman with nothing that puts her in a key group: green. */
export function registerCommand(overrides: Partial<RegisterResident> = {}): RegisterResident {
  const birthDate = overrides.birthDate ?? '1985-06-15';
  return {
    type: 'RegisterResident',
    residentId: RESIDENT_ID,
    nationalId: nationalIdFor(birthDate),
    fullName: 'Zhao Min',
    sex: 'female',
    birthDate,
    phone: '13900000000',
    ...PLACE,
    livingAlone: false,
    familyDoctorId: 'doctor-17',
    conditions: [],
    lowImmunity: false,
    pregnant: false,
    source: 'manual',
    importId: null,
    decisionId: decisionId(1),
    asOf: AS_OF,
    ruleSet: RULE_SET,
    ...overrides,
  };
}

/** The events registering a resident leaves in its stream (ResidentRegistered, ResidentTriaged). */
export function registered(overrides: Partial<RegisterResident> = {}): ResidentEvent[] {
  return residentDecider.decide(registerCommand(overrides), residentDecider.initialState());
}

/** Folds history and decides, as the app's handler does: the events the command would append. */
export function decideAfter(history: ResidentEvent[], command: Parameters<typeof residentDecider.decide>[0]): ResidentEvent[] {
  return residentDecider.decide(command, fold(residentDecider, history));
}

export { inputs } from '../../triage/testing/triage-fixtures';

/** A ResidentTriaged with the defaults the specs share; each spec states what it is about. */
export function triaged(data: Partial<ResidentTriagedData> & { firedRules: FiredRule[]; tier: ResidentTriagedData['tier'] }): ResidentTriagedEvent {
  return {
    type: 'ResidentTriaged',
    data: {
      residentId: RESIDENT_ID,
      decisionId: decisionId(2),
      trigger: { kind: 'manual-request', sourceEventId: null },
      asOf: AS_OF,
      inputs: inputs(),
      ruleSet: RULE_SET_REF,
      previousTier: 'green',
      ...data,
    },
  };
}
