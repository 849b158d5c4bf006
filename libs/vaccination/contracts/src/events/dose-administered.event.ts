import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { CalendarDate } from '../calendar-date';
import { DoseKind } from '../dose-kind';

/**
 * A dose given to a resident, appended to vaccinationStream(residentId). Other services
 * (residents: vaccination status and re-triage) react to it; the event id is their
 * idempotency key.
 */
export const DoseAdministered = defineEventContract({
  type: 'DoseAdministered',
  version: 1,
  schema: z.strictObject({
    doseId: z.uuid(),
    residentId: z.uuid(),
    product: z.string().min(1).max(200),
    doseKind: DoseKind,
    // The dose's ordinal in the resident's whole course, boosters included: 1, 2, 3...
    doseNumber: z.number().int().min(1),
    administeredOn: CalendarDate,
    // The vaccination site (point of vaccination) where the dose was given.
    site: z.string().min(1).max(200),
  }),
});
export type DoseAdministeredData = EventData<typeof DoseAdministered>;
