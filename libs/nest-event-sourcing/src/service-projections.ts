import { Logger, OnModuleInit } from '@nestjs/common';
import { EventStore, GlobalPosition } from '@gridcare/event-store';
import { PgProjectionDatabase, Projection, ProjectionRunner } from '@gridcare/projections';
import { Pool, PoolClient } from 'pg';
import { ProjectionHost } from './projection-host';

/**
 * A service's read models run from the log, one runner each, registered with the host; commands
 * wait for them (read-your-writes). A service's own class extends this with its projections.
 */
export abstract class ServiceProjections implements OnModuleInit {
  readonly runners: ProjectionRunner<PoolClient>[];
  private readonly logger: Logger;

  protected constructor(
    private readonly service: string,
    store: EventStore,
    pool: Pool,
    schema: string,
    private readonly host: ProjectionHost,
    projections: readonly Projection<PoolClient>[],
  ) {
    this.logger = new Logger(`${service} projections`);
    const database = new PgProjectionDatabase(pool, schema);
    const onError = (error: unknown, projection: string) => this.logger.error(`projection ${projection} failed, retrying: ${String(error)}`);
    this.runners = projections.map((projection) => new ProjectionRunner(store, database, projection, { batchSize: 2000, onError }));
  }

  onModuleInit(): void {
    for (const runner of this.runners) this.host.register(runner as never);
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
}
