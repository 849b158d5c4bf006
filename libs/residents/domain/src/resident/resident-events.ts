import { DomainEvent } from '@gridcare/decider';
import { EventContract, EventData, EventDataInput } from '@gridcare/event-contracts';
import {
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

/** The events of a resident's stream (residentStream(residentId)). */
export type ResidentEvent =
  | ResidentRegisteredEvent
  | ResidentCorrectedEvent
  | ResidentMovedEvent
  | ResidentVaccinationStatusUpdatedEvent
  | ResidentTriagedEvent
  | ResidentTierOverriddenEvent;

/**
 * Builds an event through its contract, so data that breaks the contract fails in decide,
 * where the command is known, rather than at append.
 */
export function residentEvent<C extends EventContract>(contract: C, data: EventDataInput<C>): DomainEvent<C['type'], EventData<C>> {
  const event = contract.create(data);
  return { type: event.type, data: event.data as EventData<C> };
}
