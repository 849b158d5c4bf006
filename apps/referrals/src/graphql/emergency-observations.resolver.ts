import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Identity } from '@gridcare/identity';
import { ReferralsPrisma } from '../database/referrals-database.module';
import { EmergencyObservationCounts, EmergencyObservationQueries, ObservationLevel } from '../emergency-observation/emergency-observation-queries';
import { ReferralAccess } from '../identity/referral-access';
import { referralScope } from '../identity/referral-scope';
import { GraphQLContext, identityOf } from '../identity/request-actor';
import { fromGraphQLEnum } from './graphql-enum';
import { badInput, forbidden } from './graphql-errors';
import { facilityViewById } from './network-rows';
import { referralView } from './referral-view';

const MAX_BREACHES = 500;

export const countsView = (counts: EmergencyObservationCounts) => ({ ...counts, oldestStartedAt: counts.oldestStartedAt?.toISOString() ?? null });

/**
 * Emergency-department observation: the breaches and the counts, against the service clock.
 * Narrowed to the observations of referrals the identity may read (referral-scope.ts); a
 * referral desk sees its own facility's only and is refused another facility's or a grid's.
 */
@Resolver('EmergencyObservation')
export class EmergencyObservationsResolver {
  constructor(
    private readonly observations: EmergencyObservationQueries,
    private readonly prisma: ReferralsPrisma,
    private readonly access: ReferralAccess,
  ) {}

  @Query('emergencyObservationBreaches')
  async breaches(
    @Args('facilityId') facilityId: string | undefined,
    @Args('gridId') gridId: string | undefined,
    @Args('first') first: number,
    @Context() context: GraphQLContext,
  ) {
    const identity = this.reader(context);
    // A desk that names no facility is answered for its own.
    if (identity.role === 'referral_desk') this.access.assertOwnFacility(identity, facilityId ?? identity.facilityId, 'read emergency observation breaches');
    if (!Number.isInteger(first) || first < 1 || first > MAX_BREACHES) throw badInput('first', `must be between 1 and ${MAX_BREACHES}`);
    const rows = await this.observations.breaches({ facilityId: facilityId ?? identity.facilityId, gridId }, first, (param) => referralScope(identity, param));
    return rows.map((row) => this.observations.view(row));
  }

  @Query('emergencyObservationCounts')
  async counts(@Args('level') level: string, @Args('gridId') gridId: string | undefined, @Context() context: GraphQLContext) {
    const identity = this.reader(context);
    const observationLevel = fromGraphQLEnum<ObservationLevel>(level);
    if (identity.role === 'referral_desk' && observationLevel !== 'facility') {
      throw forbidden(`the referral desk of facility ${identity.facilityId} may not read emergency observation counts by ${observationLevel}`);
    }
    const rows = await this.observations.counts(observationLevel, gridId ?? null, (param) => referralScope(identity, param));
    // A desk's rows: its own facility's (the scope lets through observations of referrals only referred from it).
    return rows.filter((row) => identity.role !== 'referral_desk' || row.id === identity.facilityId).map((row) => ({ level, ...countsView(row) }));
  }

  private reader(context: GraphQLContext): Identity {
    const identity = identityOf(context);
    this.access.assertReadsReferrals(identity, 'emergency observations');
    return identity;
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
