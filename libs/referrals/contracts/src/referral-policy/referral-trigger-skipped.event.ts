import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { RuleSetRef } from '@gridcare/rule-language';
import { z } from 'zod';
import { ReferralTriggerRef } from './referral-trigger';

/**
 * Why a trigger opened no referral: the resident already had one open (one open referral per
 * resident at a time), the referrals service had seen no registration of the resident (so no
 * community to route from), or routing refused the request (the refusal's code). A trigger that
 * opened a referral needs no event of its own: ReferralRequested names it as its causation.
 */
export const ReferralTriggerSkipReason = z.enum(['open-referral', 'resident-not-known', 'routing-refused']);
export type ReferralTriggerSkipReason = z.infer<typeof ReferralTriggerSkipReason>;

export const ReferralTriggerSkipped = defineEventContract({
  type: 'ReferralTriggerSkipped',
  version: 1,
  schema: z
    .strictObject({
      residentId: z.uuid(),
      trigger: ReferralTriggerRef,
      reason: ReferralTriggerSkipReason,
      /** For open-referral: the referral that is open. */
      openReferralId: z.uuid().nullable(),
      /** For routing-refused: the refusal's code. */
      refusal: z.string().min(1).max(200).nullable(),
      /** The referral policy in force (id, version, hash of its document). */
      policy: RuleSetRef,
    })
    .superRefine(({ reason, openReferralId, refusal }, ctx) => {
      if ((reason === 'open-referral') !== (openReferralId !== null)) {
        ctx.addIssue({ code: 'custom', path: ['openReferralId'], message: 'names the open referral exactly when that is the reason' });
      }
      if ((reason === 'routing-refused') !== (refusal !== null)) {
        ctx.addIssue({ code: 'custom', path: ['refusal'], message: "names routing's refusal exactly when that is the reason" });
      }
    }),
});
export type ReferralTriggerSkippedData = EventData<typeof ReferralTriggerSkipped>;
