import { RoutingDecision, RoutingInputs } from '@gridcare/referrals-contracts';
import { z } from 'zod';
import { route, routingPolicyRefOf } from '../routing';
import { RoutingContext } from './referral-commands';
import { refuseReferral } from './referral-errors';

/** Routes the referral and records the decision with its explanation: inputs, grid, capacity used, policy, fired rules. */
export function routingDecision(inputs: RoutingInputs, context: RoutingContext): RoutingDecision {
  const checked = RoutingInputs.safeParse(inputs);
  if (!checked.success) {
    const field = z.core.toDotPath(checked.error.issues[0].path);
    throw refuseReferral('INVALID_ROUTING_INPUTS', `inputs.${field}: ${checked.error.issues[0].message}`, { field: `inputs.${field}` });
  }
  const decided = route(checked.data, context.capacity, context.grid, context.policy.document);
  return {
    decisionId: context.decisionId,
    inputs: checked.data,
    grid: context.grid,
    capacitySnapshot: decided.capacitySnapshot,
    policy: routingPolicyRefOf(context.policy),
    firedRules: decided.firedRules,
    appliedRule: decided.appliedRule,
    outcome: decided.outcome,
  };
}
