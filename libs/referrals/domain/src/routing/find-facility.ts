import { Capability, FacilityCapacity, FoundIn, freeIcuBeds, levelRank, Location, RoutingInputs } from '@gridcare/referrals-contracts';
import { distanceKm } from './distance';
import { SearchStep } from './search-steps';

/** What a facility must have to be chosen. */
export interface Requirement {
  readonly capabilities: readonly Capability[];
  readonly icuBed: boolean;
}

export interface Found {
  readonly facility: FacilityCapacity;
  readonly foundIn: FoundIn;
  readonly distanceKm: number;
}

export interface SearchResult {
  readonly found: Found | null;
  /** Every facility looked at up to the one chosen, in order: re-running on these alone finds the same. */
  readonly consulted: readonly FacilityCapacity[];
}

/** The facilities a referral may go to at all: the right way up or down, not the referring one, not one that declined. */
export function referralCandidates(snapshot: readonly FacilityCapacity[], inputs: RoutingInputs): FacilityCapacity[] {
  const fromRank = levelRank(inputs.from.level);
  const excluded = new Set([...inputs.excludedFacilityIds, inputs.from.facilityId]);
  return snapshot.filter((facility) => {
    if (excluded.has(facility.facilityId)) return false;
    const rank = levelRank(facility.level);
    return inputs.direction === 'up' ? rank > fromRank : rank < fromRank;
  });
}

export const meets = (facility: FacilityCapacity, requirement: Requirement): boolean =>
  requirement.capabilities.every((capability) => facility.capabilities.includes(capability)) && (!requirement.icuBed || freeIcuBeds(facility.icuBeds) > 0);

/**
 * Walks the steps; in each, ranks the facilities in scope by distance from `origin` (then by
 * the step's level order, then by id, so ties never depend on the snapshot's order) and takes
 * the first that meets the requirement. Facilities ranked ahead of it are recorded as consulted:
 * they show why a nearer facility was passed over.
 */
export function findFacility(candidates: readonly FacilityCapacity[], origin: Location, steps: readonly SearchStep[], requirement: Requirement): SearchResult {
  const consulted = new Map<string, FacilityCapacity>();
  const distances = new Map(candidates.map((facility) => [facility.facilityId, distanceKm(origin, facility.location)]));
  const distanceOf = (facility: FacilityCapacity) => distances.get(facility.facilityId) ?? 0;
  for (const step of steps) {
    const levelOrder = (facility: FacilityCapacity) => step.levels.indexOf(facility.level);
    const ranked = candidates
      .filter((facility) => step.inScope(facility) && step.levels.includes(facility.level))
      .sort((a, b) => distanceOf(a) - distanceOf(b) || levelOrder(a) - levelOrder(b) || (a.facilityId < b.facilityId ? -1 : a.facilityId > b.facilityId ? 1 : 0));
    for (const facility of ranked) {
      if (!consulted.has(facility.facilityId)) consulted.set(facility.facilityId, facility);
      if (meets(facility, requirement)) return { found: { facility, foundIn: step.foundIn, distanceKm: distanceOf(facility) }, consulted: [...consulted.values()] };
    }
  }
  return { found: null, consulted: [...consulted.values()] };
}
