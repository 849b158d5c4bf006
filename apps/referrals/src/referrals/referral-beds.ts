import { Injectable } from '@nestjs/common';
import { AggregateStore, CommandContext, ExecuteResult } from '@gridcare/nest-event-sourcing';
import { BedReleaseReason, facilityStream } from '@gridcare/referrals-contracts';
import { facilityDecider, FacilityState } from '@gridcare/referrals-domain';
import { FACILITY_RETRIES } from '../facilities/facility.handlers';

/**
 * ICU beds held for referrals, on the facility's own stream. A hold is decided with the
 * stream's expected revision and re-decided after a lost race (up to FACILITY_RETRIES), so of
 * two referrals racing for the last bed one holds it and the other is refused NO_ICU_BED_OPEN.
 */
@Injectable()
export class ReferralBeds {
  constructor(private readonly aggregates: AggregateStore) {}

  hold(facilityId: string, referralId: string, context: CommandContext): Promise<ExecuteResult<FacilityState>> {
    return this.aggregates.execute(facilityStream(facilityId), facilityDecider, { type: 'HoldBed', facilityId, referralId }, context, { retries: FACILITY_RETRIES });
  }

  /** Releasing a hold already released changes nothing: safe to retry. */
  release(facilityId: string, referralId: string, reason: BedReleaseReason, context: CommandContext): Promise<ExecuteResult<FacilityState>> {
    return this.aggregates.execute(facilityStream(facilityId), facilityDecider, { type: 'ReleaseBed', facilityId, referralId, reason }, context, { retries: FACILITY_RETRIES });
  }
}
