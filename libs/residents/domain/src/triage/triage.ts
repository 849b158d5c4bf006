import { FiredRule, Tier, TriageInputs, TriageRuleSetDocument } from '@gridcare/residents-contracts';
import { evaluateCondition } from '@gridcare/rule-language';
import { highestTier } from './tier-precedence';
import { triageFacts } from './triage-facts';

export interface TriageOutcome {
  readonly tier: Tier;
  /** The explanation: every rule that fired, in rule-set order. */
  readonly firedRules: FiredRule[];
}

/**
 * The triage decision function: pure and deterministic, so re-running a recorded decision
 * with its rule set on its inputs gives the same outcome. The tier is the highest a fired
 * rule gives, green when none fired.
 */
export function triage(inputs: TriageInputs, ruleSet: TriageRuleSetDocument): TriageOutcome {
  const facts = triageFacts(inputs, ruleSet);
  const firedRules = ruleSet.rules.filter((rule) => evaluateCondition(rule.when, facts)).map((rule) => ({ id: rule.id, tier: rule.tier }));
  return { tier: highestTier(firedRules.map((rule) => rule.tier)), firedRules };
}

export const sameOutcome = (a: TriageOutcome, b: TriageOutcome): boolean =>
  a.tier === b.tier && a.firedRules.length === b.firedRules.length && a.firedRules.every((rule, i) => rule.id === b.firedRules[i].id && rule.tier === b.firedRules[i].tier);
