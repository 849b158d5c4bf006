import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { ReferralsPrisma } from '../database/referrals-database.module';
import { referralView } from './referral-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The residents service's Resident entity, extended with the resident's referrals. */
@Resolver('Resident')
export class ResidentReferralsResolver {
  constructor(private readonly prisma: ReferralsPrisma) {}

  /** The gateway sends { id }: the referrals are looked up by it. */
  @ResolveReference()
  resolveReference(reference: { id: string }) {
    return { id: reference.id };
  }

  @ResolveField('referrals')
  async referrals(@Parent() resident: { id: string }) {
    if (!UUID.test(resident.id)) return [];
    const rows = await this.prisma.referral.findMany({ where: { residentId: resident.id }, orderBy: [{ requestedAt: 'desc' }, { referralId: 'asc' }] });
    return rows.map(referralView);
  }
}
