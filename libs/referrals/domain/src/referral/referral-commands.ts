import { CapacitySnapshot, DeclineReason, RoutingGrid, RoutingInputs } from '@gridcare/referrals-contracts';
import { RoutingPolicy } from '../routing';

/**
 * What every command that routes carries, so decide needs no clock and no I/O: the decision's
 * id, the capacity read model as the handler read it (the decision records the part it used),
 * the resident's grid and the policy in force.
 */
export interface RoutingContext {
  readonly decisionId: string;
  readonly capacity: CapacitySnapshot;
  readonly grid: RoutingGrid;
  readonly policy: RoutingPolicy;
}

export interface RequestReferral extends RoutingContext {
  readonly type: 'RequestReferral';
  readonly referralId: string;
  readonly residentId: string;
  /** The upward referral a downward one follows, if any. */
  readonly parentReferralId: string | null;
  readonly inputs: RoutingInputs;
}

/** The routed facility accepts; when the decision needs an ICU bed, it is held on the facility's stream first. */
export interface AcceptReferral {
  readonly type: 'AcceptReferral';
  readonly referralId: string;
  readonly facilityId: string;
  readonly icuBedHeld: boolean;
}

/** The routed facility declines; routing runs again without it (and without any that declined before). */
export interface RedirectReferral extends RoutingContext {
  readonly type: 'RedirectReferral';
  readonly referralId: string;
  readonly decliningFacilityId: string;
  readonly declineReason: DeclineReason;
  readonly note: string | null;
}

export interface StartTransit {
  readonly type: 'StartTransit';
  readonly referralId: string;
}

export interface AdmitPatient {
  readonly type: 'AdmitPatient';
  readonly referralId: string;
  readonly facilityId: string;
}

export interface DischargePatient {
  readonly type: 'DischargePatient';
  readonly referralId: string;
  readonly facilityId: string;
}

/** A stable patient goes back to grassroots: the downward referral is requested on its own stream. */
export interface ReferDown {
  readonly type: 'ReferDown';
  readonly referralId: string;
  readonly facilityId: string;
  readonly downwardReferralId: string;
}

/**
 * The patient arrived at the routed facility's emergency department and no bed can take them
 * yet: they are kept under observation there. The handler says whether the facility has an
 * emergency department and gives the service clock's time (decide reads no clock).
 */
export interface StartEmergencyObservation {
  readonly type: 'StartEmergencyObservation';
  readonly referralId: string;
  readonly facilityId: string;
  readonly emergencyDepartment: boolean;
  readonly startedAt: string;
}

export interface CancelReferral {
  readonly type: 'CancelReferral';
  readonly referralId: string;
  readonly reason: string;
}

export type ReferralCommand =
  | RequestReferral
  | AcceptReferral
  | RedirectReferral
  | StartTransit
  | StartEmergencyObservation
  | AdmitPatient
  | DischargePatient
  | ReferDown
  | CancelReferral;
