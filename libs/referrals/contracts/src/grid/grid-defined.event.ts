import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { FacilityId } from '../facility/facility-values';
import { distinctList } from '../unique';
import { GridId } from './grid-id';

/**
 * A treatment grid: led by one tertiary hospital (or regional medical centre), with several
 * second-level hospitals and grassroots institutions, serving a set of communities. The
 * neighbouring grids are where a referral goes when this grid is full.
 */
export const GridDefined = defineEventContract({
  type: 'GridDefined',
  version: 1,
  schema: z
    .strictObject({
      gridId: GridId,
      name: z.string().min(1).max(200),
      districtIds: distinctList(z.string().min(1)).min(1),
      leadFacilityId: FacilityId,
      facilityIds: distinctList(FacilityId).min(1),
      communityIds: distinctList(z.string().min(1)).min(1),
      neighbourGridIds: distinctList(GridId),
    })
    .superRefine(({ gridId, leadFacilityId, facilityIds, neighbourGridIds }, ctx) => {
      if (!facilityIds.includes(leadFacilityId)) ctx.addIssue({ code: 'custom', path: ['leadFacilityId'], message: 'the lead hospital is one of the grid\'s facilities' });
      if (neighbourGridIds.includes(gridId)) ctx.addIssue({ code: 'custom', path: ['neighbourGridIds'], message: 'a grid is not its own neighbour' });
    }),
});
export type GridDefinedData = EventData<typeof GridDefined>;
