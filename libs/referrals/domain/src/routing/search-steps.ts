import { FacilityCapacity, FacilityLevel, FoundIn, RoutingGrid, RoutingInputs, RoutingTarget } from '@gridcare/referrals-contracts';

/** One place to look: the facilities in scope at the given levels. */
export interface SearchStep {
  readonly foundIn: FoundIn;
  readonly levels: readonly FacilityLevel[];
  readonly inScope: (facility: FacilityCapacity) => boolean;
}

/**
 * The places a target's search looks, in order. Within a grid the lowest level comes first and a
 * full level falls back up a level; a full grid falls back to its neighbours, then to any grid.
 */
export function searchSteps(target: RoutingTarget, inputs: RoutingInputs, grid: RoutingGrid): SearchStep[] {
  if (target.search === 'nearest-any-grid') return [{ foundIn: 'any-grid', levels: target.levels, inScope: () => true }];
  const neighbours = new Set(grid.neighbourGridIds);
  const inGrid = (facility: FacilityCapacity) => facility.gridId === grid.gridId;
  const inNeighbour = (facility: FacilityCapacity) => neighbours.has(facility.gridId);
  const levelByLevel = (foundIn: FoundIn, inScope: SearchStep['inScope']): SearchStep[] => target.levels.map((level) => ({ foundIn, levels: [level], inScope }));
  const gridThenNeighbours = [
    ...levelByLevel('grid', inGrid),
    ...levelByLevel('neighbouring-grid', inNeighbour),
    ...levelByLevel('any-grid', (facility) => !inGrid(facility) && !inNeighbour(facility)),
  ];
  if (target.search === 'grid-then-neighbours' || inputs.homeFacilityId === null) return gridThenNeighbours;
  const home = inputs.homeFacilityId;
  return [{ foundIn: 'home-facility', levels: target.levels, inScope: (facility) => facility.facilityId === home }, ...gridThenNeighbours];
}
