import { issuesOf } from '../testing/contract-fixtures';

const grid = () => ({
  gridId: 'g07',
  name: 'Shijingshan Grid 1',
  districtIds: ['d05'],
  leadFacilityId: 'h-g07',
  facilityIds: ['h-g07', 'sh-g07-1', 'chc-d05-s001'],
  communityIds: ['d05-s001-c001', 'd05-s001-c002'],
  neighbourGridIds: ['g06', 'g08'],
});

describe('GridDefined', () => {
  it('carries the lead hospital, the facilities, the communities and the neighbouring grids', () => {
    expect(issuesOf('GridDefined', grid())).toEqual([]);
  });

  it('the lead hospital is one of the facilities; a grid is not its own neighbour', () => {
    expect(issuesOf('GridDefined', { ...grid(), leadFacilityId: 'h-g08' })).toEqual(['leadFacilityId']);
    expect(issuesOf('GridDefined', { ...grid(), neighbourGridIds: ['g06', 'g07'] })).toEqual(['neighbourGridIds']);
  });

  it('refuses a grid without communities and a community listed twice', () => {
    expect(issuesOf('GridDefined', { ...grid(), communityIds: [] })).toEqual(['communityIds']);
    expect(issuesOf('GridDefined', { ...grid(), communityIds: ['d05-s001-c001', 'd05-s001-c001'] })).toEqual(['communityIds[1]']);
  });
});
