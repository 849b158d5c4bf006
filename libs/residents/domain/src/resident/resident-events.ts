import { contractEvent, DomainEvent } from '@gridcare/decider';
import {
  AntiviralEligibilityAssessedData,
  AntiviralGivenData,
  FollowUpCompletedData,
  FollowUpEscalatedData,
  FollowUpFrequencyRaisedData,
  FollowUpScheduledData,
  FollowUpsEndedData,
  HomeTreatmentEndedData,
  InfectionReportedData,
  OxygenFilledData,
  ReferralAssistanceRequestedData,
  Spo2RecordedData,
  SymptomsRecordedData,
  ResidentCorrectedData,
  ResidentMovedData,
  ResidentRegisteredData,
  ResidentTierOverriddenData,
  ResidentTriagedData,
  ResidentVaccinationStatusUpdatedData,
} from '@gridcare/residents-contracts';

export type ResidentRegisteredEvent = DomainEvent<'ResidentRegistered', ResidentRegisteredData>;
export type ResidentCorrectedEvent = DomainEvent<'ResidentCorrected', ResidentCorrectedData>;
export type ResidentMovedEvent = DomainEvent<'ResidentMoved', ResidentMovedData>;
export type ResidentVaccinationStatusUpdatedEvent = DomainEvent<'ResidentVaccinationStatusUpdated', ResidentVaccinationStatusUpdatedData>;
export type ResidentTriagedEvent = DomainEvent<'ResidentTriaged', ResidentTriagedData>;
export type ResidentTierOverriddenEvent = DomainEvent<'ResidentTierOverridden', ResidentTierOverriddenData>;

export type InfectionReportedEvent = DomainEvent<'InfectionReported', InfectionReportedData>;
export type SymptomsRecordedEvent = DomainEvent<'SymptomsRecorded', SymptomsRecordedData>;
export type Spo2RecordedEvent = DomainEvent<'Spo2Recorded', Spo2RecordedData>;
export type AntiviralEligibilityAssessedEvent = DomainEvent<'AntiviralEligibilityAssessed', AntiviralEligibilityAssessedData>;
export type AntiviralGivenEvent = DomainEvent<'AntiviralGiven', AntiviralGivenData>;
export type OxygenFilledEvent = DomainEvent<'OxygenFilled', OxygenFilledData>;
export type HomeTreatmentEndedEvent = DomainEvent<'HomeTreatmentEnded', HomeTreatmentEndedData>;
export type FollowUpScheduledEvent = DomainEvent<'FollowUpScheduled', FollowUpScheduledData>;
export type FollowUpCompletedEvent = DomainEvent<'FollowUpCompleted', FollowUpCompletedData>;
export type FollowUpFrequencyRaisedEvent = DomainEvent<'FollowUpFrequencyRaised', FollowUpFrequencyRaisedData>;
export type FollowUpEscalatedEvent = DomainEvent<'FollowUpEscalated', FollowUpEscalatedData>;
export type FollowUpsEndedEvent = DomainEvent<'FollowUpsEnded', FollowUpsEndedData>;
export type ReferralAssistanceRequestedEvent = DomainEvent<'ReferralAssistanceRequested', ReferralAssistanceRequestedData>;

/** An infection episode's events, in the resident's stream. */
export type EpisodeEvent =
  | InfectionReportedEvent
  | SymptomsRecordedEvent
  | Spo2RecordedEvent
  | AntiviralEligibilityAssessedEvent
  | AntiviralGivenEvent
  | OxygenFilledEvent
  | HomeTreatmentEndedEvent;

/** The follow-up schedule's events, in the resident's stream. */
export type FollowUpEvent =
  | FollowUpScheduledEvent
  | FollowUpCompletedEvent
  | FollowUpFrequencyRaisedEvent
  | FollowUpEscalatedEvent
  | FollowUpsEndedEvent
  | ReferralAssistanceRequestedEvent;

/** The events of a resident's stream (residentStream(residentId)). */
export type ResidentEvent =
  | EpisodeEvent
  | FollowUpEvent
  | ResidentRegisteredEvent
  | ResidentCorrectedEvent
  | ResidentMovedEvent
  | ResidentVaccinationStatusUpdatedEvent
  | ResidentTriagedEvent
  | ResidentTierOverriddenEvent;

/** Builds a resident event through its contract, so data that breaks it fails in decide. */
export const residentEvent = contractEvent;
