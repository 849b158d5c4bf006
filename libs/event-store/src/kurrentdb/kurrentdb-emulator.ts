import {
  AppendResult,
  AppendStreamState,
  END,
  Filter,
  JSONEventData,
  KurrentDBClient,
  Position,
  ReadPosition,
  ReadRevision,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';

/**
 * A test double for the parts of KurrentDBClient the adapter uses, emulating the server
 * behaviour it relies on, as read in the KurrentDB server source: positions (p, p) per
 * event; $all reads inclusive of `fromPosition`, subscriptions exclusive; idempotency
 * (exact revisions: compare ids at expected+1..; any/stream_exists: by the first id, whole
 * batch or "corrupted" → wrong expected version); filtered subscriptions send a checkpoint
 * and then `caughtUp` when they go live. It also writes a `$>` link per append, like the
 * $by_category projection. It proves the adapter's logic, not the server's behaviour.
 */
interface Stored {
  streamId: string;
  id: string;
  type: string;
  revision: number;
  position: bigint;
  data: string;
  metadata: string;
  created: Date;
}

type Live = (event: Stored) => void;

export class KurrentDbEmulator {
  private readonly log: Stored[] = [];
  private readonly live = new Set<Live>();
  private nextPosition = 1000n;

  constructor() {
    this.write('$stats-127.0.0.1:2113', [{ id: randomUUID(), type: '$statsCollected', data: {}, metadata: {} }]);
  }

  asClient(): KurrentDBClient {
    return this as unknown as KurrentDBClient;
  }

  async appendToStream(streamName: string, events: JSONEventData[], { streamState }: { streamState: AppendStreamState }): Promise<AppendResult> {
    await new Promise((resolve) => setImmediate(resolve));
    const stream = this.stream(streamName);
    const current = stream.length - 1;
    const wrong = () => new WrongExpectedVersionError(undefined, { streamName, expected: streamState, current: current < 0 ? 'no_stream' : BigInt(current) });
    const idempotent = (last: Stored): AppendResult => ({ success: true, nextExpectedRevision: BigInt(last.revision), position: { commit: last.position, prepare: last.position } });
    if (streamState === 'stream_exists' && current < 0) throw wrong();
    if (streamState === 'any' || streamState === 'stream_exists') {
      const first = stream.findIndex((event) => event.id === events[0].id);
      if (first >= 0) {
        const matches = events.every((event, i) => stream[first + i]?.id === event.id);
        if (!matches) throw wrong();
        return idempotent(stream[first + events.length - 1]);
      }
    } else {
      const expected = streamState === 'no_stream' ? -1 : Number(streamState);
      if (expected > current) throw wrong();
      if (expected < current) {
        const matches = events.every((event, i) => stream[expected + 1 + i]?.id === event.id);
        if (!matches) throw wrong();
        return idempotent(stream[expected + events.length]);
      }
    }
    const last = this.write(streamName, events);
    this.write(`$ce-${streamName.split('-')[0]}`, [{ id: randomUUID(), type: '$>', data: `${last.revision}@${streamName}`, metadata: {} }]);
    return { success: true, nextExpectedRevision: BigInt(last.revision), position: { commit: last.position, prepare: last.position } };
  }

  async *readStream(streamName: string, options: { direction?: string; fromRevision?: ReadRevision; maxCount?: number | bigint } = {}) {
    const stream = this.stream(streamName);
    if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision === undefined || options.fromRevision === START || options.fromRevision === END ? undefined : Number(options.fromRevision);
    const selected = backwards ? [...stream].reverse().filter((e) => from === undefined || e.revision <= from) : stream.filter((e) => from === undefined || e.revision >= from);
    yield* selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)).map(resolved);
  }

  async *readAll(options: { direction?: string; fromPosition?: ReadPosition; maxCount?: number | bigint; filter?: Filter } = {}) {
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    if (options.direction === 'backwards') {
      yield* [...this.log].reverse().filter((e) => passes(e, options.filter)).slice(0, max).map(resolved);
      return;
    }
    const from = positionOf(options.fromPosition);
    yield* this.log.filter((e) => e.position >= from && passes(e, options.filter)).slice(0, max).map(resolved);
  }

  subscribeToAll({ fromPosition, filter }: { fromPosition?: ReadPosition; filter?: Filter }) {
    const source = Object.assign(new PassThrough({ objectMode: true }), {
      unsubscribe: async () => {
        this.live.delete(onAppend);
        source.destroy();
      },
    });
    const checkpoint = (position: bigint) => void filter?.checkpointReached?.(source as never, { commit: position, prepare: position });
    const onAppend: Live = (event) => {
      if (passes(event, filter)) source.write(resolved(event));
    };
    setImmediate(() => {
      const from = positionOf(fromPosition);
      const past = this.log.filter((e) => e.position > from || (fromPosition === START && e.position >= from));
      past.forEach((event, i) => {
        if (passes(event, filter)) source.write(resolved(event));
        if (i % 3 === 2) checkpoint(event.position);
      });
      if (past.length > 0) checkpoint(past[past.length - 1].position);
      source.emit('caughtUp', {});
      this.live.add(onAppend);
    });
    return source;
  }

  async dispose(): Promise<void> {
    this.live.clear();
  }

  private stream(name: string): Stored[] {
    return this.log.filter((event) => event.streamId === name);
  }

  private write(streamId: string, events: Pick<JSONEventData, 'id' | 'type' | 'data' | 'metadata'>[]): Stored {
    let revision = this.stream(streamId).length;
    let last: Stored | undefined;
    for (const event of events) {
      last = {
        streamId,
        id: event.id,
        type: event.type,
        revision: revision++,
        position: (this.nextPosition += 100n),
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
        created: new Date(),
      };
      this.log.push(last);
      for (const notify of this.live) notify(last);
    }
    return last as Stored;
  }
}

function positionOf(position: ReadPosition | undefined): bigint {
  if (position === undefined || position === START) return 0n;
  if (position === END) return 2n ** 63n;
  return (position as Position).commit;
}

function passes(event: Stored, filter: Filter | undefined): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? event.streamId : event.type;
  return 'prefixes' in filter ? filter.prefixes.some((prefix) => subject.startsWith(prefix)) : new RegExp(filter.regex).test(subject);
}

function resolved(event: Stored) {
  return {
    event: {
      streamId: event.streamId,
      id: event.id,
      revision: BigInt(event.revision),
      type: event.type,
      created: event.created,
      isJson: true,
      data: JSON.parse(event.data),
      metadata: JSON.parse(event.metadata),
      position: { commit: event.position, prepare: event.position },
    },
  };
}
