import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { SerialNumber } from './supply-values';

/** The oximeter came back; communityId is where it was handed out, whose count of oximeters out it leaves. */
export const FingerOximeterReturned = defineEventContract({
  type: 'FingerOximeterReturned',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    communityId: z.string().min(1),
    serialNumber: SerialNumber,
  }),
});
export type FingerOximeterReturnedData = EventData<typeof FingerOximeterReturned>;
