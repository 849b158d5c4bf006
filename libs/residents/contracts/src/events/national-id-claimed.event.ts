import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { NationalId } from '../resident-facts';

/** Appended to nationalIdClaimStream(nationalId) before registering: one resident per national ID. */
export const NationalIdClaimed = defineEventContract({
  type: 'NationalIdClaimed',
  version: 1,
  schema: z.strictObject({ nationalId: NationalId, residentId: z.uuid() }),
});
export type NationalIdClaimedData = EventData<typeof NationalIdClaimed>;
