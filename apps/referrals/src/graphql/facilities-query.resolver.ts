import { Args, Context, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Prisma } from '../generated/prisma/client';
import { ReferralsPrisma } from '../database/referrals-database.module';
import { EmergencyObservationQueries } from '../emergency-observation/emergency-observation-queries';
import { GraphQLContext, identityOf } from '../identity/request-actor';
import { countsView } from './emergency-observations.resolver';
import { fromGraphQLEnum } from './graphql-enum';
import { badInput } from './graphql-errors';
import { decodeCursor, encodeCursor, facilityViewById, facilityViews } from './network-rows';

const MAX_PAGE = 500;

/** Facilities are readable by every role; every request needs an identity. */
@Resolver('Facility')
export class FacilitiesQueryResolver {
  constructor(
    private readonly prisma: ReferralsPrisma,
    private readonly observations: EmergencyObservationQueries,
  ) {}

  @Query('facility')
  facility(@Args('id') id: string, @Context() context: GraphQLContext) {
    identityOf(context);
    return facilityViewById(this.prisma, id);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, context: GraphQLContext) {
    identityOf(context);
    return facilityViewById(this.prisma, reference.id);
  }

  /** Keyset pages in id order, on the (grid, level, id) or (level, id) index. */
  @Query('facilities')
  async facilities(
    @Args('gridId') gridId: string | undefined,
    @Args('level') level: string | undefined,
    @Args('first') first: number,
    @Args('after') after: string | undefined,
    @Context() context: GraphQLContext,
  ) {
    identityOf(context);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `must be between 1 and ${MAX_PAGE}`);
    const where: Prisma.FacilityWhereInput = {};
    if (gridId) where.gridId = gridId;
    if (level) where.level = fromGraphQLEnum(level);
    const rows = await this.prisma.facility.findMany({
      where,
      orderBy: { facilityId: 'asc' },
      take: first + 1,
      ...(after ? { cursor: { facilityId: decodeCursor(after) }, skip: 1 } : {}),
    });
    const page = await facilityViews(this.prisma, rows.slice(0, first));
    return {
      edges: page.map((node) => ({ cursor: encodeCursor(node.id), node })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page[page.length - 1].id) : null },
    };
  }

  @ResolveField('emergencyObservations')
  async emergencyObservations(@Parent() facility: { id: string }) {
    return countsView(await this.observations.countsOf('facility', facility.id));
  }
}
