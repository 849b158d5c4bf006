import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { RoutingDecision } from '../routing/routing-decision';

/**
 * A referral opens with the routing decision that chose its facility and channel. A downward
 * referral names the upward referral it follows, if any.
 */
export const ReferralRequested = defineEventContract({
  type: 'ReferralRequested',
  version: 1,
  schema: z.strictObject({
    referralId: z.uuid(),
    residentId: z.uuid(),
    parentReferralId: z.uuid().nullable(),
    decision: RoutingDecision,
  }),
});
export type ReferralRequestedData = EventData<typeof ReferralRequested>;
