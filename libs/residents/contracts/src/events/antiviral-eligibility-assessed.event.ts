import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { AntiviralEligibilityInputs, AntiviralFinding } from '../antiviral-rule-set-document';
import { CalendarDate } from '../calendar-date';
import { RuleSetRef } from '../rule-set-ref';

/** What asked for the assessment: the infection being reported, or a doctor asking again. */
export const AntiviralEligibilityTrigger = z.strictObject({ kind: z.enum(['infection-reported', 'manual-request']), sourceEventId: z.uuid().nullable() });
export type AntiviralEligibilityTrigger = z.infer<typeof AntiviralEligibilityTrigger>;

export const AntiviralEligibility = z.enum(['eligible', 'not-eligible']);
export type AntiviralEligibility = z.infer<typeof AntiviralEligibility>;

/**
 * An early-antiviral eligibility decision for an infection episode, with its explanation: the
 * trigger, the inputs as seen, the rule set (version and hash), the rules that fired and the
 * outcome. Re-running the rule set on the inputs must give the same outcome and fired rules.
 */
export const AntiviralEligibilityAssessed = defineEventContract({
  type: 'AntiviralEligibilityAssessed',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    episodeId: z.uuid(),
    decisionId: z.uuid(),
    trigger: AntiviralEligibilityTrigger,
    asOf: CalendarDate,
    inputs: AntiviralEligibilityInputs,
    ruleSet: RuleSetRef,
    firedRules: z.array(z.strictObject({ id: z.string().min(1), finding: AntiviralFinding })),
    outcome: AntiviralEligibility,
  }),
});
export type AntiviralEligibilityAssessedData = EventData<typeof AntiviralEligibilityAssessed>;
