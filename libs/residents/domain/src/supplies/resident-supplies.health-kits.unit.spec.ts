import { deciderSpecification } from '@gridcare/decider/testing';
import { residentSuppliesDecider } from './resident-supplies.decider';
import { cardIssued, handOutKits, RED_RESIDENT, RESIDENT_ID } from './testing/supplies-fixtures';

const spec = deciderSpecification(residentSuppliesDecider);

describe('HandOutHealthKits', () => {
  it('hands out 1 to 10 kits, counted in the community the resident lives in', () => {
    spec
      .given([])
      .when(handOutKits(1))
      .then([{ type: 'HealthKitsHandedOut', data: { residentId: RESIDENT_ID, communityId: 'xiazhuang', kits: 1 } }]);
    spec
      .given([cardIssued()])
      .when(handOutKits(10, { ...RED_RESIDENT, communityId: 'jinsong' }))
      .then([{ type: 'HealthKitsHandedOut', data: { residentId: RESIDENT_ID, communityId: 'jinsong', kits: 10 } }]);
  });

  it('hands them to any registered resident, green ones too', () => {
    spec
      .given([])
      .when(handOutKits(2, { communityId: 'xiazhuang', tier: 'green', livingAlone: false }))
      .then([{ type: 'HealthKitsHandedOut', data: { residentId: RESIDENT_ID, communityId: 'xiazhuang', kits: 2 } }]);
  });

  describe('refuses', () => {
    it.each([0, 11, -1, 2.5])('%p kits, naming the field', (kits) => {
      spec.given([]).when(handOutKits(kits)).thenThrows({ code: 'HEALTH_KITS_OUT_OF_RANGE', details: { field: 'kits', min: 1, max: 10 } });
    });

    it('a resident not in the registry', () => {
      spec.given([]).when(handOutKits(2, null)).thenThrows({ code: 'RESIDENT_NOT_REGISTERED' });
    });
  });
});
