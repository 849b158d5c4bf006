import { DomainEvent } from './decider';
import { EventContract, EventData, EventDataInput } from '@gridcare/event-contracts';

/**
 * Builds an event through its contract, so data that breaks the contract fails in decide,
 * where the command is known, rather than at append.
 */
export function contractEvent<C extends EventContract>(contract: C, data: EventDataInput<C>): DomainEvent<C['type'], EventData<C>> {
  const event = contract.create(data);
  return { type: event.type, data: event.data as EventData<C> };
}
