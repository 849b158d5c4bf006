import { deciderSpecification } from '@gridcare/decider/testing';
import { EventContractViolation } from '@gridcare/event-contracts';
import { residentDecider } from './resident.decider';
import { AS_OF, decisionId, inputs, nationalIdFor, PLACE, registerCommand, registered, RESIDENT_ID, RULE_SET, RULE_SET_REF } from './testing/resident-fixtures';

const spec = deciderSpecification(residentDecider);

describe('RegisterResident', () => {
  it('registers the resident and records its first triage decision', () => {
    const command = registerCommand({
      birthDate: '1949-12-31',
      nationalId: nationalIdFor('1949-12-31'),
      livingAlone: true,
      conditions: [{ code: 'copd', controlled: true }],
    });
    spec
      .given([])
      .when(command)
      .then([
        {
          type: 'ResidentRegistered',
          data: {
            residentId: RESIDENT_ID,
            nationalId: nationalIdFor('1949-12-31'),
            fullName: 'Zhao Min',
            sex: 'female',
            birthDate: '1949-12-31',
            phone: '13900000000',
            ...PLACE,
            livingAlone: true,
            familyDoctorId: 'doctor-17',
            conditions: [{ code: 'copd', controlled: true }],
            lowImmunity: false,
            pregnant: false,
            source: 'manual',
            importId: null,
          },
        },
        {
          type: 'ResidentTriaged',
          data: {
            residentId: RESIDENT_ID,
            decisionId: decisionId(1),
            trigger: { kind: 'registration', sourceEventId: null },
            asOf: AS_OF,
            inputs: inputs({ ageYears: 76, livingAlone: true, conditions: [{ code: 'copd', controlled: true }] }),
            ruleSet: RULE_SET_REF,
            firedRules: [
              { id: 'elderly-with-underlying-disease', tier: 'red' },
              { id: 'elderly', tier: 'yellow' },
              { id: 'underlying-disease', tier: 'yellow' },
              { id: 'elderly-living-alone', tier: 'yellow' },
            ],
            tier: 'red',
            previousTier: null,
          },
        },
        // Living alone: a daily greeting from the day of registration.
        {
          type: 'FollowUpScheduled',
          data: { residentId: RESIDENT_ID, followUpNumber: 1, dueOn: AS_OF, intervalDays: 1, purposes: ['greeting'], basis: ['living-alone'], replaces: null },
        },
      ]);
  });

  it('records the census import a row came from', () => {
    const [event] = registered({ source: 'census-import', importId: 'census-2026-01-03' });
    expect(event.data).toMatchObject({ source: 'census-import', importId: 'census-2026-01-03' });
  });

  it('triages a resident with nothing that puts them in a key group green', () => {
    const [, decision] = registered();
    expect(decision.data).toMatchObject({ tier: 'green', firedRules: [], previousTier: null, ruleSet: { id: 'triage', version: '2026.1' } });
  });

  describe('refuses', () => {
    it('a resident already registered', () => {
      spec.given(registered()).when(registerCommand()).thenThrows({ code: 'RESIDENT_ALREADY_REGISTERED' });
    });

    it('an invalid national ID, with its problems', () => {
      const wrongCheck = nationalIdFor('1985-06-15').slice(0, 17) + (nationalIdFor('1985-06-15').endsWith('1') ? '2' : '1');
      spec
        .given([])
        .when(registerCommand({ nationalId: wrongCheck }))
        .thenThrows({ code: 'NATIONAL_ID_INVALID', details: { problems: ['invalid-check-character'] } });
      spec.given([]).when(registerCommand({ nationalId: '1101021985' })).thenThrows({ code: 'NATIONAL_ID_INVALID', details: { problems: ['wrong-length'] } });
    });

    it('a birth date that differs from the one the national ID encodes', () => {
      spec
        .given([])
        .when(registerCommand({ birthDate: '1985-06-16', nationalId: nationalIdFor('1985-06-15') }))
        .thenThrows({ code: 'BIRTH_DATE_MISMATCH', details: { birthDate: '1985-06-16', nationalIdBirthDate: '1985-06-15' } });
    });

    it('a birth date after the date it is registered on', () => {
      spec.given([]).when(registerCommand({ birthDate: '2026-01-06' })).thenThrows({ code: 'BIRTH_DATE_IN_FUTURE' });
    });

    it('a pregnancy recorded for a man', () => {
      spec
        .given([])
        .when(registerCommand({ sex: 'male', nationalId: nationalIdFor('1985-06-15', '001'), pregnant: true }))
        .thenThrows({ code: 'PREGNANT_WHILE_MALE' });
    });

    it('data that breaks the event contract, where the command is decided', () => {
      spec.given([]).when(registerCommand({ conditions: [{ code: 'Heart Failure', controlled: false }] })).thenThrows(EventContractViolation);
    });
  });

  it('registers a newborn as of its birth day (a young child: yellow)', () => {
    const [, decision] = registered({ birthDate: AS_OF });
    expect(decision.data).toMatchObject({ inputs: { ageYears: 0 }, tier: 'yellow', firedRules: [{ id: 'young-child', tier: 'yellow' }] });
    expect(RULE_SET.document.version).toBe('2026.1');
  });
});
