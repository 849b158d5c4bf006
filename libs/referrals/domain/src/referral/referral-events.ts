import { DomainEvent } from '@gridcare/decider';
import {
  EmergencyObservationStartedData,
  PatientAdmittedData,
  PatientDischargedData,
  ReferralAcceptedData,
  ReferralCancelledData,
  ReferralInTransitData,
  ReferralRedirectedData,
  ReferralRequestedData,
  ReferredDownData,
} from '@gridcare/referrals-contracts';

export type ReferralRequestedEvent = DomainEvent<'ReferralRequested', ReferralRequestedData>;
export type ReferralAcceptedEvent = DomainEvent<'ReferralAccepted', ReferralAcceptedData>;
export type ReferralRedirectedEvent = DomainEvent<'ReferralRedirected', ReferralRedirectedData>;
export type ReferralInTransitEvent = DomainEvent<'ReferralInTransit', ReferralInTransitData>;
export type EmergencyObservationStartedEvent = DomainEvent<'EmergencyObservationStarted', EmergencyObservationStartedData>;
export type PatientAdmittedEvent = DomainEvent<'PatientAdmitted', PatientAdmittedData>;
export type PatientDischargedEvent = DomainEvent<'PatientDischarged', PatientDischargedData>;
export type ReferredDownEvent = DomainEvent<'ReferredDown', ReferredDownData>;
export type ReferralCancelledEvent = DomainEvent<'ReferralCancelled', ReferralCancelledData>;

/** The events of a referral's stream (referralStream(referralId)). */
export type ReferralEvent =
  | ReferralRequestedEvent
  | ReferralAcceptedEvent
  | ReferralRedirectedEvent
  | ReferralInTransitEvent
  | EmergencyObservationStartedEvent
  | PatientAdmittedEvent
  | PatientDischargedEvent
  | ReferredDownEvent
  | ReferralCancelledEvent;
