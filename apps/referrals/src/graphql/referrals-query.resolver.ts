import { Inject } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Pool } from 'pg';
import { REFERRALS_POOL, ReferralsPrisma } from '../database/referrals-database.module';
import { ReferralAccess } from '../identity/referral-access';
import { queryParams, referralScope } from '../identity/referral-scope';
import { GraphQLContext, identityOf } from '../identity/request-actor';
import { fromGraphQLEnum } from './graphql-enum';
import { badInput } from './graphql-errors';
import { decodeCursor, encodeCursor, facilityViewById } from './network-rows';
import { ReferralView, referralView, routingDecisionView } from './referral-view';

const MAX_PAGE = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver('Referral')
export class ReferralsQueryResolver {
  constructor(
    private readonly prisma: ReferralsPrisma,
    private readonly access: ReferralAccess,
    @Inject(REFERRALS_POOL) private readonly pool: Pool,
  ) {}

  /** FORBIDDEN when the identity may not read this referral (a desk: one not involving its facility). */
  @Query('referral')
  async referral(@Args('id') id: string, @Context() context: GraphQLContext) {
    const identity = identityOf(context);
    this.access.assertReadsReferrals(identity, 'referrals');
    if (!UUID.test(id)) return null;
    await this.access.assertMayRead(identity, id);
    const row = await this.prisma.referral.findUnique({ where: { referralId: id } });
    return row ? referralView(row) : null;
  }

  /** The gateway's `_entities`: called with (reference, context), no argument decorators. */
  @ResolveReference()
  resolveReference(reference: { id: string }, context: GraphQLContext) {
    return this.referral(reference.id, context);
  }

  /** The referral desk: one facility's referrals in one status, the longest in it first, on the queue index. */
  @Query('referralQueue')
  async referralQueue(
    @Args('facilityId') facilityId: string,
    @Args('status') status: string,
    @Args('first') first: number,
    @Args('after') after: string | undefined,
    @Context() context: GraphQLContext,
  ) {
    const identity = identityOf(context);
    this.access.assertReadsReferrals(identity, 'referral queues');
    this.access.assertOwnFacility(identity, facilityId, 'read the referral queue');
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `must be between 1 and ${MAX_PAGE}`);
    const cursor = after ? decodeCursor(after) : null;
    if (cursor !== null && !UUID.test(cursor)) throw badInput('after', 'not a cursor a referral queue gave');
    // Narrowed to the referrals the identity may read (referral-scope.ts), on the queue index.
    const { values, param } = queryParams([facilityId, fromGraphQLEnum(status)]);
    const conditions = ['r.facility_id = $1', 'r.status = $2'];
    if (cursor) conditions.push(`(r.status_changed_at, r.referral_id) > (SELECT c.status_changed_at, c.referral_id FROM referrals.referrals c WHERE c.referral_id = ${param(cursor)}::uuid)`);
    const scope = referralScope(identity, param);
    if (scope) conditions.push(scope);
    const { rows: ids } = await this.pool.query<{ referral_id: string }>(
      `SELECT r.referral_id FROM referrals.referrals r WHERE ${conditions.join(' AND ')} ORDER BY r.status_changed_at, r.referral_id LIMIT ${param(first + 1)}`,
      values,
    );
    const found = await this.prisma.referral.findMany({ where: { referralId: { in: ids.map((row) => row.referral_id) } } });
    const byId = new Map(found.map((row) => [row.referralId, row]));
    const rows = ids.flatMap(({ referral_id }) => byId.get(referral_id) ?? []);
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
