import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { Reason } from '../reason';
import { Placement } from '../resident-facts';

export const ResidentMoved = defineEventContract({
  type: 'ResidentMoved',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    from: Placement,
    to: Placement,
    reason: Reason,
  }),
});
export type ResidentMovedData = EventData<typeof ResidentMoved>;
