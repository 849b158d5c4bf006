import { PassThrough } from 'node:stream';
import { EventFilter, EventBatch } from '../port/event-store';
import { GlobalPosition, START } from '../port/global-position';
import { ResolvedEventLike, SCHEMA_VERSION_KEY, toLogEntry } from './kurrentdb-mapping';
import { CatchUpBatcher } from './kurrentdb-subscription';

/** An event at position n*10, as the client's subscription emits it. */
function logEvent(n: number, type = 'N'): ResolvedEventLike {
  return {
    event: {
      streamId: 's-1',
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      revision: BigInt(n),
      type,
      created: new Date(),
      data: { n },
      metadata: { [SCHEMA_VERSION_KEY]: 1 },
      position: { commit: BigInt(n * 10), prepare: BigInt(n * 10) },
    },
  };
}

const at = (n: number): GlobalPosition => ({ commit: BigInt(n * 10), prepare: BigInt(n * 10) });

function setUp(options: { after?: GlobalPosition; batchSize?: number; filter?: EventFilter } = {}) {
  const source = new PassThrough({ objectMode: true });
  const batcher = new CatchUpBatcher({
    after: options.after ?? START,
    batchSize: options.batchSize ?? 10,
    windowMs: 5,
    toEntry: (resolved) => toLogEntry(resolved as ResolvedEventLike, options.filter),
  });
  batcher.attach(source);
  const controller = new AbortController();
  const iterator = batcher.batches(controller.signal);
  const next = async (): Promise<EventBatch> => {
    const { value, done } = await iterator.next();
    if (done) throw new Error('the batches ended');
    return value;
  };
  const summary = (batch: EventBatch) => ({ ns: batch.events.map((e) => (e.data as { n: number }).n), checkpoint: batch.checkpoint, caughtUp: batch.caughtUp });
  return { source, batcher, controller, iterator, next: async () => summary(await next()) };
}

describe('CatchUpBatcher', () => {
  it('says it caught up after the events sent before, even while they sat in the stream buffer', async () => {
    const { source, next } = setUp();
    source.pause();
    source.write(logEvent(1));
    source.write(logEvent(2));
    source.emit('caughtUp', {});
    source.resume();
    expect(await next()).toEqual({ ns: [1, 2], checkpoint: at(2), caughtUp: true });
  });

  it('says it caught up with an empty batch when there is nothing to deliver', async () => {
    const { source, next } = setUp({ after: at(7) });
    source.emit('caughtUp', {});
    expect(await next()).toEqual({ ns: [], checkpoint: at(7), caughtUp: true });
  });

  it('delivers live events after catching up, as caught-up batches', async () => {
    const { source, next } = setUp();
    source.write(logEvent(1));
    source.emit('caughtUp', {});
    expect(await next()).toEqual({ ns: [1], checkpoint: at(1), caughtUp: true });
    source.write(logEvent(2));
    source.write(logEvent(3));
    expect(await next()).toEqual({ ns: [2, 3], checkpoint: at(3), caughtUp: true });
  });

  it('splits a backlog into batches and says caught up only on the one that drains it', async () => {
    const { source, next } = setUp({ batchSize: 2 });
    for (const n of [1, 2, 3, 4, 5]) source.write(logEvent(n));
    source.emit('caughtUp', {});
    expect(await next()).toEqual({ ns: [1, 2], checkpoint: at(2), caughtUp: false });
    expect(await next()).toEqual({ ns: [3, 4], checkpoint: at(4), caughtUp: false });
    expect(await next()).toEqual({ ns: [5], checkpoint: at(5), caughtUp: true });
  });

  it('never delivers the event at `after` or anything before it, nor a repeat', async () => {
    const { source, next } = setUp({ after: at(2) });
    for (const n of [1, 2, 3, 3]) source.write(logEvent(n));
    source.emit('caughtUp', {});
    expect(await next()).toEqual({ ns: [3], checkpoint: at(3), caughtUp: true });
  });

  it('moves the checkpoint past filtered-out events and server checkpoints', async () => {
    const { source, batcher, next } = setUp({ filter: { eventTypes: ['Wanted'] } });
    source.write(logEvent(1, 'Wanted'));
    source.write(logEvent(2, 'Unwanted'));
    source.emit('caughtUp', {});
    expect(await next()).toEqual({ ns: [1], checkpoint: at(2), caughtUp: true });
    batcher.checkpoint({ commit: 95n, prepare: 95n });
    expect(await next()).toEqual({ ns: [], checkpoint: { commit: 95n, prepare: 95n }, caughtUp: true });
  });

  it('applies a server checkpoint only after the events sent before it', async () => {
    const { source, batcher, next } = setUp();
    source.pause();
    source.write(logEvent(1));
    batcher.checkpoint({ commit: 15n, prepare: 15n });
    source.write(logEvent(2));
    source.emit('caughtUp', {});
    source.resume();
    expect(await next()).toEqual({ ns: [1, 2], checkpoint: at(2), caughtUp: true });
  });

  it('is caught up no longer after the server says it fell behind', async () => {
    const { source, next } = setUp();
    source.emit('caughtUp', {});
    expect((await next()).caughtUp).toBe(true);
    source.emit('fellBehind', {});
    source.write(logEvent(1));
    expect(await next()).toEqual({ ns: [1], checkpoint: at(1), caughtUp: false });
    source.emit('caughtUp', {});
    expect(await next()).toEqual({ ns: [], checkpoint: at(1), caughtUp: true });
  });

  it('ends when aborted', async () => {
    const { controller, iterator } = setUp();
    const pending = iterator.next();
    controller.abort();
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it('raises the subscription error, and an unexpected end', async () => {
    const failing = setUp();
    failing.source.emit('error', new Error('connection lost'));
    await expect(failing.next()).rejects.toThrow('connection lost');
    const ending = setUp();
    ending.source.end();
    await expect(ending.next()).rejects.toThrow('ended without being stopped');
  });
});
