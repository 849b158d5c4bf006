import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { Reason } from '../../reason';
import { WorkerId } from './worker-id';

/**
 * The community worker who keeps in touch with a resident and runs their follow-ups, and the
 * one they were with before (null for a first assignment). Who assigned them: the metadata's actor.
 */
export const ResidentAssignedToWorker = defineEventContract({
  type: 'ResidentAssignedToWorker',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    workerId: WorkerId,
    previousWorkerId: WorkerId.nullable(),
    reason: Reason,
  }),
});
export type ResidentAssignedToWorkerData = EventData<typeof ResidentAssignedToWorker>;
