import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@gridcare/event-store';
import { EVENT_STORE, ProjectionHost, ServiceProjections } from '@gridcare/nest-event-sourcing';
import { Pool } from 'pg';
import { REFERRALS_POOL, REFERRALS_SCHEMA } from '../database/referrals-database.module';
import { emergencyObservationsProjection } from './emergency-observations.projection';
import { referralNetworkProjection } from './referral-network.projection';
import { referralsProjection } from './referrals.projection';
import { residentFactsProjection } from './resident-facts.projection';

/** The referrals read models, run from the log; commands wait for them (read-your-writes). */
@Injectable()
export class ReferralsProjections extends ServiceProjections {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(REFERRALS_POOL) pool: Pool, host: ProjectionHost) {
    super('referrals', store, pool, REFERRALS_SCHEMA, host, [referralNetworkProjection, referralsProjection, emergencyObservationsProjection, residentFactsProjection]);
  }
}
