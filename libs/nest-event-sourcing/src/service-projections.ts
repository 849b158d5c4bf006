import { BeforeApplicationShutdown, Logger, OnModuleInit } from '@nestjs/common';
import { EventStore, GlobalPosition } from '@gridcare/event-store';
import { PgProjectionDatabase, ProjectionRunner, ReadModel, rebuildReadModel, RebuildOptions, RebuildResult } from '@gridcare/projections';
import { Pool, PoolClient } from 'pg';
import { ProjectionHost } from './projection-host';
import { ReadModelRebuilds } from './read-model-rebuilds';

/**
 * A service's read models run from the log, one runner each, registered with the host; commands
 * wait for them (read-your-writes). Any of them can be rebuilt from the log while it keeps
 * answering. A service's own class extends this with its read models.
 */
export abstract class ServiceProjections implements OnModuleInit, BeforeApplicationShutdown {
  readonly runners: ProjectionRunner<PoolClient>[];
  readonly rebuilds: ReadModelRebuilds;
  private readonly logger: Logger;

  protected constructor(
    readonly service: string,
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly host: ProjectionHost,
    readonly readModels: readonly ReadModel[],
  ) {
    this.logger = new Logger(`${service} projections`);
    const database = new PgProjectionDatabase(pool, schema);
    const onError = (error: unknown, projection: string) => this.logger.error(`projection ${projection} failed, retrying: ${String(error)}`);
    this.runners = readModels.map((readModel) => new ProjectionRunner(store, database, readModel, { batchSize: 2000, onError }));
    this.rebuilds = new ReadModelRebuilds(service);
  }

  onModuleInit(): void {
    for (const runner of this.runners) this.host.register(runner as never);
  }

  /** Stops rebuilds in flight before the pool closes: a build stops after its page, a switch completes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.rebuilds.stop();
  }

  /** Resolves when every read model of the service includes the event at `position`. */
  async waitFor(position: GlobalPosition, timeoutMs = 10_000): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.waitForPosition(position, timeoutMs)));
  }

  runner(name: string): ProjectionRunner<PoolClient> {
    const runner = this.runners.find((r) => r.name === name);
    if (!runner) throw new Error(`no ${this.service} projection named ${name}`);
    return runner;
  }

  readModel(name: string): ReadModel | undefined {
    return this.readModels.find((readModel) => readModel.name === name);
  }

  /**
   * Rebuilds one read model from the log into new tables and switches them in; the old rows
   * answer until then, and the live runner keeps them current meanwhile.
   */
  async rebuild(name: string, options: RebuildOptions = {}): Promise<RebuildResult> {
    const readModel = this.readModel(name);
    if (!readModel) throw new Error(`no ${this.service} read model named ${name} (${this.readModels.map((r) => r.name).join(', ')})`);
    return rebuildReadModel(this.store, this.pool, this.schema, readModel, options);
  }

  /** Starts a rebuild in the background (the administrator mutation); see `rebuilds` for its progress. */
  startRebuild(name: string, requestedBy: string) {
    if (!this.readModel(name)) throw new Error(`no ${this.service} read model named ${name}`);
    return this.rebuilds.start(name, requestedBy, (options) => this.rebuild(name, options));
  }
}
