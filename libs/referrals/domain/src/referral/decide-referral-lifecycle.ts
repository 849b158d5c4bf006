import { EmergencyObservationStarted, PatientAdmitted, PatientDischarged, ReferralAccepted, ReferralCancelled, ReferralInTransit, ReferredDown } from '@gridcare/referrals-contracts';
import { Reason } from '@gridcare/residents-contracts';
import { contractEvent } from '@gridcare/decider';
import { AcceptReferral, AdmitPatient, CancelReferral, DischargePatient, ReferDown, StartEmergencyObservation, StartTransit } from './referral-commands';
import { refuseReferral } from './referral-errors';
import { ReferralEvent } from './referral-events';
import { ReferralState } from './referral-state';
import { checkRoutedFacility, checkTransition } from './referral-transitions';

export function decideAcceptReferral(command: AcceptReferral, state: ReferralState): ReferralEvent[] {
  // A retried accept by the facility that accepted changes nothing.
  if (state.status === 'accepted' && state.facilityId === command.facilityId) return [];
  const referral = checkTransition('AcceptReferral', state, command.referralId);
  checkRoutedFacility(referral, command.facilityId);
  if (referral.icuBedRequired && !command.icuBedHeld) {
    throw refuseReferral('ICU_BED_NOT_HELD', `referral ${command.referralId} needs an ICU bed: hold one at ${command.facilityId} before accepting`, {
      referralId: command.referralId,
      facilityId: command.facilityId,
    });
  }
  return [contractEvent(ReferralAccepted, { referralId: command.referralId, facilityId: command.facilityId, icuBedHeld: command.icuBedHeld })];
}

export function decideStartTransit(command: StartTransit, state: ReferralState): ReferralEvent[] {
  const referral = checkTransition('StartTransit', state, command.referralId);
  return [contractEvent(ReferralInTransit, { referralId: command.referralId, facilityId: referral.facilityId })];
}

/**
 * Only the routed facility, with an emergency department, and not for a patient an ICU bed is
 * held for (the bed is theirs: admit them).
 */
export function decideStartEmergencyObservation(command: StartEmergencyObservation, state: ReferralState): ReferralEvent[] {
  const referral = checkTransition('StartEmergencyObservation', state, command.referralId);
  checkRoutedFacility(referral, command.facilityId);
  if (!command.emergencyDepartment) {
    throw refuseReferral('NO_EMERGENCY_DEPARTMENT', `facility ${command.facilityId} has no emergency department to observe the patient in`, {
      referralId: command.referralId,
      facilityId: command.facilityId,
    });
  }
  if (referral.icuBedHeld) {
    throw refuseReferral('ICU_BED_HELD', `an ICU bed is held at ${command.facilityId} for referral ${command.referralId}: admit the patient`, {
      referralId: command.referralId,
      facilityId: command.facilityId,
    });
  }
  return [contractEvent(EmergencyObservationStarted, { referralId: command.referralId, residentId: referral.residentId, facilityId: command.facilityId, startedAt: command.startedAt })];
}

export function decideAdmitPatient(command: AdmitPatient, state: ReferralState): ReferralEvent[] {
  const referral = checkTransition('AdmitPatient', state, command.referralId);
  checkRoutedFacility(referral, command.facilityId);
  return [contractEvent(PatientAdmitted, { referralId: command.referralId, facilityId: command.facilityId, icuBedHeld: referral.icuBedHeld })];
}

export function decideDischargePatient(command: DischargePatient, state: ReferralState): ReferralEvent[] {
  const referral = checkTransition('DischargePatient', state, command.referralId);
  checkRoutedFacility(referral, command.facilityId);
  return [contractEvent(PatientDischarged, { referralId: command.referralId, facilityId: command.facilityId })];
}

export function decideReferDown(command: ReferDown, state: ReferralState): ReferralEvent[] {
  const referral = checkTransition('ReferDown', state, command.referralId);
  checkRoutedFacility(referral, command.facilityId);
  if (referral.direction !== 'up') {
    throw refuseReferral('NOT_AN_UPWARD_REFERRAL', `referral ${command.referralId} already brought the patient down: discharge them`, { referralId: command.referralId });
  }
  return [contractEvent(ReferredDown, { referralId: command.referralId, facilityId: command.facilityId, downwardReferralId: command.downwardReferralId })];
}

export function decideCancelReferral(command: CancelReferral, state: ReferralState): ReferralEvent[] {
  const referral = checkTransition('CancelReferral', state, command.referralId);
  if (!Reason.safeParse(command.reason).success) throw refuseReferral('REASON_REQUIRED', 'reason: a cancellation says why', { field: 'reason' });
  return [contractEvent(ReferralCancelled, { referralId: command.referralId, facilityId: referral.facilityId, reason: command.reason, icuBedHeld: referral.icuBedHeld })];
}
