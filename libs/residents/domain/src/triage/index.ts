export { canonicalJson, evaluateCondition, ruleSetHash } from '@gridcare/rule-language';
export type { RuleFacts } from '@gridcare/rule-language';
export * from './default-triage-rule-set';
export * from './tier-precedence';
export * from './triage';
export * from './triage-facts';
export * from './triage-rule-set';
export * from './triage-rule-set.decider';
