import { ReferralCommand } from './referral-commands';
import { refuseReferral } from './referral-errors';
import { OpenedReferral, ReferralState, ReferralStatus } from './referral-state';

type LifecycleCommand = Exclude<ReferralCommand['type'], 'RequestReferral'>;

/**
 * The lifecycle as data: from which statuses each command may move a referral, and where to.
 * Requested, accepted (bed held) or redirected (back to requested, elsewhere), in transit,
 * admitted, then discharged or referred down; cancelled any time before admission. A patient
 * who arrives at the emergency department with no bed to take them is under observation there
 * until admitted, discharged from it, transferred (a redirect) or cancelled.
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<LifecycleCommand, { readonly from: readonly ReferralStatus[]; readonly to: ReferralStatus }>> = {
  AcceptReferral: { from: ['requested'], to: 'accepted' },
  RedirectReferral: { from: ['requested', 'under-observation'], to: 'requested' },
  StartTransit: { from: ['accepted'], to: 'in-transit' },
  StartEmergencyObservation: { from: ['in-transit'], to: 'under-observation' },
  AdmitPatient: { from: ['in-transit', 'under-observation'], to: 'admitted' },
  DischargePatient: { from: ['admitted', 'under-observation'], to: 'discharged' },
  ReferDown: { from: ['admitted'], to: 'referred-down' },
  CancelReferral: { from: ['requested', 'accepted', 'in-transit', 'under-observation'], to: 'cancelled' },
};

/** The referral, if `command` may move it from where it is; otherwise a typed refusal naming both. */
export function checkTransition(command: LifecycleCommand, state: ReferralState, referralId: string): OpenedReferral {
  if (state.status === 'none') throw refuseReferral('REFERRAL_NOT_REQUESTED', `referral ${referralId} has not been requested`, { referralId });
  const allowed = REFERRAL_TRANSITIONS[command].from;
  if (!allowed.includes(state.status)) {
    throw refuseReferral('INVALID_REFERRAL_TRANSITION', `${command}: referral ${referralId} is ${state.status}; it must be ${allowed.join(' or ')}`, {
      referralId,
      command,
      status: state.status,
      allowedFrom: allowed,
    });
  }
  return state;
}

/** Only the facility the referral is routed to may accept, decline, admit, discharge or refer down. */
export function checkRoutedFacility(referral: OpenedReferral, facilityId: string): void {
  if (referral.facilityId !== facilityId) {
    throw refuseReferral('NOT_THE_ROUTED_FACILITY', `facilityId: referral ${referral.referralId} is routed to ${referral.facilityId}, not ${facilityId}`, {
      field: 'facilityId',
      facilityId,
      routedFacilityId: referral.facilityId,
    });
  }
}
