import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@gridcare/event-store';
import { EVENT_STORE, ProjectionHost, ServiceProjections } from '@gridcare/nest-event-sourcing';
import { Pool } from 'pg';
import { AUDIT_POOL, AUDIT_SCHEMA } from '../database/audit-database.module';
import { caseHistoryProjection } from './case-history.projection';
import { accessLogProjection } from './access-log.projection';

/** The audit read models, from the whole log: the case-history index, and the access log (personal data and case records read). */
@Injectable()
export class AuditProjections extends ServiceProjections {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(AUDIT_POOL) pool: Pool, host: ProjectionHost) {
    super('audit', store, pool, AUDIT_SCHEMA, host, [caseHistoryProjection, accessLogProjection]);
  }
}
