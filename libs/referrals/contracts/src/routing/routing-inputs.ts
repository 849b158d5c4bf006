import { Tier } from '@gridcare/residents-contracts';
import { z } from 'zod';
import { Capabilities, FacilityId, FacilityLevel, IcuBeds, Location } from '../facility/facility-values';
import { GridId } from '../grid/grid-id';
import { distinctList, flagDuplicates } from '../unique';
import { Direction, Severity } from './routing-facts';

/** Where the patient is referred from: "nearest" is measured from here. */
export const ReferringFacility = z.strictObject({ facilityId: FacilityId, level: FacilityLevel, location: Location });
export type ReferringFacility = z.infer<typeof ReferringFacility>;

/** What a routing decision saw of the patient and the request, recorded with it so it can be re-run. */
export const RoutingInputs = z.strictObject({
  direction: Direction,
  tier: Tier.nullable(),
  severity: Severity,
  spo2: z.number().min(0).max(100).nullable(),
  ageYears: z.number().int().min(0).max(150),
  highRisk: z.boolean(),
  needsIcu: z.boolean(),
  /** The resident's treatment grid. */
  gridId: GridId,
  from: ReferringFacility,
  /** The grassroots institution serving the resident's community: where a downward referral goes first. */
  homeFacilityId: FacilityId.nullable(),
  /** Facilities that declined this referral: a redirect never sends the patient back to them. */
  excludedFacilityIds: distinctList(FacilityId),
});
export type RoutingInputs = z.infer<typeof RoutingInputs>;

/** One facility as the capacity read model showed it to a routing decision. */
export const FacilityCapacity = z.strictObject({
  facilityId: FacilityId,
  gridId: GridId,
  level: FacilityLevel,
  capabilities: Capabilities,
  location: Location,
  icuBeds: IcuBeds,
  /** The facility stream revision the read model had applied: capacity as of that event. */
  facilityRevision: z.number().int().min(0),
});
export type FacilityCapacity = z.infer<typeof FacilityCapacity>;

export const CapacitySnapshot = z
  .array(FacilityCapacity)
  .superRefine((facilities, ctx) => flagDuplicates(facilities.map((facility) => facility.facilityId), (index) => [index, 'facilityId'], ctx));
export type CapacitySnapshot = z.infer<typeof CapacitySnapshot>;

/** The resident's grid as a routing decision saw it: which grids a full grid falls back to. */
export const RoutingGrid = z.strictObject({ gridId: GridId, neighbourGridIds: distinctList(GridId) });
export type RoutingGrid = z.infer<typeof RoutingGrid>;
