import { EventContractRegistry } from '@gridcare/event-contracts';
import { BedHeld, BedReleased, FacilityCapacityChanged, FacilityRegistered } from './facility';
import { GridDefined } from './grid';
import {
  PatientAdmitted,
  PatientDischarged,
  ReferralAccepted,
  ReferralCancelled,
  ReferralInTransit,
  ReferralRedirected,
  ReferralRequested,
  ReferredDown,
} from './referral';
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
  );
}
