import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { FacilityId } from './facility-values';

/**
 * A facility reports its critical-care capacity: ICU beds open and occupied, and the doctors and
 * nurses trained in critical care medicine. Absolute numbers, not deltas, so a lost report
 * is corrected by the next one. Beds held for referrals are the facility stream's own count.
 */
export const FacilityCapacityChanged = defineEventContract({
  type: 'FacilityCapacityChanged',
  version: 1,
  schema: z
    .strictObject({
      facilityId: FacilityId,
      icuBedsOpen: z.number().int().min(0),
      icuBedsOccupied: z.number().int().min(0),
      criticalCareDoctors: z.number().int().min(0),
      criticalCareNurses: z.number().int().min(0),
    })
    .refine(({ icuBedsOpen, icuBedsOccupied }) => icuBedsOccupied <= icuBedsOpen, { message: 'more ICU beds occupied than open', path: ['icuBedsOccupied'] }),
});
export type FacilityCapacityChangedData = EventData<typeof FacilityCapacityChanged>;
