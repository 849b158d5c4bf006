import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@gridcare/postgres';
import { chainHash, contentHash, GENESIS_HASH } from '../integrity/event-hash';
import { RecordedEvent } from '../port/event-envelope';
import { comparePositions } from '../port/global-position';
import { anEvent, readAllEventually } from '../testing';
import { PostgresEventStore } from './postgres-event-store';

/**
 * The global log must be safe to tail: a subscriber that has read up to position P never
 * later misses an event that commits with a position below P, although concurrent
 * transactions commit in any order.
 */
describe('PostgreSQL global log under concurrent appenders', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: database.url, poolConfig: { max: 24 } });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('delivers every event exactly once, in log order, to a live subscriber while 16 writers append', async () => {
    const writers = 16;
    const perWriter = 150;
    const total = writers * perWriter;
    const controller = new AbortController();
    const seen: RecordedEvent[] = [];
    let expectedCount = Infinity;
    let caughtUpWithAll!: () => void;
    const done = new Promise<void>((resolve) => (caughtUpWithAll = resolve));

    const subscriber = (async () => {
      for await (const batch of store.subscribeToAll({ signal: controller.signal, batchSize: 97 })) {
        seen.push(...batch.events);
        if (seen.length >= expectedCount) caughtUpWithAll();
      }
    })();

    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let i = 0; i < perWriter; i++) {
          // Mix single appends and small batches, over few streams so revisions race too.
          const streamId = `tail-${writer % 4}-${i % 10}`;
          const events = i % 5 === 0 ? [anEvent('Tailed', { writer, i, part: 0 }), anEvent('TailedExtra', { writer, i })] : [anEvent('Tailed', { writer, i })];
          await store.appendToStream(streamId, events, { expectedRevision: 'any' });
        }
      }),
    );
    // Everything appended is in the log (a moment later, if other test files on this server
    // hold older transactions open).
    const expected = (await readAllEventually(store, { maxCount: 100000 }, total + writers * (perWriter / 5))).events;
    expect(expected.length).toBe(total + writers * (perWriter / 5));
    expectedCount = expected.length;
    if (seen.length >= expectedCount) caughtUpWithAll();
    // A subscriber that missed an event never gets there, and jest's timeout fails the test.
    await done;
    controller.abort();
    await subscriber;

    expect(seen.length).toBe(expected.length);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    expect(seen.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    for (let i = 1; i < seen.length; i++) expect(comparePositions(seen[i].position, seen[i - 1].position)).toBe(1);
  });

  it('holds back events that commit behind an open transaction until it commits, then delivers both in log order', async () => {
    const slow = new Client({ connectionString: database.url });
    await slow.connect();
    const controller = new AbortController();
    const streamPrefix = `held-${randomUUID().slice(0, 8)}-`;
    const seen: RecordedEvent[] = [];
    let caughtUpTimes = 0;
    try {
      // The slow writer takes its transaction id first, then its sequence number last.
      await slow.query('BEGIN');
      await slow.query('SELECT pg_current_xact_id()');
      await store.appendToStream(`${streamPrefix}fast`, [anEvent('Fast')], { expectedRevision: 'no_stream' });

      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [streamPrefix] }, signal: controller.signal });
      const iterator = subscription[Symbol.asyncIterator]();
      const first = await iterator.next();
      caughtUpTimes += first.value.caughtUp ? 1 : 0;
      // The fast event committed, but it is not safe to hand out yet.
      expect(first.value.events).toEqual([]);

      const slowEvent = { streamId: `${streamPrefix}slow`, id: randomUUID(), type: 'Slow', schemaVersion: 1, data: {}, metadata: { correlationId: 'c', causationId: null, actor: { id: 'a', role: 'r' } } };
      await slow.query(
        `INSERT INTO event_store.events (stream_id, stream_revision, event_id, event_type, schema_version, data, metadata, hash)
         VALUES ($1, 0, $2, 'Slow', 1, $3, $4, $5)`,
        [slowEvent.streamId, slowEvent.id, JSON.stringify(slowEvent.data), JSON.stringify(slowEvent.metadata), chainHash(GENESIS_HASH, contentHash(slowEvent))],
      );
      await slow.query('COMMIT');

      while (seen.length < 2) {
        const next = await iterator.next();
        seen.push(...next.value.events);
      }
      controller.abort();
      await iterator.return?.(undefined);
    } finally {
      await slow.end();
    }
    expect(caughtUpTimes).toBe(1);
    // The slow event has the larger sequence number but the older transaction: it comes first.
    expect(seen.map((e) => e.type)).toEqual(['Slow', 'Fast']);
    expect(seen[0].position.prepare > seen[1].position.prepare).toBe(true);
  });
});
