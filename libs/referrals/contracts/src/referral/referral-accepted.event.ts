import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { FacilityId } from '../facility/facility-values';

/** The facility the referral is routed to accepts it; with an ICU bed held on its stream when the decision needs one. */
export const ReferralAccepted = defineEventContract({
  type: 'ReferralAccepted',
  version: 1,
  schema: z.strictObject({ referralId: z.uuid(), facilityId: FacilityId, icuBedHeld: z.boolean() }),
});
export type ReferralAcceptedData = EventData<typeof ReferralAccepted>;
