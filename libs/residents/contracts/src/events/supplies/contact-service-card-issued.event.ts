import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { CalendarDate } from '../../calendar-date';
import { Tier } from '../../tier';
import { ContactNumbers } from './supply-values';

/**
 * A contact service card handed to a key resident (who issued it: the metadata's actor). A
 * reissue replaces the card in force and names it. Tier and living alone are the registry's
 * as seen at issue: why the resident counted as key.
 */
export const ContactServiceCardIssued = defineEventContract({
  type: 'ContactServiceCardIssued',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    cardId: z.uuid(),
    communityId: z.string().min(1),
    ...ContactNumbers.shape,
    issuedOn: CalendarDate,
    replacesCardId: z.uuid().nullable(),
    tier: Tier.nullable(),
    livingAlone: z.boolean(),
  }),
});
export type ContactServiceCardIssuedData = EventData<typeof ContactServiceCardIssued>;
