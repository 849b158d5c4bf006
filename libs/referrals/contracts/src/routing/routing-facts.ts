import { RuleCondition, ruleConditionSchema } from '@gridcare/rule-language';
import { Tier } from '@gridcare/residents-contracts';
import { z } from 'zod';
import { FacilityLevel } from '../facility/facility-values';

/** Up: grassroots to second-level or tertiary. Down: a stable patient back to grassroots for rehabilitation. */
export const Direction = z.enum(['up', 'down']);
export type Direction = z.infer<typeof Direction>;

/** The referring doctor's assessment, in the four types of the national treatment protocol. */
export const Severity = z.enum(['mild', 'moderate', 'severe', 'critical']);
export type Severity = z.infer<typeof Severity>;

/**
 * The facts a routing rule may test, and their kind. `highRisk`: a higher risk of severe illness
 * (a serious or uncontrolled underlying disease, or low immunity) as the resident's record shows it.
 */
export const ROUTING_FACT_KINDS = {
  direction: Direction.options as [Direction, ...Direction[]],
  fromLevel: FacilityLevel.options as [FacilityLevel, ...FacilityLevel[]],
  tier: Tier.options as [Tier, ...Tier[]],
  severity: Severity.options as [Severity, ...Severity[]],
  spo2: 'number',
  ageYears: 'number',
  highRisk: 'boolean',
  needsIcu: 'boolean',
} as const;

export type RoutingFactName = keyof typeof ROUTING_FACT_KINDS;
export type RoutingCondition = RuleCondition<RoutingFactName>;
export const RoutingCondition = ruleConditionSchema(ROUTING_FACT_KINDS);
