import { CapacitySnapshot, FacilityCapacity, RoutingGrid, RoutingInputs, RoutingOutcome, RoutingPolicyDocument, RoutingRule } from '@gridcare/referrals-contracts';
import { evaluateCondition } from '@gridcare/rule-language';
import { roundedKm } from './distance';
import { findFacility, referralCandidates, SearchResult } from './find-facility';
import { refuseRoute } from './routing-errors';
import { routingFacts } from './routing-facts';
import { searchSteps } from './search-steps';

export interface Route {
  /** The explanation: every rule that fired, in policy order. The first is the one applied. */
  readonly firedRules: string[];
  readonly appliedRule: string;
  readonly outcome: RoutingOutcome;
  /** The part of the snapshot the outcome depends on: what the decision records as the capacity it used. */
  readonly capacitySnapshot: FacilityCapacity[];
}

/**
 * The routing decision function: pure and deterministic, so re-running a recorded decision
 * with its policy on its inputs, grid and recorded snapshot gives the same route. The first rule
 * that fires picks the channel and what the facility must be; the search picks the facility.
 * When no facility in the city has what the rule asks for, the policy's over-capacity facility
 * takes the patient: a referral is never left without a destination.
 */
export function route(inputs: RoutingInputs, capacitySnapshot: CapacitySnapshot, grid: RoutingGrid, policy: RoutingPolicyDocument): Route {
  if (grid.gridId !== inputs.gridId) throw refuseRoute('GRID_MISMATCH', `the grid given is ${grid.gridId}, the resident's is ${inputs.gridId}`, { gridId: grid.gridId, residentGridId: inputs.gridId });
  const facts = routingFacts(inputs);
  const fired = policy.rules.filter((rule) => evaluateCondition(rule.when, facts));
  if (fired.length === 0) throw refuseRoute('NO_ROUTING_RULE_FIRED', `no rule of routing policy ${policy.version} covers this referral`, { direction: inputs.direction, severity: inputs.severity });
  const rule = fired[0];
  const candidates = referralCandidates(capacitySnapshot, inputs);
  const { target } = rule;
  const byRule = findFacility(candidates, inputs.from.location, searchSteps(target, inputs, grid), target);
  const search = byRule.found ? byRule : overCapacitySearch(candidates, inputs, rule, policy, byRule);
  if (!search.found) {
    throw refuseRoute('NO_FACILITY_FOUND', `no facility at ${target.levels.join(' or ')} level can take this referral`, { appliedRule: rule.id, excludedFacilityIds: inputs.excludedFacilityIds });
  }
  const { facility, foundIn, distanceKm } = search.found;
  const overCapacity = search !== byRule;
  return {
    firedRules: fired.map((firedRule) => firedRule.id),
    appliedRule: rule.id,
    outcome: {
      channel: rule.channel,
      facilityId: facility.facilityId,
      level: facility.level,
      gridId: facility.gridId,
      foundIn,
      distanceKm: roundedKm(distanceKm),
      icuBedRequired: target.icuBed && !overCapacity,
      overCapacity,
    },
    capacitySnapshot: [...search.consulted],
  };
}

/** The nearest facility at the rule's levels with what the policy's over-capacity clause asks for. */
function overCapacitySearch(candidates: FacilityCapacity[], inputs: RoutingInputs, rule: RoutingRule, policy: RoutingPolicyDocument, byRule: SearchResult): SearchResult {
  const fallback = findFacility(candidates, inputs.from.location, [{ foundIn: 'any-grid', levels: rule.target.levels, inScope: () => true }], {
    capabilities: policy.overCapacity.capabilities,
    icuBed: false,
  });
  // Everything the rule's search looked at is part of the explanation (and of a re-run).
  const consulted = new Map([...byRule.consulted, ...fallback.consulted].map((facility) => [facility.facilityId, facility]));
  return { found: fallback.found, consulted: [...consulted.values()] };
}

export const sameRoute = (a: Route, b: Route): boolean =>
  a.appliedRule === b.appliedRule &&
  a.firedRules.join() === b.firedRules.join() &&
  (Object.keys(a.outcome) as (keyof RoutingOutcome)[]).every((key) => a.outcome[key] === b.outcome[key]);
