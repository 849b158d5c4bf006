import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Pool } from 'pg';
import { REFERRALS_POOL, ReferralsPrisma } from '../database/referrals-database.module';
import { queryParams, referralScope } from '../identity/referral-scope';
import { GraphQLContext, identityOf } from '../identity/request-actor';
import { referralView } from './referral-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The residents service's Resident entity, extended with the resident's referrals. */
@Resolver('Resident')
export class ResidentReferralsResolver {
  constructor(
    private readonly prisma: ReferralsPrisma,
    @Inject(REFERRALS_POOL) private readonly pool: Pool,
  ) {}

  /** The gateway sends { id }: the referrals are looked up by it. Called with (reference, context). */
  @ResolveReference()
  resolveReference(reference: { id: string }, context: GraphQLContext) {
    identityOf(context);
    return { id: reference.id };
  }

  /** Only the referrals the identity may read (referral-scope.ts): a list narrowed, never refused. */
  @ResolveField('referrals')
  async referrals(@Parent() resident: { id: string }, @Context() context: GraphQLContext) {
    const identity = identityOf(context);
    if (!UUID.test(resident.id)) return [];
    const { values, param } = queryParams([resident.id]);
    const scope = referralScope(identity, param);
    const { rows: ids } = await this.pool.query<{ referral_id: string }>(
      `SELECT r.referral_id FROM referrals.referrals r WHERE r.resident_id = $1::uuid${scope ? ` AND ${scope}` : ''}`,
      values,
    );
    if (!ids.length) return [];
    const rows = await this.prisma.referral.findMany({
      where: { referralId: { in: ids.map((row) => row.referral_id) } },
      orderBy: [{ requestedAt: 'desc' }, { referralId: 'asc' }],
    });
    return rows.map(referralView);
  }
}
