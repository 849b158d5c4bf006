import { Logger } from '@nestjs/common';
import { RebuildInProgressError, RebuildOptions, RebuildProgress, RebuildResult } from '@gridcare/projections';

export type RebuildState = 'RUNNING' | 'COMPLETED' | 'FAILED';

/** The latest rebuild of one read model started by this process, as an administrator follows it. */
export interface ReadModelRebuildStatus {
  readonly readModel: string;
  readonly state: RebuildState;
  readonly phase: RebuildProgress['phase'];
  readonly eventsApplied: number;
  /** 0 to 1: how far through the log the build is. */
  readonly fraction: number;
  readonly requestedBy: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly error: string | null;
}

type Run = (options: RebuildOptions) => Promise<RebuildResult>;

/**
 * Rebuilds started from the administrator mutation: run in the background, one at a time per
 * read model (across processes too: the rebuild's lock), their progress kept for the query.
 */
export class ReadModelRebuilds {
  private readonly latest = new Map<string, ReadModelRebuildStatus>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly logger: Logger;

  constructor(service: string) {
    this.logger = new Logger(`${service} rebuilds`);
  }

  /** Starts a rebuild and returns at once; REBUILD_IN_PROGRESS when one of this read model runs here. */
  start(readModel: string, requestedBy: string, run: Run): ReadModelRebuildStatus {
    if (this.running.has(readModel)) throw new RebuildInProgressError(readModel);
    let status: ReadModelRebuildStatus = {
      readModel,
      state: 'RUNNING',
      phase: 'building',
      eventsApplied: 0,
      fraction: 0,
      requestedBy,
      startedAt: new Date(),
      finishedAt: null,
      error: null,
    };
    const update = (change: Partial<ReadModelRebuildStatus>) => {
      status = { ...status, ...change };
      this.latest.set(readModel, status);
    };
    update({});
    this.logger.log(`rebuild of ${readModel} requested by ${requestedBy}`);
    const onProgress = (progress: RebuildProgress) => update({ phase: progress.phase, eventsApplied: progress.eventsApplied, fraction: progress.fraction });
    const done = run({ signal: this.stopping.signal, onProgress })
      .then((result) => {
        update({ state: 'COMPLETED', phase: 'done', fraction: 1, eventsApplied: result.eventsApplied, finishedAt: new Date() });
        this.logger.log(`rebuilt ${readModel}: ${result.eventsApplied} events in ${result.durationMs} ms (tables switched in ${result.switchMs} ms)`);
      })
      .catch((error: unknown) => {
        update({ state: 'FAILED', finishedAt: new Date(), error: error instanceof Error ? error.message : String(error) });
        this.logger.error(`rebuild of ${readModel} failed; the old rows still answer: ${String(error)}`);
      })
      .finally(() => this.running.delete(readModel));
    this.running.set(readModel, done);
    return status;
  }

  status(readModel: string): ReadModelRebuildStatus | null {
    return this.latest.get(readModel) ?? null;
  }

  /** Resolves when every rebuild started here has ended (tests). */
  async settled(): Promise<void> {
    await Promise.all(this.running.values());
  }

  /** At shutdown: rebuilds still building stop after their current page (the old rows stay); one switching finishes. */
  async stop(): Promise<void> {
    this.stopping.abort('the service is shutting down');
    await this.settled();
  }
}
