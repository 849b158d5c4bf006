import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { FacilityId } from '../facility/facility-values';
import { RoutingDecision } from '../routing/routing-decision';

export const DeclineReason = z.enum(['no-icu-bed', 'no-capability', 'over-capacity', 'other']);
export type DeclineReason = z.infer<typeof DeclineReason>;

/**
 * A facility may not simply refuse: its decline is a new routing decision that excludes it (and
 * every facility that declined before), naming where the patient goes instead.
 */
export const ReferralRedirected = defineEventContract({
  type: 'ReferralRedirected',
  version: 1,
  schema: z
    .strictObject({
      referralId: z.uuid(),
      decliningFacilityId: FacilityId,
      declineReason: DeclineReason,
      note: z.string().max(1000).regex(/\S/, 'a note is not blank').nullable(),
      decision: RoutingDecision,
    })
    .superRefine(({ decliningFacilityId, declineReason, note, decision }, ctx) => {
      if (declineReason === 'other' && note === null) ctx.addIssue({ code: 'custom', path: ['note'], message: 'a decline for another reason says why' });
      if (!decision.inputs.excludedFacilityIds.includes(decliningFacilityId)) {
        ctx.addIssue({ code: 'custom', path: ['decision', 'inputs', 'excludedFacilityIds'], message: 'the new decision excludes the declining facility' });
      }
    }),
});
export type ReferralRedirectedData = EventData<typeof ReferralRedirected>;
