import { EventToAppend, RecordedEvent } from './event-envelope';
import { ExpectedRevision } from './expected-revision';
import { GlobalPosition } from './global-position';
import { NewStream, NewStreamOutcome } from './new-streams';

export interface AppendResult {
  /** The stream's revision after the append: pass it as the next expected revision. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event appended (or found, for an idempotent retry). */
  readonly position: GlobalPosition;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

/** Which events of the global log a reader wants. Empty means all of them. */
export interface EventFilter {
  readonly eventTypes?: readonly string[];
  readonly streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Defaults to the start of the log. */
  readonly after?: GlobalPosition;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface ReadAllResult {
  readonly events: RecordedEvent[];
  /**
   * Where the next read should continue: at least the last event's position, and past
   * skipped (filtered-out) events when the read reached the end of the safe log.
   */
  readonly checkpoint: GlobalPosition;
  /** True when the read reached the end of the log as it stood. */
  readonly endOfLog: boolean;
}

export interface SubscribeOptions {
  /** Exclusive: deliver events after this position (a saved checkpoint). */
  readonly after?: GlobalPosition;
  readonly filter?: EventFilter;
  readonly batchSize?: number;
  /** Stops the subscription; the iterator then ends. */
  readonly signal?: AbortSignal;
}

export interface EventBatch {
  readonly events: RecordedEvent[];
  /** Save this, and resume with `after: checkpoint`. */
  readonly checkpoint: GlobalPosition;
  /** The subscription has delivered everything there was when this batch was read. */
  readonly caughtUp: boolean;
}

/**
 * The event store port. Services depend on this, never on an adapter.
 */
export interface EventStore {
  /**
   * Appends events to a stream atomically, after checking the expected revision.
   * Raises WrongExpectedVersion (nothing written) when the check fails. Appending events
   * whose ids are all already in the stream is a no-op that returns their position.
   */
  appendToStream(streamId: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;

  /**
   * Creates many streams at once (a census import's registrations): each stream is created
   * whole or not at all, and an existing one is refused without holding the others back.
   * The outcomes are those of one `no_stream` append per stream, in the order given; an
   * adapter may be much faster than that (PostgreSQL writes them in one transaction), but
   * streams are not atomic with one another. Invalid input (see `InvalidAppend`, or a
   * stream named twice) is refused before anything is written.
   */
  appendToNewStreams(streams: readonly NewStream[]): Promise<NewStreamOutcome[]>;

  /** Reads a stream; an absent stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /**
   * Reads a page of the global log forwards. Only events that are safe to hand out are
   * returned: on PostgreSQL an event committed moments ago can appear a little later, while
   * an older transaction is still in flight (so that no reader ever skips it).
   */
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;

  /** Position of the newest event in the log (committed, if not yet safe to read); null when empty. */
  headPosition(): Promise<GlobalPosition | null>;

  /**
   * A catch-up subscription to the global log: reads from the checkpoint, then goes live.
   * Every event after the checkpoint is delivered once, in log order.
   */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<EventBatch>;

  close(): Promise<void>;
}
