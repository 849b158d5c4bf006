import { EventBatch } from '../port/event-store';
import { RecordedEvent } from '../port/event-envelope';
import { comparePositions, GlobalPosition } from '../port/global-position';
import { LogEntry, PositionLike, toGlobalPosition } from './kurrentdb-mapping';

/** The parts of the client's catch-up subscription (a Readable) the batcher uses; a fake in unit tests. */
export interface CatchUpSource {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  readonly readableLength: number;
}

export interface BatcherOptions {
  /** Exclusive: entries at or before it are dropped (the server skips them too; this guards resumes). */
  readonly after: GlobalPosition;
  readonly batchSize: number;
  /** How long pending events or progress wait for more before they are handed over. */
  readonly windowMs: number;
  readonly toEntry: (resolved: unknown) => LogEntry | null;
}

type Marker = { readonly at: number } & ({ readonly kind: 'checkpoint'; readonly position: GlobalPosition } | { readonly kind: 'caughtUp' | 'fellBehind' });

/**
 * Turns the client's subscription (a stream of events plus out-of-band `caughtUp` events and
 * checkpoint callbacks) into EventBatches.
 *
 * The client emits `caughtUp` and calls `checkpointReached` from inside its Transform, where
 * earlier events may still sit in its readable buffer. So each such signal is recorded with
 * the count of events pushed before it, and applied only once that many have arrived here.
 */
export class CatchUpBatcher {
  private readonly events: RecordedEvent[] = [];
  private readonly markers: Marker[] = [];
  private source: CatchUpSource | undefined;
  /** Furthest position examined: delivered, filtered out, or vouched for by a server checkpoint. */
  private progress: GlobalPosition;
  private lastYielded: GlobalPosition;
  private received = 0;
  private live = false;
  /** A batch saying caughtUp is owed, even if it carries no events. */
  private announce = false;
  private pendingSince: number | undefined;
  private failure: Error | undefined;
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(private readonly options: BatcherOptions) {
    this.progress = options.after;
    this.lastYielded = options.after;
  }

  /** For the server filter's checkpointReached: everything up to `position` has been examined. */
  checkpoint(position: PositionLike): void {
    this.mark({ kind: 'checkpoint', position: toGlobalPosition(position), at: this.pushedSoFar() });
  }

  attach(source: CatchUpSource): void {
    this.source = source;
    source.on('data', (resolved) => this.onData(resolved));
    source.on('caughtUp', () => this.mark({ kind: 'caughtUp', at: this.pushedSoFar() }));
    source.on('fellBehind', () => this.mark({ kind: 'fellBehind', at: this.pushedSoFar() }));
    source.on('error', (error) => {
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.notify();
    });
    const onEnd = () => {
      this.ended = true;
      this.notify();
    };
    source.on('end', onEnd);
    source.on('close', onEnd);
  }

  async *batches(signal?: AbortSignal): AsyncGenerator<EventBatch> {
    const onAbort = () => this.notify();
    signal?.addEventListener('abort', onAbort);
    try {
      while (!signal?.aborted) {
        if (this.failure) throw this.failure;
        if (this.ready()) yield this.take();
        else if (this.ended) throw new Error('the KurrentDB subscription ended without being stopped');
        else await this.sleep();
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private pushedSoFar(): number {
    return this.received + (this.source?.readableLength ?? 0);
  }

  private onData(resolved: unknown): void {
    this.received++;
    const entry = this.options.toEntry(resolved);
    if (entry && comparePositions(entry.position, this.progress) > 0) {
      this.progress = entry.position;
      if (entry.event) this.events.push(entry.event);
      this.pending();
    }
    this.applyMarkers();
    // Backpressure: stop reading while the consumer is a few batches behind.
    if (this.events.length >= this.options.batchSize * 4) this.source?.pause();
  }

  private mark(marker: Marker): void {
    this.markers.push(marker);
    this.applyMarkers();
  }

  private applyMarkers(): void {
    while (this.markers.length > 0 && this.markers[0].at <= this.received) {
      const marker = this.markers.shift() as Marker;
      if (marker.kind === 'checkpoint') {
        if (comparePositions(marker.position, this.progress) > 0) {
          this.progress = marker.position;
          this.pending();
        }
      } else if (marker.kind === 'caughtUp') {
        if (!this.live) this.announce = true;
        this.live = true;
        this.notify();
      } else {
        this.live = false;
      }
    }
  }

  private hasPending(): boolean {
    return this.events.length > 0 || comparePositions(this.progress, this.lastYielded) > 0;
  }

  private ready(): boolean {
    if (this.announce || this.events.length >= this.options.batchSize) return true;
    if (!this.hasPending()) return false;
    return this.ended || Date.now() - (this.pendingSince ?? 0) >= this.options.windowMs;
  }

  private take(): EventBatch {
    const events = this.events.splice(0, this.options.batchSize);
    const drained = this.events.length === 0;
    const checkpoint = drained ? this.progress : events[events.length - 1].position;
    const caughtUp = this.live && drained;
    if (caughtUp) this.announce = false;
    this.lastYielded = checkpoint;
    this.pendingSince = this.hasPending() ? Date.now() : undefined;
    if (this.events.length < this.options.batchSize) this.source?.resume();
    return { events, checkpoint, caughtUp };
  }

  /** Something to hand over soon: start the batch window (only on the first, to avoid waking per event). */
  private pending(): void {
    if (this.pendingSince === undefined) {
      this.pendingSince = Date.now();
      this.notify();
    } else if (this.events.length === this.options.batchSize) {
      this.notify();
    }
  }

  private notify(): void {
    this.wake?.();
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const wait = this.pendingSince === undefined ? undefined : Math.max(0, this.pendingSince + this.options.windowMs - Date.now());
      const timer = wait === undefined ? undefined : setTimeout(() => done(), wait);
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      this.wake = done;
    });
  }
}
