import { ReferralRedirected, ReferralRequested } from '@gridcare/referrals-contracts';
import { contractEvent } from '@gridcare/decider';
import { RedirectReferral, RequestReferral } from './referral-commands';
import { refuseReferral } from './referral-errors';
import { ReferralEvent } from './referral-events';
import { ReferralState } from './referral-state';
import { checkRoutedFacility, checkTransition } from './referral-transitions';
import { routingDecision } from './routing-decision';

export function decideRequestReferral(command: RequestReferral, state: ReferralState): ReferralEvent[] {
  if (state.status !== 'none') throw refuseReferral('REFERRAL_ALREADY_REQUESTED', `referral ${command.referralId} is already requested`, { referralId: command.referralId });
  const decision = routingDecision(command.inputs, command);
  return [contractEvent(ReferralRequested, { referralId: command.referralId, residentId: command.residentId, parentReferralId: command.parentReferralId, decision })];
}

/**
 * A facility may not simply refuse: its decline routes the same patient again without it (and
 * without every facility that declined before). With nowhere else to go, the decline is refused.
 */
export function decideRedirectReferral(command: RedirectReferral, state: ReferralState): ReferralEvent[] {
  const referral = checkTransition('RedirectReferral', state, command.referralId);
  checkRoutedFacility(referral, command.decliningFacilityId);
  if (command.declineReason === 'other' && (command.note === null || command.note.trim() === '')) {
    throw refuseReferral('REASON_REQUIRED', 'note: a decline for another reason says why', { field: 'note' });
  }
  const inputs = { ...referral.inputs, excludedFacilityIds: [...referral.inputs.excludedFacilityIds, command.decliningFacilityId] };
  const decision = routingDecision(inputs, command);
  return [
    contractEvent(ReferralRedirected, {
      referralId: command.referralId,
      decliningFacilityId: command.decliningFacilityId,
      declineReason: command.declineReason,
      note: command.note,
      decision,
    }),
  ];
}
