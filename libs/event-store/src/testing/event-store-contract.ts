import { randomUUID } from 'node:crypto';
import { EventToAppend, RecordedEvent } from '../port/event-envelope';
import { EventIdConflict, InvalidAppend, WrongExpectedVersion } from '../port/errors';
import { EventStore } from '../port/event-store';
import { comparePositions, START } from '../port/global-position';
import { chainHash, contentHash, GENESIS_HASH } from '../integrity/event-hash';
import { verifyStreamChain } from '../integrity/verify-chains';
import { anEvent, collectUntil, readAllEventually } from './event-store-contract-helpers';
import { newStreamsContract } from './new-streams-contract';

export interface ContractSubject {
  store: EventStore;
  /** Unique per test, so tests never see each other's streams. */
  streamPrefix: string;
}

/**
 * The behaviour every event store adapter must show. Each adapter's spec calls this with
 * a factory for a fresh subject.
 */
export function eventStoreContract(open: () => Promise<ContractSubject>): void {
  let subject: ContractSubject;
  let store: EventStore;
  let stream: (name: string) => string;

  beforeEach(async () => {
    subject = await open();
    store = subject.store;
    stream = (name) => `${subject.streamPrefix}${name}`;
  });

  newStreamsContract(() => ({ store, stream, prefix: subject.streamPrefix }));

  describe('appending with an expected revision', () => {
    it('creates a stream with no_stream and reads it back as written', async () => {
      const id = randomUUID();
      const result = await store.appendToStream(stream('resident-1'), [anEvent('ResidentRegistered', { name: 'Li' }, id), anEvent('ResidentTriaged', { tier: 'red' })], {
        expectedRevision: 'no_stream',
      });
      expect(result.nextExpectedRevision).toBe(1);
      const events = await store.readStream(stream('resident-1'));
      expect(events.map((e) => [e.revision, e.type, e.data])).toEqual([
        [0, 'ResidentRegistered', { name: 'Li' }],
        [1, 'ResidentTriaged', { tier: 'red' }],
      ]);
      expect(events[0].id).toBe(id);
      expect(events[0].streamId).toBe(stream('resident-1'));
      expect(events[0].schemaVersion).toBe(1);
      expect(events[0].metadata.actor).toEqual({ id: 'worker-1', role: 'community_worker' });
      expect(events[0].recordedAt).toBeInstanceOf(Date);
      expect(comparePositions(events[1].position, events[0].position)).toBeGreaterThan(0);
      expect(comparePositions(result.position, events[1].position)).toBe(0);
    });

    it('refuses no_stream on an existing stream, naming the actual revision, and writes nothing', async () => {
      await store.appendToStream(stream('a'), [anEvent()], { expectedRevision: 'no_stream' });
      const error = await store.appendToStream(stream('a'), [anEvent()], { expectedRevision: 'no_stream' }).catch((e) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersion);
      expect(error).toMatchObject({ streamId: stream('a'), expected: 'no_stream', actual: 0 });
      expect(await store.readStream(stream('a'))).toHaveLength(1);
    });

    it('appends at the exact revision and refuses a stale one', async () => {
      const first = await store.appendToStream(stream('b'), [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
      const second = await store.appendToStream(stream('b'), [anEvent()], { expectedRevision: first.nextExpectedRevision });
      expect(second.nextExpectedRevision).toBe(2);
      const error = await store.appendToStream(stream('b'), [anEvent(), anEvent()], { expectedRevision: 1 }).catch((e) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersion);
      expect(error).toMatchObject({ expected: 1, actual: 2 });
      expect(error.message).toContain('revision 2');
      expect(await store.readStream(stream('b'))).toHaveLength(3);
    });

    it('refuses an exact revision ahead of the stream', async () => {
      await store.appendToStream(stream('c'), [anEvent()], { expectedRevision: 'no_stream' });
      await expect(store.appendToStream(stream('c'), [anEvent()], { expectedRevision: 5 })).rejects.toMatchObject({ expected: 5, actual: 0 });
      await expect(store.appendToStream(stream('missing'), [anEvent()], { expectedRevision: 0 })).rejects.toMatchObject({ actual: null });
    });

    it('stream_exists needs the stream; any appends wherever it is', async () => {
      await expect(store.appendToStream(stream('d'), [anEvent()], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(WrongExpectedVersion);
      expect(await store.readStream(stream('d'))).toEqual([]);
      await store.appendToStream(stream('d'), [anEvent()], { expectedRevision: 'any' });
      const result = await store.appendToStream(stream('d'), [anEvent()], { expectedRevision: 'stream_exists' });
      expect(result.nextExpectedRevision).toBe(1);
      expect((await store.appendToStream(stream('d'), [anEvent()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(2);
    });

    it('lets exactly one of several racing writers win; the others learn the actual revision', async () => {
      await store.appendToStream(stream('race'), [anEvent()], { expectedRevision: 'no_stream' });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.appendToStream(stream('race'), [anEvent('Raced', { writer: i })], { expectedRevision: 0 })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(7);
      for (const loss of lost) expect(loss.reason).toMatchObject({ name: 'WrongExpectedVersion', expected: 0, actual: 1 });
      expect(await store.readStream(stream('race'))).toHaveLength(2);
    });

    it('never loses an append under racing writers that expect any', async () => {
      await Promise.all(Array.from({ length: 10 }, (_, i) => store.appendToStream(stream('any'), [anEvent('Added', { i })], { expectedRevision: 'any' })));
      const events = await store.readStream(stream('any'));
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(new Set(events.map((e) => (e.data as { i: number }).i)).size).toBe(10);
      // Every racing writer chained from the event it really landed after.
      expect(verifyStreamChain(events).break).toBeUndefined();
    });
  });

  describe('the hash chain', () => {
    const HEX64 = /^[0-9a-f]{64}$/;

    it('gives every recorded event a hash; the first chains from genesis, each next one from the one before', async () => {
      const id = stream('chain');
      await store.appendToStream(id, [anEvent('A', { n: 1, nested: { b: 2, a: [1, 'x', null] } }), anEvent('B', { n: 2 })], { expectedRevision: 'no_stream' });
      await store.appendToStream(id, [anEvent('C', { n: 3 }), anEvent('D', { n: 4 }), anEvent('E', { n: 5 })], { expectedRevision: 1 });
      await store.appendToStream(id, [anEvent('F', { n: 6 })], { expectedRevision: 'any' });
      await store.appendToStream(id, [anEvent('G', { n: 7 }), anEvent('H', { n: 8 })], { expectedRevision: 'stream_exists' });
      const events = await store.readStream(id);
      expect(events).toHaveLength(8);
      for (const event of events) expect(event.hash).toMatch(HEX64);
      expect(events[0].hash).toBe(chainHash(GENESIS_HASH, contentHash(events[0])));
      for (let i = 1; i < events.length; i++) expect(events[i].hash).toBe(chainHash(events[i - 1].hash as string, contentHash(events[i])));
      expect(verifyStreamChain(events)).toMatchObject({ events: 8, unchained: 0, lastRevision: 7, lastHash: events[7].hash });
      expect(verifyStreamChain(events).break).toBeUndefined();
    });

    it('hashes the content as stored: key order, Dates and undefined do not matter', async () => {
      const when = new Date('2026-03-01T08:00:00Z');
      const data = { z: 1, when, gone: undefined, list: [undefined, 2.5, 1e21, -0], text: 'Ærø ✓ "q" \\ \n' };
      await store.appendToStream(stream('stored'), [anEvent('Odd', data)], { expectedRevision: 'no_stream' });
      await store.appendToStream(stream('stored'), [anEvent('Odd', data)], { expectedRevision: 0 });
      const events = await store.readStream(stream('stored'));
      expect(events[0].data).toEqual({ z: 1, when: when.toISOString(), list: [null, 2.5, 1e21, 0], text: data.text });
      expect(verifyStreamChain(events).break).toBeUndefined();
    });

    it('chains the streams of a bulk creation, and the global log carries the hashes', async () => {
      const outcomes = await store.appendToNewStreams(['p', 'q'].map((name) => ({ streamId: stream(`bulk-${name}`), events: [anEvent('A', { name }), anEvent('B', { name })] })));
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['appended', 'appended']);
      for (const name of ['p', 'q']) {
        const events = await store.readStream(stream(`bulk-${name}`));
        expect(verifyStreamChain(events)).toMatchObject({ events: 2, lastRevision: 1 });
        expect(verifyStreamChain(events).break).toBeUndefined();
      }
      const log = await readAllEventually(store, { filter: { streamPrefixes: [stream('bulk-')] } }, 4);
      for (const event of log.events) expect(event.hash).toMatch(HEX64);
    });

    it('sees an edited event in what it reads back', async () => {
      await store.appendToStream(stream('edited'), [anEvent('A', { n: 1 }), anEvent('B', { n: 2 }), anEvent('C', { n: 3 })], { expectedRevision: 'no_stream' });
      const events = await store.readStream(stream('edited'));
      const edited = events.map((event) => (event.revision === 1 ? { ...event, data: { n: 20 } } : event));
      expect(verifyStreamChain(edited).break).toMatchObject({ revision: 1, reason: 'content-changed' });
      expect(verifyStreamChain([events[0], events[2]]).break).toMatchObject({ revision: 1, reason: 'revision-gap' });
    });
  });

  describe('idempotency by event id', () => {
    it('treats a repeated append of the same events as a no-op', async () => {
      const events = [anEvent('A', {}, randomUUID()), anEvent('B', {}, randomUUID())];
      const first = await store.appendToStream(stream('idem'), events, { expectedRevision: 'no_stream' });
      const again = await store.appendToStream(stream('idem'), events, { expectedRevision: 'no_stream' });
      expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
      expect(comparePositions(again.position, first.position)).toBe(0);
      const viaAny = await store.appendToStream(stream('idem'), events, { expectedRevision: 'any' });
      expect(viaAny.nextExpectedRevision).toBe(1);
      expect(await store.readStream(stream('idem'))).toHaveLength(2);
    });

    it('refuses an append that repeats only some recorded ids', async () => {
      const recorded = randomUUID();
      await store.appendToStream(stream('partial'), [anEvent('A', {}, recorded)], { expectedRevision: 'no_stream' });
      await expect(store.appendToStream(stream('partial'), [anEvent('A', {}, recorded), anEvent('B')], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        EventIdConflict,
      );
      expect(await store.readStream(stream('partial'))).toHaveLength(1);
    });

    it('allows the same event id in another stream', async () => {
      const id = randomUUID();
      await store.appendToStream(stream('x1'), [anEvent('A', {}, id)], { expectedRevision: 'no_stream' });
      await store.appendToStream(stream('x2'), [anEvent('A', {}, id)], { expectedRevision: 'no_stream' });
      expect(await store.readStream(stream('x2'))).toHaveLength(1);
    });
  });

  describe('bad appends', () => {
    it('refuses an empty append, a malformed id and a missing actor, writing nothing', async () => {
      await expect(store.appendToStream(stream('bad'), [], { expectedRevision: 'any' })).rejects.toBeInstanceOf(InvalidAppend);
      await expect(store.appendToStream(stream('bad'), [anEvent('A', {}, 'not-a-uuid')], { expectedRevision: 'any' })).rejects.toBeInstanceOf(InvalidAppend);
      const noActor = { ...anEvent(), metadata: { correlationId: 'c', causationId: null } } as unknown as EventToAppend;
      await expect(store.appendToStream(stream('bad'), [anEvent(), noActor], { expectedRevision: 'any' })).rejects.toBeInstanceOf(InvalidAppend);
      expect(await store.readStream(stream('bad'))).toEqual([]);
    });
  });

  describe('reading a stream', () => {
    it('reads forwards and backwards, from a revision, up to a count', async () => {
      await store.appendToStream(stream('r'), [0, 1, 2, 3, 4].map((n) => anEvent('N', { n })), { expectedRevision: 'no_stream' });
      const values = (events: RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);
      expect(values(await store.readStream(stream('r'), { fromRevision: 2 }))).toEqual([2, 3, 4]);
      expect(values(await store.readStream(stream('r'), { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
      expect(values(await store.readStream(stream('r'), { direction: 'backwards', fromRevision: 3, maxCount: 2 }))).toEqual([3, 2]);
      expect(values(await store.readStream(stream('r'), { fromRevision: 1, maxCount: 2 }))).toEqual([1, 2]);
    });
  });

  describe('the global log', () => {
    it('reads every stream in append order, filtered by type or stream prefix', async () => {
      await store.appendToStream(stream('log-a'), [anEvent('Registered', { n: 1 })], { expectedRevision: 'no_stream' });
      await store.appendToStream(stream('other-b'), [anEvent('Triaged', { n: 2 })], { expectedRevision: 'no_stream' });
      await store.appendToStream(stream('log-a'), [anEvent('Triaged', { n: 3 })], { expectedRevision: 0 });
      const mine = { streamPrefixes: [subject.streamPrefix] };
      const all = await readAllEventually(store, { filter: mine }, 3);
      expect(all.events.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3]);
      const triaged = await store.readAll({ filter: { ...mine, eventTypes: ['Triaged'] } });
      expect(triaged.events.map((e) => (e.data as { n: number }).n)).toEqual([2, 3]);
      const logOnly = await store.readAll({ filter: { streamPrefixes: [stream('log-')] } });
      expect(logOnly.events.map((e) => (e.data as { n: number }).n)).toEqual([1, 3]);
      const afterFirst = await store.readAll({ after: all.events[0].position, filter: mine });
      expect(afterFirst.events.map((e) => (e.data as { n: number }).n)).toEqual([2, 3]);
      const paged = await store.readAll({ maxCount: 2, filter: mine });
      expect(paged.events).toHaveLength(2);
      expect(paged.endOfLog).toBe(false);
      const rest = await store.readAll({ after: paged.checkpoint, maxCount: 2, filter: mine });
      expect(rest.events.map((e) => (e.data as { n: number }).n)).toEqual([3]);
    });
  });

  describe('the head of the log', () => {
    it('is the position of the newest event', async () => {
      const appended = await store.appendToStream(stream('head'), [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
      const head = await store.headPosition();
      expect(head).not.toBeNull();
      expect(comparePositions(head ?? START, appended.position)).toBeGreaterThanOrEqual(0);
    });
  });

  describe('catch-up subscription', () => {
    it('delivers the past, says it caught up, then delivers live appends', async () => {
      await store.appendToStream(stream('sub'), [anEvent('Old', { n: 1 }), anEvent('Old', { n: 2 })], { expectedRevision: 'no_stream' });
      const controller = new AbortController();
      const batches = store.subscribeToAll({ filter: { streamPrefixes: [subject.streamPrefix] }, signal: controller.signal, batchSize: 10 });
      let appended = false;
      const seen = await collectUntil(batches, controller, (events, batch) => {
        if (batch.caughtUp && !appended) {
          appended = true;
          void store.appendToStream(stream('sub'), [anEvent('New', { n: 3 })], { expectedRevision: 1 });
        }
        return events.length >= 3;
      });
      expect(seen.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3]);
    });

    it('resumes after a checkpoint without repeating anything', async () => {
      await store.appendToStream(stream('resume'), [1, 2, 3].map((n) => anEvent('N', { n })), { expectedRevision: 'no_stream' });
      const first = await readAllEventually(store, { maxCount: 2, filter: { streamPrefixes: [subject.streamPrefix] } }, 2);
      const controller = new AbortController();
      const resumed = await collectUntil(
        store.subscribeToAll({ after: first.checkpoint, filter: { streamPrefixes: [subject.streamPrefix] }, signal: controller.signal }),
        controller,
        (events) => events.length >= 1,
      );
      expect(resumed.map((e) => (e.data as { n: number }).n)).toEqual([3]);
    });

    it('delivers only the event types asked for', async () => {
      await store.appendToStream(stream('types'), [anEvent('Wanted', { n: 1 }), anEvent('Unwanted', { n: 2 }), anEvent('Wanted', { n: 3 })], {
        expectedRevision: 'no_stream',
      });
      const controller = new AbortController();
      const seen = await collectUntil(
        store.subscribeToAll({ after: START, filter: { eventTypes: ['Wanted'], streamPrefixes: [subject.streamPrefix] }, signal: controller.signal }),
        controller,
        (events) => events.length >= 2,
      );
      expect(seen.map((e) => (e.data as { n: number }).n)).toEqual([1, 3]);
    });
  });
}
