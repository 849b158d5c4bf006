import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Jurisdiction } from '@gridcare/identity';
import { Prisma } from '../generated/prisma/client';
import type { CommunitySupplies, ResidentSupplies } from '../generated/prisma/client';
import { ResidentsPrisma } from '../database/residents-database.module';
import { jurisdictionSql } from '../identity/jurisdiction-filters';
import { ResidentsContext } from '../identity/request-actor';
import { readerOf } from '../identity/resident-access';
import { badInput } from './graphql-errors';

const MAX_COMMUNITIES = 1000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function suppliesView(row: ResidentSupplies | null) {
  return {
    contactServiceCard:
      row?.cardId && row.cardCommunityId && row.cardIssuedOn
        ? {
            id: row.cardId,
            communityId: row.cardCommunityId,
            communityPhone: row.communityPhone,
            familyDoctorHotline: row.familyDoctorHotline,
            emergencyNumber: row.emergencyNumber,
            issuedOn: isoDate(row.cardIssuedOn),
            issuedBy: row.cardIssuedBy,
            replacesCardId: row.cardReplacesCardId,
          }
        : null,
    healthKitsHandedOut: row?.healthKitsHandedOut ?? 0,
    fingerOximeter:
      row?.oximeterSerialNumber && row.oximeterCommunityId && row.oximeterHandedOutAt
        ? { serialNumber: row.oximeterSerialNumber, communityId: row.oximeterCommunityId, handedOutAt: row.oximeterHandedOutAt.toISOString() }
        : null,
  };
}

const communityView = (communityId: string, row: CommunitySupplies | undefined) => ({
  communityId,
  residentsWithCard: row?.residentsWithCard ?? 0,
  cardsIssued: row?.cardsIssued ?? 0,
  healthKitsHandedOut: row?.healthKitsHandedOut ?? 0,
  fingerOximetersOut: row?.oximetersOut ?? 0,
});

@Resolver('Resident')
export class SuppliesQueryResolver {
  constructor(private readonly prisma: ResidentsPrisma) {}

  @ResolveField('supplies')
  async supplies(@Parent() resident: { id: string }) {
    return suppliesView(await this.prisma.residentSupplies.findUnique({ where: { residentId: resident.id } }));
  }

  /** Only the communities in the reader's jurisdiction among those asked for. */
  @Query('suppliesByCommunity')
  async suppliesByCommunity(@Context() context: ResidentsContext, @Args('communityIds') asked: string[]) {
    const identity = readerOf(context);
    if (asked.length === 0 || asked.length > MAX_COMMUNITIES) throw badInput('communityIds', `give 1 to ${MAX_COMMUNITIES} communities`);
    const communityIds = await this.communitiesWithin(identity.jurisdiction, asked);
    const rows = await this.prisma.communitySupplies.findMany({ where: { communityId: { in: communityIds } } });
    const byCommunity = new Map(rows.map((row) => [row.communityId, row]));
    return [...new Set(communityIds)].map((communityId) => communityView(communityId, byCommunity.get(communityId)));
  }

  /**
   * A community jurisdiction names its communities; a district or street holds the communities
   * of its residents; for grids (which cut across communities) a community where any of its
   * residents lives. Community counts cannot be split by grid.
   */
  private async communitiesWithin(jurisdiction: Jurisdiction, communityIds: string[]): Promise<string[]> {
    if (jurisdiction.level === 'city') return communityIds;
    if (jurisdiction.level === 'community') return communityIds.filter((communityId) => jurisdiction.ids.includes(communityId));
    const rows = await this.prisma.$queryRaw<{ community_id: string }[]>(
      Prisma.sql`SELECT DISTINCT community_id FROM residents.residents WHERE community_id = ANY(${communityIds}::text[]) AND ${jurisdictionSql(jurisdiction)}`,
    );
    const within = new Set(rows.map((row) => row.community_id));
    return communityIds.filter((communityId) => within.has(communityId));
  }
}
