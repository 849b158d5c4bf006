import { RuleId, RuleSetRef } from '@gridcare/rule-language';
import { z } from 'zod';
import { FacilityId, FacilityLevel } from '../facility/facility-values';
import { GridId } from '../grid/grid-id';
import { distinctList } from '../unique';
import { Channel } from './routing-policy-document';
import { CapacitySnapshot, RoutingGrid, RoutingInputs } from './routing-inputs';

/** Where the chosen facility was found: the patient's home institution, their grid, a neighbouring grid, anywhere. */
export const FoundIn = z.enum(['home-facility', 'grid', 'neighbouring-grid', 'any-grid']);
export type FoundIn = z.infer<typeof FoundIn>;

export const RoutingOutcome = z.strictObject({
  channel: Channel,
  facilityId: FacilityId,
  level: FacilityLevel,
  gridId: GridId,
  foundIn: FoundIn,
  /** Straight-line distance from the referring facility, to 0.01 km. */
  distanceKm: z.number().min(0),
  /** Accepting the referral holds an ICU bed. */
  icuBedRequired: z.boolean(),
  /** No facility had what the rule asks for: the patient goes to the policy's over-capacity facility. */
  overCapacity: z.boolean(),
});
export type RoutingOutcome = z.infer<typeof RoutingOutcome>;

/**
 * A routing decision with its explanation: the inputs as seen, the grid and the facilities it
 * consulted (the part of the capacity read model the outcome depends on), the policy (version
 * and hash), the rules that fired and the one applied, and the outcome. Re-running the policy
 * on the inputs, grid and snapshot gives the same outcome. Actor and causation: the metadata.
 */
export const RoutingDecision = z
  .strictObject({
    decisionId: z.uuid(),
    inputs: RoutingInputs,
    grid: RoutingGrid,
    capacitySnapshot: CapacitySnapshot,
    policy: RuleSetRef,
    firedRules: distinctList(RuleId).min(1),
    appliedRule: RuleId,
    outcome: RoutingOutcome,
  })
  .superRefine(({ inputs, grid, capacitySnapshot, firedRules, appliedRule, outcome }, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (firedRules[0] !== appliedRule) issue(['appliedRule'], 'the applied rule is the first rule that fired');
    if (grid.gridId !== inputs.gridId) issue(['grid', 'gridId'], "the grid is the resident's grid");
    if (inputs.excludedFacilityIds.includes(outcome.facilityId)) issue(['outcome', 'facilityId'], 'the facility declined this referral');
    if (outcome.facilityId === inputs.from.facilityId) issue(['outcome', 'facilityId'], 'the facility is the referring facility');
    if (!capacitySnapshot.some((facility) => facility.facilityId === outcome.facilityId)) issue(['outcome', 'facilityId'], 'the facility is not in the capacity snapshot');
  });
export type RoutingDecision = z.infer<typeof RoutingDecision>;
