import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { distinctList } from '../unique';
import { Capabilities, FACILITY_KIND_LEVEL, FacilityId, FacilityKind, FacilityLevel, Location } from './facility-values';

/**
 * A facility joins the referral network: what it is (its kind fixes its level), where it is,
 * what it can treat, and for grassroots institutions the communities they serve (where a
 * patient referred down for rehabilitation goes home to). Its grid is the grid's to say.
 */
export const FacilityRegistered = defineEventContract({
  type: 'FacilityRegistered',
  version: 1,
  schema: z
    .strictObject({
      facilityId: FacilityId,
      name: z.string().min(1).max(200),
      kind: FacilityKind,
      level: FacilityLevel,
      districtId: z.string().min(1),
      location: Location,
      capabilities: Capabilities,
      communityIds: distinctList(z.string().min(1)),
    })
    .superRefine(({ kind, level }, ctx) => {
      if (FACILITY_KIND_LEVEL[kind] !== level) ctx.addIssue({ code: 'custom', path: ['level'], message: `a ${kind} is ${FACILITY_KIND_LEVEL[kind]}` });
    }),
});
export type FacilityRegisteredData = EventData<typeof FacilityRegistered>;
