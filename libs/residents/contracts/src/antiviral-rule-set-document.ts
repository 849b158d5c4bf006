import { z } from 'zod';
import { CalendarDate } from './calendar-date';
import { ConditionCode, Sex, UnderlyingConditions } from './resident-facts';
import { RuleCondition, ruleConditionSchema, RuleId, RuleSetVersion } from '@gridcare/rule-language';

/**
 * The facts an antiviral eligibility rule may test. `daysSinceOnset` is counted from the
 * episode's onset to the day of the assessment; early antivirals only help early.
 */
export const ANTIVIRAL_FACT_KINDS = {
  ageYears: 'number',
  pregnant: 'boolean',
  lowImmunity: 'boolean',
  hasSeriousCondition: 'boolean',
  hasUncontrolledCondition: 'boolean',
  daysSinceOnset: 'number',
  latestSpo2: 'number',
} as const;
export type AntiviralFactName = keyof typeof ANTIVIRAL_FACT_KINDS;
export type AntiviralCondition = RuleCondition<AntiviralFactName>;
export const AntiviralCondition = ruleConditionSchema(ANTIVIRAL_FACT_KINDS);

/** A rule either puts the resident in a key group for early antivirals or excludes them from it. */
export const AntiviralFinding = z.enum(['key-group', 'exclusion']);
export type AntiviralFinding = z.infer<typeof AntiviralFinding>;

export const AntiviralRule = z.strictObject({ id: RuleId, finding: AntiviralFinding, description: z.string().min(1), when: AntiviralCondition });
export type AntiviralRule = z.infer<typeof AntiviralRule>;

/**
 * A versioned antiviral eligibility rule set, shipped as JSON and cited (id, version, hash)
 * by every eligibility decision. Eligible: some key-group rule fires and no exclusion does.
 */
export const AntiviralRuleSetDocument = z
  .strictObject({
    id: RuleId,
    version: RuleSetVersion,
    description: z.string().min(1),
    effectiveFrom: CalendarDate,
    seriousConditions: z.array(ConditionCode),
    rules: z.array(AntiviralRule).min(1),
  })
  .superRefine((document, ctx) => {
    const seen = new Set<string>();
    document.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate ${rule.id}` });
      seen.add(rule.id);
    });
  });
export type AntiviralRuleSetDocument = z.infer<typeof AntiviralRuleSetDocument>;

/** What an eligibility decision saw, recorded with it so an auditor can re-run it exactly. */
export const AntiviralEligibilityInputs = z.strictObject({
  ageYears: z.number().int().min(0),
  sex: Sex,
  pregnant: z.boolean(),
  lowImmunity: z.boolean(),
  conditions: UnderlyingConditions,
  onsetOn: CalendarDate,
  daysSinceOnset: z.number().int().min(0),
  latestSpo2: z.number().min(0).max(100).nullable(),
});
export type AntiviralEligibilityInputs = z.infer<typeof AntiviralEligibilityInputs>;
