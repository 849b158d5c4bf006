import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@gridcare/nest-event-sourcing';
import { emergencyObservationBreachCutoff, isEmergencyObservationBreached } from '@gridcare/referrals-domain';
import { Pool } from 'pg';
import { REFERRALS_POOL } from '../database/referrals-database.module';
import { Param, queryParams } from '../identity/referral-scope';

interface ObservationRow {
  observation_id: string;
  referral_id: string;
  resident_id: string;
  facility_id: string;
  grid_id: string | null;
  started_at: Date;
  ended_at: Date | null;
  ended_by: string | null;
}

interface CountRow {
  id: string;
  under_observation: number;
  breaches: number;
  oldest_started_at: Date | null;
}

export interface EmergencyObservationCounts {
  underObservation: number;
  breaches: number;
  oldestStartedAt: Date | null;
}

export type ObservationLevel = 'facility' | 'grid';

/** Which observations the asker may see: an SQL condition on their referral (alias `r`), or undefined for all. */
export type ObservationScope = (param: Param) => string | undefined;

const scoped = (scope: ObservationScope | undefined, param: Param): string => {
  const condition = scope?.(param);
  return condition ? `EXISTS (SELECT 1 FROM referrals.referrals r WHERE r.referral_id = o.referral_id AND ${condition})` : 'TRUE';
};

/** The key each level groups by; the facility's grid comes from the network read model. */
const KEY: Readonly<Record<ObservationLevel, string>> = { facility: 'o.facility_id', grid: 'f.grid_id' };

const COUNTS = (level: ObservationLevel, where: string) => `
SELECT ${KEY[level]} AS id, count(*)::int AS under_observation, (count(*) FILTER (WHERE o.started_at < $1))::int AS breaches, min(o.started_at) AS oldest_started_at
FROM referrals.emergency_observations o LEFT JOIN referrals.facilities f USING (facility_id)
WHERE o.ended_at IS NULL AND ${KEY[level]} IS NOT NULL AND ${where}
GROUP BY ${KEY[level]}
ORDER BY breaches DESC, under_observation DESC, ${KEY[level]} COLLATE "C"`;

/**
 * Emergency-department observation as the read model keeps it, with every breach computed
 * against the service clock at the moment of asking: still under observation, and started more
 * than 24 hours before now. Nothing about a breach is stored, so nothing can go stale.
 */
@Injectable()
export class EmergencyObservationQueries {
  constructor(
    @Inject(REFERRALS_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** Breaches, the longest first: at one facility, in one grid's facilities, or anywhere. */
  async breaches(filter: { facilityId?: string | null; gridId?: string | null }, first: number, scope?: ObservationScope): Promise<ObservationRow[]> {
    const { values, param } = queryParams([this.cutoff(), filter.facilityId ?? null, filter.gridId ?? null, first]);
    const { rows } = await this.pool.query<ObservationRow>(
      `SELECT o.observation_id, o.referral_id, o.resident_id, o.facility_id, f.grid_id, o.started_at, o.ended_at, o.ended_by
       FROM referrals.emergency_observations o LEFT JOIN referrals.facilities f USING (facility_id)
       WHERE o.ended_at IS NULL AND o.started_at < $1 AND ($2::text IS NULL OR o.facility_id = $2) AND ($3::text IS NULL OR f.grid_id = $3) AND ${scoped(scope, param)}
       ORDER BY o.started_at, o.observation_id LIMIT $4`,
      values,
    );
    return rows;
  }

  /** Per facility (of one grid, or all) or per grid: only where anyone is under observation. */
  async counts(level: ObservationLevel, gridId: string | null, scope?: ObservationScope): Promise<(EmergencyObservationCounts & { id: string })[]> {
    const { values, param } = queryParams([this.cutoff(), gridId]);
    const { rows } = await this.pool.query<CountRow>(COUNTS(level, `($2::text IS NULL OR f.grid_id = $2) AND ${scoped(scope, param)}`), values);
    return rows.map(countsOf);
  }

  /** One facility's or one grid's counts (zero when no one is under observation there). */
  async countsOf(level: ObservationLevel, id: string): Promise<EmergencyObservationCounts> {
    const { rows } = await this.pool.query<CountRow>(COUNTS(level, `${KEY[level]} = $2`), [this.cutoff(), id]);
    return rows[0] ? countsOf(rows[0]) : { underObservation: 0, breaches: 0, oldestStartedAt: null };
  }

  view(row: ObservationRow) {
    const now = this.clock.now();
    const until = row.ended_at ?? now;
    return {
      id: row.observation_id,
      referralId: row.referral_id,
      residentId: row.resident_id,
      facilityId: row.facility_id,
      gridId: row.grid_id,
      startedAt: row.started_at.toISOString(),
      endedAt: row.ended_at?.toISOString() ?? null,
      endedBy: row.ended_by ? row.ended_by.toUpperCase() : null,
      hours: Math.round((until.getTime() - row.started_at.getTime()) / 36_000) / 100,
      breached: isEmergencyObservationBreached(row.started_at, row.ended_at, now),
    };
  }

  private cutoff(): Date {
    return emergencyObservationBreachCutoff(this.clock.now());
  }
}

const countsOf = (row: CountRow) => ({ id: row.id, underObservation: row.under_observation, breaches: row.breaches, oldestStartedAt: row.oldest_started_at });
