import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { EventStore, parsePosition } from '@gridcare/event-store';
import { SubgraphContext } from '@gridcare/identity';
import { EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { Pool } from 'pg';
import { caseAsOf, isOpen, Moment } from '../case-as-of/case-as-of';
import { AUDIT_POOL } from '../database/audit-database.module';
import { recordAccess } from './access-log';
import { auditorOf, badInput, residentIdArgument } from './audit-access';

function momentOf(position: string | undefined, at: string | undefined): Moment {
  if ((position === undefined) === (at === undefined)) throw badInput('give exactly one of position (commit/prepare) and at (ISO 8601)');
  if (position !== undefined) {
    try {
      return { position: parsePosition(position) };
    } catch {
      throw badInput('position: commit/prepare, as case histories show it');
    }
  }
  const time = new Date(at as string);
  if (Number.isNaN(time.getTime()) || !/\d{4}-\d{2}-\d{2}T/.test(at as string)) throw badInput('at: an ISO 8601 instant');
  return { at: time };
}

@Resolver()
export class CaseAsOfResolver {
  constructor(
    @Inject(AUDIT_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Query('caseAsOf')
  async caseAsOf(
    @Args('residentId') residentId: string,
    @Args('position') position: string | undefined,
    @Args('at') at: string | undefined,
    @Context() context: SubgraphContext,
  ) {
    const auditor = auditorOf(context);
    const moment = momentOf(position ?? undefined, at ?? undefined);
    const id = residentIdArgument(residentId);
    const { rows } = await this.pool.query<{ referral_id: string }>('SELECT referral_id::text FROM audit.referral_residents WHERE resident_id = $1 ORDER BY referral_id', [id]);
    const state = await caseAsOf(this.store, id, rows.map((row) => row.referral_id), moment);
    await recordAccess(this.store, auditor, 'case-as-of', id);
    const resident = state.resident.status === 'registered' ? state.resident : null;
    return {
      residentId: id,
      asOf: position ?? at,
      registered: resident !== null,
      tier: resident?.tier?.toUpperCase() ?? null,
      tierOverridden: resident?.tierOverridden ?? false,
      infected: resident?.infection.infected ?? false,
      latestSpo2: resident?.infection.latestSpo2 ?? null,
      episode: resident?.episode ?? null,
      followUps: resident?.followUps ?? null,
      openReferrals: state.referrals.filter(isOpen).map((referral) => ({
        referralId: referral.status === 'none' ? '' : referral.referralId,
        status: referral.status,
        direction: referral.status === 'none' ? '' : referral.direction,
        facilityId: referral.status === 'none' ? '' : referral.facilityId,
      })),
      eventsFolded: state.eventsFolded,
    };
  }
}
