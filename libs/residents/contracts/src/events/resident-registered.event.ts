import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { NationalId, Placement, ResidentFacts } from '../resident-facts';

export const ResidentRegistered = defineEventContract({
  type: 'ResidentRegistered',
  version: 1,
  schema: z
    .strictObject({
      residentId: z.uuid(),
      nationalId: NationalId,
      ...ResidentFacts.shape,
      ...Placement.shape,
      source: z.enum(['manual', 'census-import']),
      importId: z.string().min(1).nullable(),
    })
    // The import a row came from is how a census run is traced and, if need be, undone.
    .refine((data) => (data.source === 'census-import') === (data.importId !== null), {
      path: ['importId'],
      message: 'importId is required for a census import and must be null otherwise',
    }),
});
export type ResidentRegisteredData = EventData<typeof ResidentRegistered>;
