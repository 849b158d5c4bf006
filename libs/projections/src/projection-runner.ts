import { comparePositions, EventStore, formatPosition, GlobalPosition, START } from '@gridcare/event-store';
import { Projection } from './projection';
import { ProjectionDatabase } from './projection-database';

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /** Called when a batch fails; the runner retries from its last checkpoint. */
  onError?: (error: unknown, projection: string) => void;
  maxRetryDelayMs?: number;
}

export interface ProjectionStatus {
  readonly projection: string;
  readonly running: boolean;
  readonly checkpoint: string | null;
  readonly caughtUp: boolean;
  readonly eventsApplied: number;
  readonly lastError: string | null;
}

/**
 * A batch with none of the projection's events moves the checkpoint in memory only, and saves
 * it at most this often: after a crash the runner reads those events again and skips them.
 */
const IDLE_CHECKPOINT_INTERVAL_MS = 1_000;

/**
 * Feeds the global log into one projection. Each batch is applied and its checkpoint saved
 * in a single transaction: after a crash the runner resumes from the checkpoint and no
 * event is lost or applied twice.
 */
export class ProjectionRunner<Tx> {
  private controller?: AbortController;
  private loop?: Promise<void>;
  private checkpoint: GlobalPosition | null = null;
  private caughtUp = false;
  private eventsApplied = 0;
  private lastError: string | null = null;
  private progressListeners = new Set<() => void>();
  private readonly batchSize: number;
  /** When the checkpoint was last saved; an empty batch saves it at most this often. */
  private savedAt = 0;

  constructor(
    private readonly store: EventStore,
    private readonly database: ProjectionDatabase<Tx>,
    readonly projection: Projection<Tx>,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
  }

  get name(): string {
    return this.projection.name;
  }

  start(): void {
    if (this.loop) return;
    const controller = new AbortController();
    this.controller = controller;
    this.loop = this.run(controller.signal).finally(() => {
      if (this.controller === controller) this.loop = undefined;
    });
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    await this.loop;
    this.loop = undefined;
    this.notifyProgress();
  }

  status(): ProjectionStatus {
    return {
      projection: this.name,
      running: Boolean(this.loop),
      checkpoint: this.checkpoint ? formatPosition(this.checkpoint) : null,
      caughtUp: this.caughtUp,
      eventsApplied: this.eventsApplied,
      lastError: this.lastError,
    };
  }

  private async run(signal: AbortSignal): Promise<void> {
    let retryDelay = 100;
    while (!signal.aborted) {
      try {
        this.checkpoint = await this.database.loadCheckpoint(this.name);
        const batches = this.store.subscribeToAll({
          after: this.checkpoint ?? START,
          filter: { eventTypes: this.projection.eventTypes },
          batchSize: this.batchSize,
          signal,
        });
        for await (const batch of batches) {
          if (batch.events.length === 0 && Date.now() - this.savedAt < IDLE_CHECKPOINT_INTERVAL_MS) {
            // Nothing of this projection's types: no transaction, only the position moves on.
            this.advance(batch.checkpoint, batch.caughtUp, 0);
            continue;
          }
          const applied = await this.database.transaction(async (tx) => {
            // Another instance may have applied part of this batch meanwhile: skip what it did.
            const saved = await this.database.lockCheckpoint(tx, this.name);
            if (saved && comparePositions(saved, batch.checkpoint) >= 0) return 0;
            const events = saved ? batch.events.filter((event) => comparePositions(event.position, saved) > 0) : batch.events;
            if (events.length) await this.projection.apply(events, tx);
            await this.database.saveCheckpoint(tx, this.name, batch.checkpoint);
            return events.length;
          });
          this.savedAt = Date.now();
          this.advance(batch.checkpoint, batch.caughtUp, applied);
          retryDelay = 100;
        }
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.caughtUp = false;
        this.options.onError?.(error, this.name);
        this.notifyProgress();
        await sleep(retryDelay, signal);
        retryDelay = Math.min(retryDelay * 2, this.options.maxRetryDelayMs ?? 30_000);
      }
    }
  }

  private advance(checkpoint: GlobalPosition, caughtUp: boolean, applied: number): void {
    this.checkpoint = checkpoint;
    this.eventsApplied += applied;
    this.caughtUp = caughtUp;
    this.lastError = null;
    this.notifyProgress();
  }

  /** Resolves once the projection has applied everything up to `position` (an append's result). */
  async waitForPosition(position: GlobalPosition, timeoutMs = 30_000): Promise<void> {
    await this.waitUntil(() => this.checkpoint !== null && comparePositions(this.checkpoint, position) >= 0, timeoutMs, () =>
      `projection ${this.name} did not reach ${formatPosition(position)} (at ${this.checkpoint ? formatPosition(this.checkpoint) : 'start'})`,
    );
  }

  /**
   * Resolves once the projection has applied every event of its types that is in the log
   * now, including events committed but not yet safe to hand out.
   */
  async waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    const head = await this.store.headPosition();
    if (head) await this.waitForPosition(head, timeoutMs);
    else await this.waitUntil(() => this.caughtUp, timeoutMs, () => `projection ${this.name} did not catch up`);
  }

  private waitUntil(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(describe()));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.progressListeners.delete(check);
      };
      this.progressListeners.add(check);
    });
  }

  private notifyProgress(): void {
    for (const listener of [...this.progressListeners]) listener();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
