import { EventContractRegistry } from '@gridcare/event-contracts';
import { DoseAdministered } from './events';

/** Every event the vaccination service writes, for its ValidatingEventStore and for readers in other services. */
export function vaccinationContracts(): EventContractRegistry {
  return new EventContractRegistry().register(DoseAdministered);
}
