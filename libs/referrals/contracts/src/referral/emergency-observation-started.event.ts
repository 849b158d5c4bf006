import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { FacilityId } from '../facility/facility-values';

/**
 * The patient arrived at the routed facility's emergency department with no bed to admit them
 * to, and is kept there under observation. It must end in an admission within 24 hours; an
 * admission, a discharge from the emergency department, a transfer elsewhere (a redirect) or a
 * cancellation ends it. `startedAt` is the service's clock: the 24 hours are counted on it.
 */
export const EmergencyObservationStarted = defineEventContract({
  type: 'EmergencyObservationStarted',
  version: 1,
  schema: z.strictObject({
    referralId: z.uuid(),
    residentId: z.uuid(),
    facilityId: FacilityId,
    startedAt: z.iso.datetime({ offset: true }),
  }),
});
export type EmergencyObservationStartedData = EventData<typeof EmergencyObservationStarted>;
