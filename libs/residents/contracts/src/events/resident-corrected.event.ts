import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { Reason } from '../reason';
import { ResidentFacts } from '../resident-facts';

/** Only the facts that changed, with their new values. */
export const ResidentFactChanges = ResidentFacts.partial().refine((changes) => Object.values(changes).some((value) => value !== undefined), {
  message: 'at least one fact must change',
});
export type ResidentFactChanges = z.infer<typeof ResidentFactChanges>;

export const ResidentCorrected = defineEventContract({
  type: 'ResidentCorrected',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    changes: ResidentFactChanges,
    reason: Reason,
  }),
});
export type ResidentCorrectedData = EventData<typeof ResidentCorrected>;
