import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { Reason } from '../reason';
import { RuleSetRef } from '../rule-set-ref';
import { Tier } from '../tier';

/** A manual override is a decision too: who (in the metadata), why, and which decision it overrides. */
export const ResidentTierOverridden = defineEventContract({
  type: 'ResidentTierOverridden',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    decisionId: z.uuid(),
    tier: Tier,
    previousTier: Tier,
    reason: Reason,
    overridesDecisionId: z.uuid().nullable(),
    // The rule set in force, whose overrideRoles allowed the override.
    ruleSet: RuleSetRef,
  }),
});
export type ResidentTierOverriddenData = EventData<typeof ResidentTierOverridden>;
