import { z } from 'zod';
import { RuleCondition, ruleConditionSchema } from '@gridcare/rule-language';

/**
 * The facts a triage rule may test, and their kind. Derived facts (hasSeriousCondition,
 * hasUncontrolledCondition) come from the inputs' conditions and the rule set's list of
 * serious conditions, so a rule set can change that list without touching any rule.
 */
export const TRIAGE_FACT_KINDS = {
  ageYears: 'number',
  pregnant: 'boolean',
  lowImmunity: 'boolean',
  livingAlone: 'boolean',
  hasSeriousCondition: 'boolean',
  hasUncontrolledCondition: 'boolean',
  infected: 'boolean',
  latestSpo2: 'number',
  dosesReceived: 'number',
} as const;

export type TriageFactName = keyof typeof TRIAGE_FACT_KINDS;
export const TriageFactName = z.enum(Object.keys(TRIAGE_FACT_KINDS) as [TriageFactName, ...TriageFactName[]]);

export type TriageCondition = RuleCondition<TriageFactName>;
export const TriageCondition = ruleConditionSchema(TRIAGE_FACT_KINDS);
