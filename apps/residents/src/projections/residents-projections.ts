import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EventStore, GlobalPosition } from '@gridcare/event-store';
import { EVENT_STORE, ProjectionHost } from '@gridcare/nest-event-sourcing';
import { PgProjectionDatabase, ProjectionRunner } from '@gridcare/projections';
import { Logger } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { RESIDENTS_POOL, RESIDENTS_SCHEMA } from '../database/residents-database.module';
import { residentCareProjection } from './resident-care.projection';
import { followUpWorklistProjection } from './follow-up-worklist.projection';
import { residentSuppliesProjection } from './resident-supplies.projection';
import { residentsRegistryProjection } from './residents-registry.projection';
import { triageDecisionsProjection } from './triage-decisions.projection';
import { triageRuleSetsProjection } from './triage-rule-sets.projection';

/** Runs the residents read models from the log and lets commands wait for them (read-your-writes). */
@Injectable()
export class ResidentsProjections implements OnModuleInit {
  private readonly logger = new Logger(ResidentsProjections.name);
  readonly runners: ProjectionRunner<PoolClient>[];

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(RESIDENTS_POOL) pool: Pool,
    private readonly host: ProjectionHost,
  ) {
    const database = new PgProjectionDatabase(pool, RESIDENTS_SCHEMA);
    const onError = (error: unknown, projection: string) => this.logger.error(`projection ${projection} failed, retrying: ${String(error)}`);
    this.runners = [residentsRegistryProjection, triageDecisionsProjection, triageRuleSetsProjection, residentSuppliesProjection, residentCareProjection, followUpWorklistProjection].map(
      (projection) => new ProjectionRunner(store, database, projection, { batchSize: 2000, onError }),
    );
  }

  onModuleInit(): void {
    for (const runner of this.runners) this.host.register(runner as never);
  }

  /** Resolves when every residents read model includes the event at `position`. */
  async waitFor(position: GlobalPosition, timeoutMs = 10_000): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.waitForPosition(position, timeoutMs)));
  }

  runner(name: string): ProjectionRunner<PoolClient> {
    const runner = this.runners.find((r) => r.name === name);
    if (!runner) throw new Error(`no residents projection named ${name}`);
    return runner;
  }
}
