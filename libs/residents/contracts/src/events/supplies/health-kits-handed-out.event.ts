import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { HEALTH_KITS_PER_HAND_OUT } from './supply-values';

/** Epidemic prevention health kits handed to a resident, counted in the community that handed them out. */
export const HealthKitsHandedOut = defineEventContract({
  type: 'HealthKitsHandedOut',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    communityId: z.string().min(1),
    kits: z.number().int().min(HEALTH_KITS_PER_HAND_OUT.min).max(HEALTH_KITS_PER_HAND_OUT.max),
  }),
});
export type HealthKitsHandedOutData = EventData<typeof HealthKitsHandedOut>;
