import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';

export const PersonalDataField = z.enum(['nationalId', 'phone']);
export type PersonalDataField = z.infer<typeof PersonalDataField>;

/**
 * Someone was shown residents' personal data: one event per request that returned any, on a
 * stream of its own (personalDataReadStream), written before the answer leaves the service.
 * The actor in the metadata is who read it, under which role; the audit service makes the
 * access log of these.
 */
export const PersonalDataRead = defineEventContract({
  type: 'PersonalDataRead',
  version: 1,
  schema: z.strictObject({
    residentIds: z.array(z.uuid()).min(1).max(10_000),
    fields: z.array(PersonalDataField).min(1),
    /** The GraphQL operation's name, when it had one. */
    operation: z.string().max(200).nullable(),
  }),
});
export type PersonalDataReadData = EventData<typeof PersonalDataRead>;
