import { RoutingFactName, RoutingInputs } from '@gridcare/referrals-contracts';
import { RuleFacts } from '@gridcare/rule-language';

/** The values routing rules test, from the inputs as the decision saw them. */
export type RoutingFacts = RuleFacts<RoutingFactName>;

export function routingFacts(inputs: RoutingInputs): RoutingFacts {
  return {
    direction: inputs.direction,
    fromLevel: inputs.from.level,
    tier: inputs.tier,
    severity: inputs.severity,
    spo2: inputs.spo2,
    ageYears: inputs.ageYears,
    highRisk: inputs.highRisk,
    needsIcu: inputs.needsIcu,
  };
}
