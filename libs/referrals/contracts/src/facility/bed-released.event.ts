import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { FacilityId } from './facility-values';

/**
 * Why a held bed stops being held: the patient was admitted into it (it is now occupied), the
 * referral was cancelled, or the hold lapsed (the patient never came).
 */
export const BedReleaseReason = z.enum(['patient-admitted', 'referral-cancelled', 'hold-lapsed']);
export type BedReleaseReason = z.infer<typeof BedReleaseReason>;

export const BedReleased = defineEventContract({
  type: 'BedReleased',
  version: 1,
  schema: z.strictObject({ facilityId: FacilityId, referralId: z.uuid(), reason: BedReleaseReason }),
});
export type BedReleasedData = EventData<typeof BedReleased>;
