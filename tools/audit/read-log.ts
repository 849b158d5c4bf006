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

/** How many events the caller is given at a time: between two, the next page's rows come in. */
const SLICE = 1000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The whole log (of the given event types), in log order, a page of the store's readAll at a
 * time (as projections read it), given to the caller in slices. The next page is read while the
 * caller works on this one, and between two slices the event loop takes in its rows as they
 * come: the database and the caller then work at the same time instead of taking turns (the
 * database would otherwise stop once the connection's buffers are full, and wait for the caller).
 */
export async function* readLog(store: EventStore, filter: EventFilter, pageSize = 5000): AsyncGenerator<AuditedEvent[]> {
  const read = (after: GlobalPosition) => {
    const page = store.readAll({ after, maxCount: pageSize, filter });
    // Awaited below; a caller that stops early leaves it unawaited, and its failure is then no one's.
    page.catch(() => undefined);
    return page;
  };
  let next = read(START);
  for (;;) {
    const page = await next;
    if (!page.endOfLog) next = read(page.checkpoint);
    for (let start = 0; start < page.events.length; start += SLICE) {
      if (start > 0) await nextTurn();
      yield page.events.slice(start, start + SLICE).map(audited);
    }
    if (page.endOfLog) return;
  }
}
