import { CalendarDate } from '@gridcare/residents-contracts';
import { RuleId, RuleSetVersion } from '@gridcare/rule-language';
import { z } from 'zod';
import { Capabilities, FacilityLevel } from '../facility/facility-values';
import { distinctList, flagDuplicates } from '../unique';
import { RoutingCondition } from './routing-facts';

/**
 * How a referral travels: the green channel for the critically ill, straight to a tertiary
 * hospital for high-risk elderly, within the grid for the rest, and back to grassroots for
 * rehabilitation.
 */
export const Channel = z.enum(['green-channel', 'direct-to-tertiary', 'within-grid', 'rehabilitation']);
export type Channel = z.infer<typeof Channel>;

/**
 * Where to look, in order. `nearest-any-grid`: the nearest suitable facility in the city.
 * `grid-then-neighbours`: the resident's grid, level by level from the lowest; then the
 * neighbouring grids; then any grid. `home-then-grid`: the resident's home grassroots
 * institution, then as grid-then-neighbours.
 */
export const Search = z.enum(['nearest-any-grid', 'grid-then-neighbours', 'home-then-grid']);
export type Search = z.infer<typeof Search>;

/** What a facility must be and have for a rule's referral, and how to look for it. */
export const RoutingTarget = z
  .strictObject({
    levels: distinctList(FacilityLevel).min(1),
    capabilities: Capabilities,
    /** The facility must have an open ICU bed; accepting the referral holds it. */
    icuBed: z.boolean(),
    search: Search,
  })
  .superRefine(({ icuBed, capabilities }, ctx) => {
    if (icuBed && !capabilities.includes('icu')) ctx.addIssue({ code: 'custom', path: ['capabilities'], message: 'a rule that holds an ICU bed needs the icu capability' });
  });
export type RoutingTarget = z.infer<typeof RoutingTarget>;

export const RoutingRule = z.strictObject({
  id: RuleId,
  description: z.string().min(1),
  when: RoutingCondition,
  channel: Channel,
  target: RoutingTarget,
});
export type RoutingRule = z.infer<typeof RoutingRule>;

/**
 * A versioned routing policy, shipped as JSON and published in RoutingPolicyPublished. Rules
 * are in priority order: every rule is evaluated (the fired rules are the explanation) and the
 * first that fires routes the referral.
 */
export const RoutingPolicyDocument = z
  .strictObject({
    id: RuleId,
    version: RuleSetVersion,
    description: z.string().min(1),
    effectiveFrom: CalendarDate,
    rules: z.array(RoutingRule).min(1),
    /** Where a referral goes when no facility in the city has what its rule asks for: it is never refused. */
    overCapacity: z.strictObject({ description: z.string().min(1), capabilities: Capabilities.min(1) }),
  })
  .superRefine((document, ctx) => flagDuplicates(document.rules.map((rule) => rule.id), (index) => ['rules', index, 'id'], ctx));
export type RoutingPolicyDocument = z.infer<typeof RoutingPolicyDocument>;
