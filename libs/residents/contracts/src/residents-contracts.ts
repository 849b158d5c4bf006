import { EventContractRegistry } from '@gridcare/event-contracts';
import {
  AntiviralEligibilityAssessed,
  AntiviralGiven,
  FollowUpCompleted,
  FollowUpEscalated,
  FollowUpFrequencyRaised,
  FollowUpScheduled,
  FollowUpsEnded,
  HomeTreatmentEnded,
  InfectionReported,
  NationalIdClaimed,
  OxygenFilled,
  ReferralAssistanceRequested,
  Spo2Recorded,
  SymptomsRecorded,
  ResidentCorrected,
  ResidentMoved,
  ResidentRegistered,
  ResidentTierOverridden,
  ResidentTriaged,
  ResidentVaccinationStatusUpdated,
  TriageRuleSetPublished,
} from './events';
import { ResidentAssignedToWorker } from './events/assignment';
import { ContactServiceCardIssued, FingerOximeterHandedOut, FingerOximeterReturned, HealthKitsHandedOut } from './events/supplies';

/** Every event the residents service writes, for its ValidatingEventStore and for readers in other services. */
export function residentsContracts(): EventContractRegistry {
  return new EventContractRegistry().register(
    ResidentRegistered,
    NationalIdClaimed,
    ResidentCorrected,
    ResidentMoved,
    ResidentVaccinationStatusUpdated,
    TriageRuleSetPublished,
    ResidentTriaged,
    ResidentTierOverridden,
    InfectionReported,
    SymptomsRecorded,
    Spo2Recorded,
    AntiviralEligibilityAssessed,
    AntiviralGiven,
    OxygenFilled,
    HomeTreatmentEnded,
    FollowUpScheduled,
    FollowUpCompleted,
    FollowUpFrequencyRaised,
    FollowUpEscalated,
    FollowUpsEnded,
    ReferralAssistanceRequested,
    ContactServiceCardIssued,
    HealthKitsHandedOut,
    FingerOximeterHandedOut,
    FingerOximeterReturned,
    ResidentAssignedToWorker,
  );
}
