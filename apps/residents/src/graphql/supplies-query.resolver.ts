import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CommunitySupplies, ResidentSupplies } from '../generated/prisma/client';
import { ResidentsPrisma } from '../database/residents-database.module';
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

  @Query('suppliesByCommunity')
  async suppliesByCommunity(@Args('communityIds') communityIds: string[]) {
    if (communityIds.length === 0 || communityIds.length > MAX_COMMUNITIES) throw badInput('communityIds', `give 1 to ${MAX_COMMUNITIES} communities`);
    const rows = await this.prisma.communitySupplies.findMany({ where: { communityId: { in: communityIds } } });
    const byCommunity = new Map(rows.map((row) => [row.communityId, row]));
    return [...new Set(communityIds)].map((communityId) => communityView(communityId, byCommunity.get(communityId)));
  }
}
