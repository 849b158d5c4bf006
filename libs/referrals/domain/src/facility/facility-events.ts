import { DomainEvent } from '@gridcare/decider';
import { BedHeldData, BedReleasedData, FacilityCapacityChangedData, FacilityRegisteredData } from '@gridcare/referrals-contracts';

export type FacilityRegisteredEvent = DomainEvent<'FacilityRegistered', FacilityRegisteredData>;
export type FacilityCapacityChangedEvent = DomainEvent<'FacilityCapacityChanged', FacilityCapacityChangedData>;
export type BedHeldEvent = DomainEvent<'BedHeld', BedHeldData>;
export type BedReleasedEvent = DomainEvent<'BedReleased', BedReleasedData>;

/** The events of a facility's stream (facilityStream(facilityId)). */
export type FacilityEvent = FacilityRegisteredEvent | FacilityCapacityChangedEvent | BedHeldEvent | BedReleasedEvent;
