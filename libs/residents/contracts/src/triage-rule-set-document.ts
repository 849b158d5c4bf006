import { RuleId, RuleSetVersion } from '@gridcare/rule-language';
import { z } from 'zod';
import { CalendarDate } from './calendar-date';
import { ConditionCode } from './resident-facts';
import { Tier } from './tier';
import { TriageCondition } from './triage-condition';

export const TriageRule = z.strictObject({
  id: RuleId,
  tier: Tier,
  description: z.string().min(1),
  when: TriageCondition,
});
export type TriageRule = z.infer<typeof TriageRule>;

/**
 * A versioned triage rule set, as published in TriageRuleSetPublished and shipped as JSON.
 * Data, not code, so a domain expert reviews the rules and an auditor re-runs them.
 */
export const TriageRuleSetDocument = z
  .strictObject({
    id: RuleId,
    version: RuleSetVersion,
    description: z.string().min(1),
    effectiveFrom: CalendarDate,
    seriousConditions: z.array(ConditionCode),
    overrideRoles: z.array(z.string().min(1)),
    rules: z.array(TriageRule).min(1),
  })
  .superRefine((document, ctx) => {
    // Fired rules are reported by id: two rules with one id would make an explanation ambiguous.
    flagDuplicates(document.rules.map((rule) => rule.id), (index) => ['rules', index, 'id'], ctx);
    flagDuplicates(document.seriousConditions, (index) => ['seriousConditions', index], ctx);
    flagDuplicates(document.overrideRoles, (index) => ['overrideRoles', index], ctx);
  });
export type TriageRuleSetDocument = z.infer<typeof TriageRuleSetDocument>;

function flagDuplicates(values: readonly string[], pathOf: (index: number) => (string | number)[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: pathOf(index), message: `duplicate ${value}` });
    seen.add(value);
  });
}
