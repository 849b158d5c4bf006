import { EventContractRegistry } from '@gridcare/event-contracts';
import { BedHeld, BedReleased, FacilityCapacityChanged, FacilityRegistered } from './facility';
import { GridDefined } from './grid';
import {
  EmergencyObservationStarted,
  PatientAdmitted,
  PatientDischarged,
  ReferralAccepted,
  ReferralCancelled,
  ReferralInTransit,
  ReferralRedirected,
  ReferralRequested,
  ReferredDown,
} from './referral';
import { ReferralTriggerSkipped } from './referral-policy';
import { RoutingPolicyPublished } from './routing';

/** Every event the referrals service writes, for its ValidatingEventStore and for readers in other services. */
export function referralsContracts(): EventContractRegistry {
  return new EventContractRegistry().register(
    FacilityRegistered,
    FacilityCapacityChanged,
    BedHeld,
    BedReleased,
    GridDefined,
    RoutingPolicyPublished,
    ReferralRequested,
    ReferralAccepted,
    ReferralRedirected,
    ReferralInTransit,
    PatientAdmitted,
    PatientDischarged,
    ReferredDown,
    ReferralCancelled,
    EmergencyObservationStarted,
    ReferralTriggerSkipped,
  );
}
