import { deciderSpecification } from '@gridcare/decider/testing';
import { residentDecider } from './resident.decider';
import { MoveResident } from './resident-commands';
import { AS_OF, decisionId, OTHER_PLACE, PLACE, registered, RESIDENT_ID, RULE_SET, triaged } from './testing/resident-fixtures';

const spec = deciderSpecification(residentDecider);

const move = (to = OTHER_PLACE, reason = 'moved in with her daughter'): MoveResident => ({
  type: 'MoveResident',
  to,
  reason,
  decisionId: decisionId(2),
  asOf: AS_OF,
  ruleSet: RULE_SET,
});

describe('MoveResident', () => {
  it('records where from and where to, and re-triages', () => {
    spec
      .given(registered())
      .when(move())
      .then([
        { type: 'ResidentMoved', data: { residentId: RESIDENT_ID, from: PLACE, to: OTHER_PLACE, reason: 'moved in with her daughter' } },
        triaged({ trigger: { kind: 'moved', sourceEventId: null }, firedRules: [], tier: 'green' }),
      ]);
  });

  it('a change of grid alone is a move', () => {
    const [event] = residentDecider.decide(move({ ...PLACE, gridId: 'grid-04' }), registered().reduce(residentDecider.evolve, residentDecider.initialState()));
    expect(event).toMatchObject({ type: 'ResidentMoved', data: { from: PLACE, to: { ...PLACE, gridId: 'grid-04' } } });
  });

  describe('refuses', () => {
    it('a resident not registered', () => {
      spec.given([]).when(move()).thenThrows({ code: 'RESIDENT_NOT_REGISTERED' });
    });

    it('a move to where the resident already lives', () => {
      spec.given(registered()).when(move(PLACE)).thenThrows({ code: 'NO_CHANGE' });
    });

    it('a move without a reason', () => {
      spec.given(registered()).when(move(OTHER_PLACE, '')).thenThrows({ code: 'REASON_REQUIRED' });
    });
  });
});
