import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@gridcare/event-store';
import { EVENT_STORE, ProjectionHost, ServiceProjections } from '@gridcare/nest-event-sourcing';
import { Pool } from 'pg';
import { RESIDENTS_POOL, RESIDENTS_SCHEMA } from '../database/residents-database.module';
import { followUpWorklistProjection } from './follow-up-worklist.projection';
import { residentCareProjection } from './resident-care.projection';
import { residentSuppliesProjection } from './resident-supplies.projection';
import { residentsRegistryProjection } from './residents-registry.projection';
import { triageDecisionsProjection } from './triage-decisions.projection';
import { triageRuleSetsProjection } from './triage-rule-sets.projection';

/** The residents read models, run from the log; commands wait for them (read-your-writes). */
@Injectable()
export class ResidentsProjections extends ServiceProjections {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(RESIDENTS_POOL) pool: Pool, host: ProjectionHost) {
    super('residents', store, pool, RESIDENTS_SCHEMA, host, [
      residentsRegistryProjection,
      triageDecisionsProjection,
      triageRuleSetsProjection,
      residentSuppliesProjection,
      residentCareProjection,
      followUpWorklistProjection,
    ]);
  }
}
