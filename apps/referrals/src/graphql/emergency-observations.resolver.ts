import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReferralsPrisma } from '../database/referrals-database.module';
import { EmergencyObservationCounts, EmergencyObservationQueries, ObservationLevel } from '../emergency-observation/emergency-observation-queries';
import { fromGraphQLEnum } from './graphql-enum';
import { badInput } from './graphql-errors';
import { facilityViewById } from './network-rows';
import { referralView } from './referral-view';

const MAX_BREACHES = 500;

export const countsView = (counts: EmergencyObservationCounts) => ({ ...counts, oldestStartedAt: counts.oldestStartedAt?.toISOString() ?? null });

/** Emergency-department observation: the breaches and the counts, against the service clock. */
@Resolver('EmergencyObservation')
export class EmergencyObservationsResolver {
  constructor(
    private readonly observations: EmergencyObservationQueries,
    private readonly prisma: ReferralsPrisma,
  ) {}

  @Query('emergencyObservationBreaches')
  async breaches(@Args('facilityId') facilityId: string | undefined, @Args('gridId') gridId: string | undefined, @Args('first') first: number) {
    if (!Number.isInteger(first) || first < 1 || first > MAX_BREACHES) throw badInput('first', `must be between 1 and ${MAX_BREACHES}`);
    const rows = await this.observations.breaches({ facilityId, gridId }, first);
    return rows.map((row) => this.observations.view(row));
  }

  @Query('emergencyObservationCounts')
  async counts(@Args('level') level: string, @Args('gridId') gridId: string | undefined) {
    const rows = await this.observations.counts(fromGraphQLEnum<ObservationLevel>(level), gridId ?? null);
    return rows.map((row) => ({ level, ...countsView(row) }));
  }

  @ResolveField('referral')
  async referral(@Parent() observation: { referralId: string }) {
    return referralView(await this.prisma.referral.findUniqueOrThrow({ where: { referralId: observation.referralId } }));
  }

  @ResolveField('facility')
  facility(@Parent() observation: { facilityId: string }) {
    return facilityViewById(this.prisma, observation.facilityId);
  }
}
