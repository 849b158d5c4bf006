import { DomainEvent } from '@gridcare/decider';
import {
  ContactServiceCardIssuedData,
  FingerOximeterHandedOutData,
  FingerOximeterReturnedData,
  HealthKitsHandedOutData,
} from '@gridcare/residents-contracts';

export type ContactServiceCardIssuedEvent = DomainEvent<'ContactServiceCardIssued', ContactServiceCardIssuedData>;
export type HealthKitsHandedOutEvent = DomainEvent<'HealthKitsHandedOut', HealthKitsHandedOutData>;
export type FingerOximeterHandedOutEvent = DomainEvent<'FingerOximeterHandedOut', FingerOximeterHandedOutData>;
export type FingerOximeterReturnedEvent = DomainEvent<'FingerOximeterReturned', FingerOximeterReturnedData>;

/** The events of a resident's supplies stream (residentSuppliesStream(residentId)). */
export type ResidentSuppliesEvent = ContactServiceCardIssuedEvent | HealthKitsHandedOutEvent | FingerOximeterHandedOutEvent | FingerOximeterReturnedEvent;
