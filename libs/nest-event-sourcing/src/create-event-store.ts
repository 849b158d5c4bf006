import { EventStore, EventValidator, KurrentDbEventStore, PostgresEventStore, ValidatingEventStore } from '@gridcare/event-store';

export interface EventStoreConfig {
  /** EventStoreDB/KurrentDB connection string; when set, the log lives there. */
  eventStoreConnectionString?: string;
  /** PostgreSQL URL of the event store (the default adapter). */
  databaseUrl?: string;
}

/**
 * Picks the adapter: EventStoreDB when its connection string is configured (production),
 * PostgreSQL otherwise (embedded or real). Either way, behind contract validation.
 */
export function createEventStore(config: EventStoreConfig, validator?: EventValidator): EventStore {
  let store: EventStore;
  if (config.eventStoreConnectionString) {
    store = new KurrentDbEventStore({ connectionString: config.eventStoreConnectionString });
  } else if (config.databaseUrl) {
    store = new PostgresEventStore({ connectionString: config.databaseUrl });
  } else {
    throw new Error('no event store configured: set DATABASE_URL (PostgreSQL) or EVENTSTORE_CONNECTION_STRING (EventStoreDB)');
  }
  return validator ? new ValidatingEventStore(store, validator) : store;
}

export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EventStoreConfig {
  return { eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined, databaseUrl: env.EVENT_STORE_DATABASE_URL || env.DATABASE_URL };
}
