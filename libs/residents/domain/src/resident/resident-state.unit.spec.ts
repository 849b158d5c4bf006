import { fold } from '@gridcare/decider';
import { residentDecider } from './resident.decider';
import { triageInputsOf } from './triage-inputs-of';
import { decideAfter, decisionId, nationalIdFor, PLACE, registered, RESIDENT_ID, RULE_SET, sourceEventId } from './testing/resident-fixtures';
import { RegisteredResident } from './resident-state';

describe('resident state', () => {
  it('is built from the stream: facts, placement, vaccination, infection, tier and decisions', () => {
    const history = registered({ birthDate: '1964-02-29', livingAlone: true });
    history.push(
      ...decideAfter(history, {
        type: 'UpdateVaccinationStatus',
        dosesReceived: 2,
        boostersReceived: 0,
        lastDoseOn: '2022-03-01',
        sourceEventId: sourceEventId(7),
        decisionId: decisionId(2),
        asOf: '2026-01-05',
        ruleSet: RULE_SET,
      }),
    );
    const state = fold(residentDecider, history) as RegisteredResident;
    expect(state).toEqual({
      status: 'registered',
      residentId: RESIDENT_ID,
      nationalId: nationalIdFor('1964-02-29'),
      facts: {
        fullName: 'Zhao Min',
        sex: 'female',
        birthDate: '1964-02-29',
        phone: '13900000000',
        livingAlone: true,
        familyDoctorId: 'doctor-17',
        conditions: [],
        lowImmunity: false,
        pregnant: false,
      },
      placement: PLACE,
      vaccination: { dosesReceived: 2, boostersReceived: 0, lastDoseOn: '2022-03-01' },
      infection: { infected: false, latestSpo2: null },
      episode: null,
      followUps: {
        pending: { number: 1, firstNumber: 1, dueOn: '2026-01-05', intervalDays: 1, purposes: ['greeting'], basis: ['living-alone'] },
        lastNumber: 1,
        lastCompleted: null,
        raisedIntervalDays: null,
        notReachedInARow: 0,
      },
      tier: 'yellow',
      tierOverridden: false,
      lastDecisionId: decisionId(2),
      automaticOutcome: { tier: 'yellow', firedRules: [{ id: 'elderly-living-alone', tier: 'yellow' }] },
      handledSourceEventIds: new Set([sourceEventId(7)]),
    });
  });

  it('gives triage its inputs, with the age on the decision date', () => {
    const state = fold(residentDecider, registered({ birthDate: '1961-03-15', conditions: [{ code: 'copd', controlled: true }] })) as RegisteredResident;
    expect(triageInputsOf(state, '2026-03-14')).toEqual({
      ageYears: 64,
      sex: 'female',
      pregnant: false,
      lowImmunity: false,
      livingAlone: false,
      conditions: [{ code: 'copd', controlled: true }],
      infected: false,
      latestSpo2: null,
      dosesReceived: 0,
    });
    expect(triageInputsOf(state, '2026-03-15').ageYears).toBe(65);
  });
});
