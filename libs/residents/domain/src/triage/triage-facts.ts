import { TriageFactName, TriageInputs, TriageRuleSetDocument } from '@gridcare/residents-contracts';

/** The values rules test: the inputs plus facts derived from them and the rule set. */
export type TriageFacts = Readonly<Record<TriageFactName, number | boolean | null>>;

export function triageFacts(inputs: TriageInputs, ruleSet: TriageRuleSetDocument): TriageFacts {
  return {
    ageYears: inputs.ageYears,
    pregnant: inputs.pregnant,
    lowImmunity: inputs.lowImmunity,
    livingAlone: inputs.livingAlone,
    // Serious whether controlled or not: the list is the rule set's, so clinicians can revise it.
    hasSeriousCondition: inputs.conditions.some((condition) => ruleSet.seriousConditions.includes(condition.code)),
    // Any condition, serious or not, counts once it is uncontrolled.
    hasUncontrolledCondition: inputs.conditions.some((condition) => !condition.controlled),
    infected: inputs.infected,
    latestSpo2: inputs.latestSpo2,
    dosesReceived: inputs.dosesReceived,
  };
}
