import { ResidentTierOverridden } from '@gridcare/residents-contracts';
import { ruleSetRefOf } from '../triage';
import { OverrideTier } from './resident-commands';
import { isBlank, refuse } from './resident-errors';
import { ResidentEvent, residentEvent } from './resident-events';
import { ResidentState } from './resident-state';

/** A manual override is a decision too: it needs a reason and a role the rule set allows. */
export function decideOverrideTier(command: OverrideTier, state: ResidentState): ResidentEvent[] {
  if (state.status !== 'registered') throw refuse('RESIDENT_NOT_REGISTERED', 'the resident is not registered');
  if (isBlank(command.reason)) throw refuse('REASON_REQUIRED', 'an override needs a reason');
  const { overrideRoles } = command.ruleSet.document;
  if (!overrideRoles.includes(command.actorRole)) {
    throw refuse('OVERRIDE_NOT_PERMITTED', `role ${command.actorRole} may not override a tier`, { actorRole: command.actorRole, overrideRoles });
  }
  if (state.tier === null) throw refuse('RESIDENT_NOT_TRIAGED', 'the resident has no tier to override yet');
  if (command.tier === state.tier) throw refuse('TIER_UNCHANGED', `the resident is already ${state.tier}`, { tier: state.tier });
  return [
    residentEvent(ResidentTierOverridden, {
      residentId: state.residentId,
      decisionId: command.decisionId,
      tier: command.tier,
      previousTier: state.tier,
      reason: command.reason,
      overridesDecisionId: state.lastDecisionId,
      ruleSet: ruleSetRefOf(command.ruleSet),
    }),
  ];
}
