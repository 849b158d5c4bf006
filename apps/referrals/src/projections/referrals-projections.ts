import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EventStore, GlobalPosition } from '@gridcare/event-store';
import { EVENT_STORE, ProjectionHost } from '@gridcare/nest-event-sourcing';
import { PgProjectionDatabase, ProjectionRunner } from '@gridcare/projections';
import { Pool, PoolClient } from 'pg';
import { REFERRALS_POOL, REFERRALS_SCHEMA } from '../database/referrals-database.module';
import { emergencyObservationsProjection } from './emergency-observations.projection';
import { referralNetworkProjection } from './referral-network.projection';
import { referralsProjection } from './referrals.projection';
import { residentFactsProjection } from './resident-facts.projection';

/** Runs the referrals read models from the log and lets commands wait for them (read-your-writes). */
@Injectable()
export class ReferralsProjections implements OnModuleInit {
  private readonly logger = new Logger(ReferralsProjections.name);
  readonly runners: ProjectionRunner<PoolClient>[];

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(REFERRALS_POOL) pool: Pool,
    private readonly host: ProjectionHost,
  ) {
    const database = new PgProjectionDatabase(pool, REFERRALS_SCHEMA);
    const onError = (error: unknown, projection: string) => this.logger.error(`projection ${projection} failed, retrying: ${String(error)}`);
    this.runners = [referralNetworkProjection, referralsProjection, emergencyObservationsProjection, residentFactsProjection].map((projection) => new ProjectionRunner(store, database, projection, { batchSize: 2000, onError }));
  }

  onModuleInit(): void {
    for (const runner of this.runners) this.host.register(runner as never);
  }

  /** Resolves when every referrals read model includes the event at `position`. */
  async waitFor(position: GlobalPosition, timeoutMs = 10_000): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.waitForPosition(position, timeoutMs)));
  }

  runner(name: string): ProjectionRunner<PoolClient> {
    const runner = this.runners.find((r) => r.name === name);
    if (!runner) throw new Error(`no referrals projection named ${name}`);
    return runner;
  }
}
