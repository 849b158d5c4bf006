import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { SerialNumber } from './supply-values';

/** A finger oximeter lent to a resident by the community health centre of their community. */
export const FingerOximeterHandedOut = defineEventContract({
  type: 'FingerOximeterHandedOut',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    communityId: z.string().min(1),
    serialNumber: SerialNumber,
  }),
});
export type FingerOximeterHandedOutData = EventData<typeof FingerOximeterHandedOut>;
