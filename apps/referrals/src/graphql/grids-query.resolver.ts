import { Args, Context, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { ReferralsPrisma } from '../database/referrals-database.module';
import { EmergencyObservationQueries } from '../emergency-observation/emergency-observation-queries';
import { GraphQLContext, identityOf } from '../identity/request-actor';
import { countsView } from './emergency-observations.resolver';
import { facilityViewById, gridViewById, gridViews } from './network-rows';

/** Grids are readable by every role; every request needs an identity. */
@Resolver('Grid')
export class GridsQueryResolver {
  constructor(
    private readonly prisma: ReferralsPrisma,
    private readonly observations: EmergencyObservationQueries,
  ) {}

  @Query('grid')
  grid(@Args('id') id: string, @Context() context: GraphQLContext) {
    identityOf(context);
    return gridViewById(this.prisma, id);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, context: GraphQLContext) {
    identityOf(context);
    return gridViewById(this.prisma, reference.id);
  }

  @Query('grids')
  async grids(@Context() context: GraphQLContext) {
    identityOf(context);
    return gridViews(this.prisma, await this.prisma.grid.findMany({ orderBy: { gridId: 'asc' } }));
  }

  @ResolveField('leadFacility')
  leadFacility(@Parent() grid: { leadFacilityId: string }) {
    return facilityViewById(this.prisma, grid.leadFacilityId);
  }

  @ResolveField('emergencyObservations')
  async emergencyObservations(@Parent() grid: { id: string }) {
    return countsView(await this.observations.countsOf('grid', grid.id));
  }
}
