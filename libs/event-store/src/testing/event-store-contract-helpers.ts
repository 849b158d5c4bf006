import { randomUUID } from 'node:crypto';
import { EventToAppend, RecordedEvent } from '../port/event-envelope';
import { EventBatch, EventStore, ReadAllOptions, ReadAllResult } from '../port/event-store';

export function anEvent(type = 'TestHappened', data: Record<string, unknown> = {}, id?: string): EventToAppend {
  return {
    id,
    type,
    schemaVersion: 1,
    data,
    metadata: { correlationId: randomUUID(), causationId: null, actor: { id: 'worker-1', role: 'community_worker' } },
  };
}

/**
 * Reads the global log until it holds `count` events. An event store may hand out a just
 * committed event a moment later (PostgreSQL holds it back while an older transaction is
 * in flight, anywhere on the server), so tests that read right after appending wait.
 */
export async function readAllEventually(store: EventStore, options: ReadAllOptions, count: number, timeoutMs = 10_000): Promise<ReadAllResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await store.readAll(options);
    if (page.events.length >= count || Date.now() > deadline) return page;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Collects subscription batches until `until` holds, then stops the subscription. */
export async function collectUntil(
  iterable: AsyncIterable<EventBatch>,
  controller: AbortController,
  until: (events: RecordedEvent[], batch: EventBatch) => boolean,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const batch of iterable) {
    events.push(...batch.events);
    if (until(events, batch)) {
      controller.abort();
      break;
    }
  }
  return events;
}

