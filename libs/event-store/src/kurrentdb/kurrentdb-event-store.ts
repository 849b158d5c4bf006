import {
  AppendResult as ClientAppendResult,
  AppendStreamState,
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START as STREAM_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { EventToAppend, RecordedEvent } from '../port/event-envelope';
import { EventIdConflict, WrongExpectedVersion } from '../port/errors';
import {
  AppendResult,
  EventBatch,
  EventStore,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  SubscribeOptions,
} from '../port/event-store';
import { ExpectedRevision } from '../port/expected-revision';
import { comparePositions, GlobalPosition, maxPosition, START } from '../port/global-position';
import { prepareAppend } from '../postgres/validate-append';
import { checkDistinctStreams, createStreamsOneByOne, NewStream, NewStreamOutcome } from '../port/new-streams';
import {
  classifyRetry,
  isAfter,
  serverFilter,
  toActualRevision,
  toEventData,
  toGlobalPosition,
  toLogEntry,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
} from './kurrentdb-mapping';
import { CatchUpBatcher } from './kurrentdb-subscription';
import { chainHashes, GENESIS_HASH } from '../integrity/event-hash';

/** How often an `any` or `stream_exists` append retries when other writers keep moving the stream. */
const MAX_PINNED_RETRIES = 50;

export interface KurrentDbEventStoreOptions {
  /** Either a connection string (the store owns, and closes, its client) or a client to share. */
  connectionString?: string;
  client?: KurrentDBClient;
  /**
   * How many of a stream's latest events are searched when deciding whether an append
   * repeats ids already recorded. Retries of appends older than that are not recognised.
   */
  idempotencyWindow?: number;
  /** How long a subscription lets events gather into a batch before handing them over. */
  batchWindowMs?: number;
}

/**
 * The event store on KurrentDB (or EventStoreDB ≥ 23.10, which sends the `caughtUp`
 * subscription message this adapter relies on).
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly ownsClient: boolean;
  private readonly idempotencyWindow: number;
  private readonly batchWindowMs: number;

  constructor(options: KurrentDbEventStoreOptions) {
    if (!options.client && !options.connectionString) throw new Error('KurrentDbEventStore needs a client or a connection string');
    this.client = options.client ?? KurrentDBClient.connectionString(options.connectionString as string);
    this.ownsClient = !options.client;
    this.idempotencyWindow = options.idempotencyWindow ?? 1000;
    this.batchWindowMs = options.batchWindowMs ?? 10;
  }

  /** The server has no multi-stream transaction here: one `no_stream` append per stream, a few at a time. */
  async appendToNewStreams(streams: readonly NewStream[]): Promise<NewStreamOutcome[]> {
    checkDistinctStreams(streams);
    for (const stream of streams) prepareAppend(stream.streamId, stream.events, 'no_stream');
    return createStreamsOneByOne((stream) => this.appendToStream(stream.streamId, stream.events, { expectedRevision: 'no_stream' }), streams);
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const prepared = prepareAppend(streamId, events, expectedRevision);
    // Only ids the caller chose can repeat an earlier append; generated ones are new by construction.
    const mayBeRetry = events.some((event) => event.id !== undefined);
    if (mayBeRetry && (expectedRevision === 'any' || expectedRevision === 'stream_exists')) {
      // For these the server recognises a retry only from a bounded in-memory cache (and
      // would append duplicates after a restart), so look in the stream first.
      const earlier = await this.earlierAppend(streamId, prepared.ids);
      if (earlier) return earlier;
    }
    let result: ClientAppendResult;
    for (let attempt = 0; ; attempt++) {
      // The chain continues from the event this append goes after, so the append must land right
      // after it: `any` and `stream_exists` become the revision read here (retried when another
      // writer got there first, as there was no expectation to break).
      const start = await this.chainStart(streamId, expectedRevision);
      const hashes = chainHashes(start.previousHash, prepared.contentHashes);
      try {
        result = await this.client.appendToStream(streamId, toEventData(prepared, hashes), { streamState: start.streamState });
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const actual = toActualRevision(error.actualState);
        if (start.pinned && attempt < MAX_PINNED_RETRIES) {
          const earlier = mayBeRetry ? await this.earlierAppend(streamId, prepared.ids) : undefined;
          if (earlier) return earlier;
          if (expectedRevision === 'stream_exists' && actual === null) throw new WrongExpectedVersion(streamId, expectedRevision, null);
          continue;
        }
        return this.conflict(streamId, prepared.ids, mayBeRetry, expectedRevision, actual);
      }
    }
    // Only when the connection string says throwOnAppendFailure=false; its revision is then unreliable.
    if (!result.success) return this.conflict(streamId, prepared.ids, mayBeRetry, expectedRevision, await this.currentRevision(streamId));
    const nextExpectedRevision = Number(result.nextExpectedRevision);
    // The server answers with the last event's position; an idempotent write may lack it.
    let position = toGlobalPosition(result.position);
    if (comparePositions(position, START) === 0) position = await this.positionOf(streamId, nextExpectedRevision);
    return { nextExpectedRevision, position };
  }

  /**
   * Where an append's chain starts, and the stream state to send so that it lands there. `pinned`
   * when the caller's `any` or `stream_exists` was turned into the revision read.
   */
  private async chainStart(
    streamId: string,
    expected: ExpectedRevision,
  ): Promise<{ streamState: AppendStreamState; previousHash: string; pinned: boolean }> {
    if (expected === 'no_stream') return { streamState: toStreamState(expected), previousHash: GENESIS_HASH, pinned: false };
    if (typeof expected === 'number') {
      // If revision `expected` is not the stream's last, the server refuses the append (or finds
      // it is a retry and writes nothing): the hash read here is used only when it is.
      const [previous] = await this.readStream(streamId, { direction: 'backwards', fromRevision: expected, maxCount: 1 });
      const previousHash = previous?.revision === expected && previous.hash ? previous.hash : GENESIS_HASH;
      return { streamState: toStreamState(expected), previousHash, pinned: false };
    }
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    if (!last) {
      if (expected === 'stream_exists') throw new WrongExpectedVersion(streamId, expected, null);
      return { streamState: toStreamState('no_stream'), previousHash: GENESIS_HASH, pinned: true };
    }
    return { streamState: toStreamState(last.revision), previousHash: last.hash ?? GENESIS_HASH, pinned: true };
  }

  /** The server refused the expected revision: either this append was already made, or it really conflicts. */
  private async conflict(
    streamId: string,
    ids: string[],
    mayBeRetry: boolean,
    expected: ExpectedRevision,
    actual: number | null,
  ): Promise<AppendResult> {
    const earlier = mayBeRetry ? await this.earlierAppend(streamId, ids) : undefined;
    if (earlier) return earlier;
    throw new WrongExpectedVersion(streamId, expected, actual);
  }

  /** The result of an earlier append of exactly these ids; EventIdConflict if only some were appended. */
  private async earlierAppend(streamId: string, ids: string[]): Promise<AppendResult | undefined> {
    const recorded = await this.readStream(streamId, { direction: 'backwards', maxCount: this.idempotencyWindow });
    const verdict = classifyRetry(ids, recorded);
    if (verdict.kind === 'conflict') throw new EventIdConflict(streamId, verdict.recordedIds);
    if (verdict.kind === 'retry') return { nextExpectedRevision: verdict.last.revision, position: verdict.last.position };
    return undefined;
  }

  private async currentRevision(streamId: string): Promise<number | null> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : null;
  }

  private async positionOf(streamId: string, revision: number): Promise<GlobalPosition> {
    const [event] = await this.readStream(streamId, { direction: 'backwards', fromRevision: revision, maxCount: 1 });
    return event ? event.position : START;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const backwards = options.direction === 'backwards';
    const reads = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision === undefined ? (backwards ? END : STREAM_START) : BigInt(options.fromRevision),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of reads) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = options.after ?? START;
    const maxCount = options.maxCount ?? 1000;
    if (maxCount <= 0) return { events: [], checkpoint: after, endOfLog: false };
    // Taken before the scan: once the scan reaches the end of the log, everything up to
    // here has been examined, so the checkpoint may skip trailing filtered-out events.
    const head = await this.headPosition();
    const filter = serverFilter(options.filter);
    const events: RecordedEvent[] = [];
    let examined = after;
    for (;;) {
      // One more than needed: the client's read includes the event at `examined`, which is skipped.
      const wanted = maxCount - events.length + 1;
      let received = 0;
      for await (const resolved of this.client.readAll({ fromPosition: toReadPosition(examined), maxCount: wanted, filter })) {
        received++;
        const entry = toLogEntry(resolved, options.filter);
        if (!entry || !isAfter(entry.position, examined)) continue;
        examined = entry.position;
        if (!entry.event) continue;
        events.push(entry.event);
        if (events.length === maxCount) return { events, checkpoint: entry.position, endOfLog: false };
      }
      // The server stops short of `wanted` only at the end of the log.
      if (received < wanted) break;
    }
    return { events, checkpoint: head ? maxPosition(examined, head) : examined, endOfLog: true };
  }

  /**
   * The newest record in $all, KurrentDB's own events included: that is where a reader that
   * has seen everything stands (readAll's end-of-log checkpoint reaches it too).
   */
  async headPosition(): Promise<GlobalPosition | null> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
      return toGlobalPosition(resolved.event?.position);
    }
    return null;
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<EventBatch> {
    return { [Symbol.asyncIterator]: () => this.subscription(options) };
  }

  private async *subscription(options: SubscribeOptions): AsyncGenerator<EventBatch> {
    if (options.signal?.aborted) return;
    const after = options.after ?? START;
    const batcher = new CatchUpBatcher({
      after,
      batchSize: options.batchSize ?? 500,
      windowMs: this.batchWindowMs,
      toEntry: (resolved) => toLogEntry(resolved as Parameters<typeof toLogEntry>[0], options.filter),
    });
    // The server's filtered subscription sends checkpoints: progress past filtered-out events.
    const filter = serverFilter(options.filter, (position) => batcher.checkpoint(position));
    const source = this.client.subscribeToAll({ fromPosition: toReadPosition(after), filter });
    batcher.attach(source);
    try {
      yield* batcher.batches(options.signal);
    } finally {
      await source.unsubscribe();
    }
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.dispose();
  }
}
