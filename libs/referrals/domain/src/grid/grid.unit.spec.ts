import { deciderSpecification } from '@gridcare/decider/testing';
import { EventContractViolation } from '@gridcare/event-contracts';
import { DefineGrid, gridDecider, GridDefinedEvent } from './grid.decider';

const spec = deciderSpecification(gridDecider);
const definition = {
  gridId: 'g07',
  name: 'Shijingshan Grid 1',
  districtIds: ['d05'],
  leadFacilityId: 'h-g07',
  facilityIds: ['h-g07', 'sh-g07-1', 'chc-d05-s001'],
  communityIds: ['d05-s001-c001', 'd05-s001-c002'],
  neighbourGridIds: ['g06', 'g08'],
};
const defineGrid = (overrides: Partial<DefineGrid> = {}): DefineGrid => ({ type: 'DefineGrid', ...definition, ...overrides });
const gridDefined = (): GridDefinedEvent => ({ type: 'GridDefined', data: definition });

describe('DefineGrid', () => {
  it('defines a grid led by a tertiary hospital, with its facilities, communities and neighbours', () => {
    spec.given([]).when(defineGrid()).then([gridDefined()]);
  });

  it('does nothing when defined again the same way, and refuses another definition', () => {
    spec.given([gridDefined()]).when(defineGrid()).then([]);
    spec.given([gridDefined()]).when(defineGrid({ leadFacilityId: 'sh-g07-1' })).thenThrows({ code: 'GRID_ALREADY_DEFINED', details: { gridId: 'g07' } });
  });

  it('refuses a lead hospital that is not one of its facilities', () => {
    spec.given([]).when(defineGrid({ leadFacilityId: 'h-g08' })).thenThrows(EventContractViolation);
  });
});
