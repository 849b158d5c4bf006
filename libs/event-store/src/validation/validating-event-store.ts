import { EventToAppend, RecordedEvent } from '../port/event-envelope';
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
import { NewStream, NewStreamOutcome } from '../port/new-streams';
import { GlobalPosition } from '../port/global-position';
import { EventValidator } from './event-validator';

/**
 * Enforces event contracts around any event store: nothing invalid is written, and readers
 * only ever see the current version of each event they know. Adapters stay schema-free.
 */
export class ValidatingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly validator: EventValidator,
  ) {}

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    // Every event is checked before the store is touched, so a refused append writes nothing.
    for (const event of events) this.validator.validateForAppend(event.type, event.schemaVersion, event.data);
    return this.inner.appendToStream(streamId, events, options);
  }

  async appendToNewStreams(streams: readonly NewStream[]): Promise<NewStreamOutcome[]> {
    for (const stream of streams) for (const event of stream.events) this.validator.validateForAppend(event.type, event.schemaVersion, event.data);
    return this.inner.appendToNewStreams(streams);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(streamId, options)).map((event) => this.upcast(event));
  }

  async readAll(options?: ReadAllOptions): Promise<ReadAllResult> {
    const page = await this.inner.readAll(options);
    return { ...page, events: page.events.map((event) => this.upcast(event)) };
  }

  headPosition(): Promise<GlobalPosition | null> {
    return this.inner.headPosition();
  }

  subscribeToAll(options?: SubscribeOptions): AsyncIterable<EventBatch> {
    return { [Symbol.asyncIterator]: () => this.upcastBatches(this.inner.subscribeToAll(options)) };
  }

  /** The decorator stands in for the store it wraps, so closing it closes that store. */
  close(): Promise<void> {
    return this.inner.close();
  }

  private async *upcastBatches(batches: AsyncIterable<EventBatch>): AsyncGenerator<EventBatch> {
    // Leaving this loop (break, abort, error) ends the inner subscription too.
    for await (const batch of batches) yield { ...batch, events: batch.events.map((event) => this.upcast(event)) };
  }

  private upcast(event: RecordedEvent): RecordedEvent {
    const { schemaVersion, data } = this.validator.upcast(event.type, event.schemaVersion, event.data);
    return { ...event, schemaVersion, data };
  }
}
