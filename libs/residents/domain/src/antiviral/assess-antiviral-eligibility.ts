import { AntiviralEligibility, AntiviralEligibilityInputs, AntiviralFactName, AntiviralFinding, AntiviralRuleSetDocument } from '@gridcare/residents-contracts';
import { evaluateCondition, RuleFacts } from '@gridcare/rule-language';

export interface AntiviralEligibilityOutcome {
  readonly outcome: AntiviralEligibility;
  /** The explanation: every rule that fired, in rule-set order. */
  readonly firedRules: { id: string; finding: AntiviralFinding }[];
}

/**
 * The eligibility decision function: pure and deterministic, so re-running a recorded decision
 * with its rule set on its inputs gives the same outcome. Eligible when a key-group rule fires
 * and no exclusion does.
 */
export function assessAntiviralEligibility(inputs: AntiviralEligibilityInputs, ruleSet: AntiviralRuleSetDocument): AntiviralEligibilityOutcome {
  const facts: RuleFacts<AntiviralFactName> = {
    ageYears: inputs.ageYears,
    pregnant: inputs.pregnant,
    lowImmunity: inputs.lowImmunity,
    hasSeriousCondition: inputs.conditions.some((condition) => ruleSet.seriousConditions.includes(condition.code)),
    hasUncontrolledCondition: inputs.conditions.some((condition) => !condition.controlled),
    daysSinceOnset: inputs.daysSinceOnset,
    latestSpo2: inputs.latestSpo2,
  };
  const firedRules = ruleSet.rules.filter((rule) => evaluateCondition(rule.when, facts)).map((rule) => ({ id: rule.id, finding: rule.finding }));
  const keyGroup = firedRules.some((rule) => rule.finding === 'key-group');
  const excluded = firedRules.some((rule) => rule.finding === 'exclusion');
  return { outcome: keyGroup && !excluded ? 'eligible' : 'not-eligible', firedRules };
}
