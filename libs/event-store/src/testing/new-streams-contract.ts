import { randomUUID } from 'node:crypto';
import { EventToAppend } from '../port/event-envelope';
import { InvalidAppend, WrongExpectedVersion } from '../port/errors';
import { EventStore } from '../port/event-store';
import { comparePositions } from '../port/global-position';
import { NewStreamOutcome } from '../port/new-streams';
import { anEvent, readAllEventually } from './event-store-contract-helpers';

/** The part of the contract about `appendToNewStreams`, run inside `eventStoreContract`. */
export function newStreamsContract(current: () => { store: EventStore; stream: (name: string) => string; prefix: string }): void {
  const registration = (name: string): EventToAppend[] => [anEvent('Registered', { name }, randomUUID()), anEvent('Triaged', { name }, randomUUID())];
  const statuses = (outcomes: NewStreamOutcome[]) => outcomes.map((outcome) => [outcome.streamId, outcome.status]);

  describe('creating many streams at once', () => {
    it('creates every stream whole, answers in the order given, and the log holds them', async () => {
      const { store, stream, prefix } = current();
      const names = ['a', 'b', 'c'];
      const outcomes = await store.appendToNewStreams(names.map((name) => ({ streamId: stream(name), events: registration(name) })));
      expect(statuses(outcomes)).toEqual(names.map((name) => [stream(name), 'appended']));
      for (const [index, name] of names.entries()) {
        const events = await store.readStream(stream(name));
        expect(events.map((event) => [event.revision, event.type, event.data])).toEqual([
          [0, 'Registered', { name }],
          [1, 'Triaged', { name }],
        ]);
        const outcome = outcomes[index];
        if (outcome.status !== 'appended') throw new Error('not appended');
        expect(outcome.result.nextExpectedRevision).toBe(1);
        expect(comparePositions(outcome.result.position, events[1].position)).toBe(0);
      }
      const log = await readAllEventually(store, { filter: { streamPrefixes: [prefix] } }, 6);
      // Each stream's own events keep their order in the global log.
      for (const name of names) {
        expect(log.events.filter((event) => event.streamId === stream(name)).map((event) => event.revision)).toEqual([0, 1]);
      }
    });

    it('refuses an existing stream, naming its revision, without holding the others back', async () => {
      const { store, stream } = current();
      await store.appendToStream(stream('taken'), [anEvent('Registered', { name: 'first' })], { expectedRevision: 'no_stream' });
      const outcomes = await store.appendToNewStreams([
        { streamId: stream('new-1'), events: registration('new-1') },
        { streamId: stream('taken'), events: registration('second') },
        { streamId: stream('new-2'), events: registration('new-2') },
      ]);
      expect(statuses(outcomes)).toEqual([
        [stream('new-1'), 'appended'],
        [stream('taken'), 'refused'],
        [stream('new-2'), 'appended'],
      ]);
      const refused = outcomes[1];
      expect(refused.status === 'refused' && refused.error).toBeInstanceOf(WrongExpectedVersion);
      expect(refused.status === 'refused' && refused.error).toMatchObject({ streamId: stream('taken'), expected: 'no_stream', actual: 0 });
      expect((await store.readStream(stream('taken'))).map((event) => event.data)).toEqual([{ name: 'first' }]);
    });

    it('treats a retry of the same events as appended, writing nothing twice', async () => {
      const { store, stream } = current();
      const streams = ['r1', 'r2'].map((name) => ({ streamId: stream(name), events: registration(name) }));
      const first = await store.appendToNewStreams(streams);
      const again = await store.appendToNewStreams(streams);
      expect(statuses(again)).toEqual(statuses(first));
      for (const [index, outcome] of again.entries()) {
        const original = first[index];
        if (outcome.status !== 'appended' || original.status !== 'appended') throw new Error('not appended');
        expect(comparePositions(outcome.result.position, original.result.position)).toBe(0);
      }
      expect(await store.readStream(stream('r1'))).toHaveLength(2);
    });

    it('refuses invalid input before writing anything', async () => {
      const { store, stream } = current();
      const noActor = { ...anEvent(), metadata: { correlationId: 'c', causationId: null } } as unknown as EventToAppend;
      await expect(
        store.appendToNewStreams([
          { streamId: stream('good'), events: registration('good') },
          { streamId: stream('bad'), events: [noActor] },
        ]),
      ).rejects.toBeInstanceOf(InvalidAppend);
      await expect(
        store.appendToNewStreams([
          { streamId: stream('twice'), events: registration('one') },
          { streamId: stream('twice'), events: registration('two') },
        ]),
      ).rejects.toBeInstanceOf(InvalidAppend);
      expect(await store.readStream(stream('good'))).toEqual([]);
      expect(await store.readStream(stream('twice'))).toEqual([]);
      expect(await store.appendToNewStreams([])).toEqual([]);
    });

    it('creates each stream exactly once, whole, when single appends race for the same streams', async () => {
      // The racing writers write shorter streams than the bulk one: a bulk insert that lost only
      // part of a stream to them must not leave it half written.
      const { store, stream } = current();
      const names = Array.from({ length: 40 }, (_, index) => `race-${index}`);
      const [bulk, ...singles] = await Promise.all([
        store.appendToNewStreams(names.map((name) => ({ streamId: stream(name), events: registration(`bulk ${name}`) }))),
        ...names.map((name) =>
          store.appendToStream(stream(name), [anEvent('Registered', { name: `single ${name}` })], { expectedRevision: 'no_stream' }).then(
            () => 'appended',
            (error) => (error instanceof WrongExpectedVersion ? 'refused' : Promise.reject(error)),
          ),
        ),
      ]);
      for (const [index, name] of names.entries()) {
        const events = await store.readStream(stream(name));
        const writers = new Set(events.map((event) => (event.data as { name: string }).name));
        expect(writers.size).toBe(1);
        const winner = [...writers][0];
        expect(events.map((event) => event.revision)).toEqual(winner.startsWith('bulk') ? [0, 1] : [0]);
        expect([bulk[index].status, singles[index]]).toEqual(winner.startsWith('bulk') ? ['appended', 'refused'] : ['refused', 'appended']);
      }
    });
  });
}
