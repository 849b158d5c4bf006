import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { FacilityId } from './facility-values';

/**
 * An open ICU bed held for a referral on the facility's own stream. Decided with the facility
 * stream's expected revision, so two referrals racing for the last bed cannot both hold it: the
 * second append fails, is re-decided on the new state, and finds no bed.
 */
export const BedHeld = defineEventContract({
  type: 'BedHeld',
  version: 1,
  schema: z.strictObject({ facilityId: FacilityId, referralId: z.uuid() }),
});
export type BedHeldData = EventData<typeof BedHeld>;
