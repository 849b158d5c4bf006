import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventContractRegistry } from '@gridcare/event-contracts';
import { EventStore } from '@gridcare/event-store';
import { AggregateStore } from './aggregate-store';
import { Clock, CLOCK, clockFromEnvironment } from './clock';
import { createEventStore, EventStoreConfig, eventStoreConfigFromEnv } from './create-event-store';
import { ProjectionHost } from './projection-host';
import { EVENT_CONTRACTS, EVENT_STORE } from './tokens';

export interface EventSourcingModuleOptions {
  /** The contracts of every event this service writes or reads. */
  contracts: EventContractRegistry;
  /** Defaults to the environment (DATABASE_URL / EVENTSTORE_CONNECTION_STRING). */
  eventStore?: EventStoreConfig;
  /** Defaults to the system clock; tests pass a ManualClock. */
  clock?: Clock;
}

class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Gives a service its event store (validated by its contracts), the command side
 * (`AggregateStore`) and the projection host.
 */
@Global()
@Module({})
export class EventSourcingModule {
  static forRoot(options: EventSourcingModuleOptions): DynamicModule {
    return {
      module: EventSourcingModule,
      providers: [
        { provide: EVENT_CONTRACTS, useValue: options.contracts },
        {
          provide: EVENT_STORE,
          useFactory: () => createEventStore(options.eventStore ?? eventStoreConfigFromEnv(), options.contracts),
        },
        { provide: CLOCK, useValue: options.clock ?? clockFromEnvironment() },
        AggregateStore,
        ProjectionHost,
        EventStoreCloser,
      ],
      exports: [EVENT_STORE, EVENT_CONTRACTS, CLOCK, AggregateStore, ProjectionHost],
    };
  }
}
