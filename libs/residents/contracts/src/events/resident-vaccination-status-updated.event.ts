import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { CalendarDate } from '../calendar-date';

/** The residents service's copy of what the vaccination service reported; sourceEventId makes it idempotent. */
export const ResidentVaccinationStatusUpdated = defineEventContract({
  type: 'ResidentVaccinationStatusUpdated',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    dosesReceived: z.number().int().min(0),
    boostersReceived: z.number().int().min(0),
    lastDoseOn: CalendarDate.nullable(),
    sourceEventId: z.uuid(),
  }),
});
export type ResidentVaccinationStatusUpdatedData = EventData<typeof ResidentVaccinationStatusUpdated>;
