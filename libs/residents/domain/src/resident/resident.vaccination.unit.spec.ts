import { deciderSpecification } from '@gridcare/decider/testing';
import { residentDecider } from './resident.decider';
import { UpdateVaccinationStatus } from './resident-commands';
import { AS_OF, decideAfter, decisionId, inputs, registered, RESIDENT_ID, RULE_SET, sourceEventId, triaged } from './testing/resident-fixtures';

const spec = deciderSpecification(residentDecider);

const update = (source = sourceEventId(1), dosesReceived = 3): UpdateVaccinationStatus => ({
  type: 'UpdateVaccinationStatus',
  dosesReceived,
  boostersReceived: 1,
  lastDoseOn: '2025-12-20',
  sourceEventId: source,
  decisionId: decisionId(2),
  asOf: AS_OF,
  ruleSet: RULE_SET,
});

describe('UpdateVaccinationStatus', () => {
  it('records the status the vaccination service reported and re-triages with it', () => {
    spec
      .given(registered())
      .when(update())
      .then([
        {
          type: 'ResidentVaccinationStatusUpdated',
          data: { residentId: RESIDENT_ID, dosesReceived: 3, boostersReceived: 1, lastDoseOn: '2025-12-20', sourceEventId: sourceEventId(1) },
        },
        triaged({ trigger: { kind: 'vaccination-status', sourceEventId: sourceEventId(1) }, inputs: inputs({ dosesReceived: 3 }), firedRules: [], tier: 'green' }),
      ]);
  });

  it('does nothing for a vaccination event already applied', () => {
    const history = [...registered(), ...decideAfter(registered(), update())];
    spec.given(history).when(update(sourceEventId(1), 4)).then([]);
    expect(decideAfter(history, update(sourceEventId(2), 4))).toHaveLength(2);
  });

  it('refuses a resident not registered', () => {
    spec.given([]).when(update()).thenThrows({ code: 'RESIDENT_NOT_REGISTERED' });
  });
});
