import { Args, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { ReferralsPrisma } from '../database/referrals-database.module';
import { fromGraphQLEnum } from './graphql-enum';
import { badInput } from './graphql-errors';
import { decodeCursor, encodeCursor, facilityViewById } from './network-rows';
import { ReferralView, referralView, routingDecisionView } from './referral-view';

const MAX_PAGE = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver('Referral')
export class ReferralsQueryResolver {
  constructor(private readonly prisma: ReferralsPrisma) {}

  @Query('referral')
  async referral(@Args('id') id: string) {
    if (!UUID.test(id)) return null;
    const row = await this.prisma.referral.findUnique({ where: { referralId: id } });
    return row ? referralView(row) : null;
  }

  @ResolveReference()
  resolveReference(reference: { id: string }) {
    return this.referral(reference.id);
  }

  /** The referral desk: one facility's referrals in one status, the longest in it first, on the queue index. */
  @Query('referralQueue')
  async referralQueue(@Args('facilityId') facilityId: string, @Args('status') status: string, @Args('first') first: number, @Args('after') after?: string) {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `must be between 1 and ${MAX_PAGE}`);
    const cursor = after ? decodeCursor(after) : null;
    if (cursor !== null && !UUID.test(cursor)) throw badInput('after', 'not a cursor a referral queue gave');
    const rows = await this.prisma.referral.findMany({
      where: { facilityId, status: fromGraphQLEnum(status) },
      orderBy: [{ statusChangedAt: 'asc' }, { referralId: 'asc' }],
      take: first + 1,
      ...(cursor ? { cursor: { referralId: cursor }, skip: 1 } : {}),
    });
    const page = rows.slice(0, first).map(referralView);
    return {
      edges: page.map((node) => ({ cursor: encodeCursor(node.id), node })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page[page.length - 1].id) : null },
    };
  }

  @ResolveField('decision')
  async decision(@Parent() referral: ReferralView) {
    const row = await this.prisma.routingDecision.findUniqueOrThrow({ where: { decisionId: referral.decisionId } });
    return routingDecisionView(row);
  }

  @ResolveField('decisions')
  async decisions(@Parent() referral: ReferralView) {
    const rows = await this.prisma.routingDecision.findMany({ where: { referralId: referral.id }, orderBy: { streamRevision: 'asc' } });
    return rows.map(routingDecisionView);
  }

  @ResolveField('facility')
  facility(@Parent() referral: ReferralView) {
    return facilityViewById(this.prisma, referral.facilityId);
  }

  @ResolveField('fromFacility')
  fromFacility(@Parent() referral: ReferralView) {
    return facilityViewById(this.prisma, referral.fromFacilityId);
  }
}
