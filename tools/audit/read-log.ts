import { EventFilter, EventStore, formatPosition, GlobalPosition, KurrentDbEventStore, PostgresEventStore, RecordedEvent, START } from '@gridcare/event-store';
import { AuditedEvent } from '@gridcare/audit-domain';

/** The log the audit reads: EventStoreDB when its connection string is set, PostgreSQL ($DATABASE_URL) otherwise. */
export function openEventStore(env: NodeJS.ProcessEnv = process.env): EventStore {
  if (env.EVENTSTORE_CONNECTION_STRING) return new KurrentDbEventStore({ connectionString: env.EVENTSTORE_CONNECTION_STRING });
  const url = env.EVENT_STORE_DATABASE_URL || env.DATABASE_URL;
  if (!url) throw new Error('no event store configured: set DATABASE_URL (PostgreSQL) or EVENTSTORE_CONNECTION_STRING (EventStoreDB)');
  return new PostgresEventStore({ connectionString: url });
}

export const audited = (event: RecordedEvent): AuditedEvent => ({
  id: event.id,
  streamId: event.streamId,
  position: formatPosition(event.position),
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  metadata: event.metadata,
});

/** The whole log (of the given event types), page by page, in log order: the store's readAll, as projections read it. */
export async function* readLog(store: EventStore, filter: EventFilter, pageSize = 5000): AsyncGenerator<AuditedEvent[]> {
  let after: GlobalPosition = START;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize, filter });
    if (page.events.length) yield page.events.map(audited);
    after = page.checkpoint;
    if (page.endOfLog) return;
  }
}
