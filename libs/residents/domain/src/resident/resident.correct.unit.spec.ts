import { deciderSpecification } from '@gridcare/decider/testing';
import { residentDecider } from './resident.decider';
import { CorrectResident } from './resident-commands';
import { AS_OF, decisionId, inputs, nationalIdFor, registered, RESIDENT_ID, RULE_SET, triaged } from './testing/resident-fixtures';

const spec = deciderSpecification(residentDecider);

const correct = (changes: CorrectResident['changes'], reason = 'confirmed at a home visit'): CorrectResident => ({
  type: 'CorrectResident',
  changes,
  reason,
  decisionId: decisionId(2),
  asOf: AS_OF,
  ruleSet: RULE_SET,
});

describe('CorrectResident', () => {
  it('records the facts that changed and re-triages on them', () => {
    spec
      .given(registered())
      .when(correct({ pregnant: true, phone: '13900000000' }))
      .then([
        { type: 'ResidentCorrected', data: { residentId: RESIDENT_ID, changes: { pregnant: true }, reason: 'confirmed at a home visit' } },
        triaged({
          trigger: { kind: 'facts-corrected', sourceEventId: null },
          inputs: inputs({ pregnant: true }),
          firedRules: [{ id: 'pregnant', tier: 'yellow' }],
          tier: 'yellow',
          previousTier: 'green',
        }),
      ]);
  });

  it('treats conditions as a set: reordering them is no change', () => {
    const conditions = [
      { code: 'hypertension', controlled: true },
      { code: 'asthma', controlled: true },
    ];
    const history = registered({ conditions });
    spec.given(history).when(correct({ conditions: [...conditions].reverse() })).thenThrows({ code: 'NO_CHANGE' });
  });

  it('marks an uncontrolled condition (yellow) and a controlled one as no key group (green)', () => {
    const history = registered({ conditions: [{ code: 'hypertension', controlled: true }] });
    const [, decision] = residentDecider.decide(correct({ conditions: [{ code: 'hypertension', controlled: false }] }), fold(history));
    expect(decision.data).toMatchObject({ tier: 'yellow', previousTier: 'green', firedRules: [{ id: 'underlying-disease', tier: 'yellow' }] });
  });

  describe('refuses', () => {
    it('a resident not registered', () => {
      spec.given([]).when(correct({ pregnant: true })).thenThrows({ code: 'RESIDENT_NOT_REGISTERED' });
    });

    it('a correction that changes nothing', () => {
      spec.given(registered()).when(correct({ fullName: 'Zhao Min', livingAlone: false })).thenThrows({ code: 'NO_CHANGE' });
      spec.given(registered()).when(correct({ fullName: undefined })).thenThrows({ code: 'NO_CHANGE' });
    });

    it('a correction without a reason', () => {
      spec.given(registered()).when(correct({ pregnant: true }, '  ')).thenThrows({ code: 'REASON_REQUIRED' });
    });

    it('facts the registry does not allow, checked on the corrected whole', () => {
      spec.given(registered({ pregnant: true })).when(correct({ sex: 'male' })).thenThrows({ code: 'PREGNANT_WHILE_MALE' });
      spec.given(registered()).when(correct({ birthDate: '1985-06-16' })).thenThrows({ code: 'BIRTH_DATE_MISMATCH' });
    });
  });

  // Only the birth date is checked against the ID: the sequence's sex is not (see docs/triage-rules.md).
  it('does not cross-check sex with the national ID', () => {
    const history = registered({ sex: 'male', nationalId: nationalIdFor('1985-06-15', '001') });
    const [event] = residentDecider.decide(correct({ sex: 'female' }), fold(history));
    expect(event).toEqual({ type: 'ResidentCorrected', data: { residentId: RESIDENT_ID, changes: { sex: 'female' }, reason: 'confirmed at a home visit' } });
  });
});

function fold(history: ReturnType<typeof registered>) {
  return history.reduce(residentDecider.evolve, residentDecider.initialState());
}
