import { Args, Context, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Identity, jurisdictionColumn, maySeePersonalData, ResidentArea } from '@gridcare/identity';
import { Prisma } from '../generated/prisma/client';
import { ResidentsPrisma } from '../database/residents-database.module';
import { areaColumn, jurisdictionSql, jurisdictionWhere } from '../identity/jurisdiction-filters';
import { identityOf, ResidentsContext } from '../identity/request-actor';
import { assertMayReadResident, readerOf } from '../identity/resident-access';
import { badInput } from './graphql-errors';
import { residentView, ruleSetView, triageDecisionView } from './resident-view';

interface ResidentFilter {
  districtId?: string;
  streetId?: string;
  communityId?: string;
  gridId?: string;
  tier?: string;
}

const AREA_FIELDS = ['districtId', 'streetId', 'communityId', 'gridId'] as const;
const MAX_PAGE = 500;

const encodeCursor = (residentId: string) => Buffer.from(residentId).toString('base64url');
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

@Resolver('Resident')
export class ResidentsQueryResolver {
  constructor(private readonly prisma: ResidentsPrisma) {}

  /** null when there is no such resident; FORBIDDEN when they live outside the jurisdiction. */
  @Query('resident')
  async resident(@Args('id') id: string, @Context() context: ResidentsContext) {
    return this.residentFor(readerOf(context), id);
  }

  /** A resident another subgraph names (the gateway asks on behalf of the same identity): as resident(id). */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: ResidentsContext) {
    return this.residentFor(readerOf(context), reference.id);
  }

  private async residentFor(identity: Identity, id: string) {
    const row = await this.prisma.resident.findUnique({ where: { residentId: id } }).catch(() => null);
    if (!row) return null;
    assertMayReadResident(identity, row, id);
    return residentView(row);
  }

  /** Personal data: null unless the role may see it (docs/access.md). */
  @ResolveField('nationalId')
  nationalId(@Parent() resident: { id: string; nationalId: string | null }, @Context() context: ResidentsContext) {
    return shownPersonalData(resident, 'nationalId', resident.nationalId, context);
  }

  @ResolveField('phone')
  phone(@Parent() resident: { id: string; phone: string | null }, @Context() context: ResidentsContext) {
    return shownPersonalData(resident, 'phone', resident.phone, context);
  }

  /** One area at a time, keyset-paginated in (tier, id) order on the area's index; only residents in jurisdiction. */
  @Query('residents')
  async residents(@Context() context: ResidentsContext, @Args('filter') filter: ResidentFilter, @Args('first') first: number, @Args('after') after?: string) {
    const identity = readerOf(context);
    const areas = AREA_FIELDS.filter((field) => filter[field]);
    if (areas.length !== 1) throw badInput('filter', 'give exactly one of districtId, streetId, communityId or gridId');
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `must be between 1 and ${MAX_PAGE}`);
    const where: Prisma.ResidentWhereInput = { [areas[0]]: filter[areas[0]], AND: [jurisdictionWhere(identity.jurisdiction)] };
    if (filter.tier) where.tier = filter.tier.toLowerCase();
    const rows = await this.prisma.resident.findMany({
      where,
      orderBy: [{ tier: 'asc' }, { residentId: 'asc' }],
      take: first + 1,
      ...(after ? { cursor: { residentId: decodeCursor(after) }, skip: 1 } : {}),
    });
    const page = rows.slice(0, first);
    return {
      edges: page.map((row) => ({ cursor: encodeCursor(row.residentId), node: residentView(row) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page[page.length - 1].residentId) : null },
    };
  }

  @ResolveField('triageDecisions')
  async triageDecisions(@Parent() resident: { id: string }) {
    const rows = await this.prisma.triageDecision.findMany({ where: { residentId: resident.id }, orderBy: { recordedAt: 'desc' } });
    return rows.map(triageDecisionView);
  }

  /**
   * The city's counts come from the tier-count read model; a smaller jurisdiction's are counted
   * from its residents, so an area partly outside it counts only the residents inside.
   */
  @Query('tierCounts')
  async tierCounts(@Context() context: ResidentsContext, @Args('level') level: string, @Args('areaIds') areaIds?: string[]) {
    const identity = readerOf(context);
    const rows = jurisdictionColumn(identity.jurisdiction)
      ? await this.tierCountsWithin(identity, level, areaIds)
      : await this.prisma.tierCount.findMany({
          where: { level: level.toLowerCase(), ...(areaIds?.length ? { areaId: { in: areaIds } } : {}) },
          orderBy: { areaId: 'asc' },
        });
    const byArea = new Map<string, { level: string; areaId: string; red: number; yellow: number; green: number; total: number }>();
    for (const row of rows) {
      const count = byArea.get(row.areaId) ?? { level, areaId: row.areaId, red: 0, yellow: 0, green: 0, total: 0 };
      count[row.tier as 'red' | 'yellow' | 'green'] += row.residents;
      count.total += row.residents;
      byArea.set(row.areaId, count);
    }
    return [...byArea.values()];
  }

  private tierCountsWithin(identity: Identity, level: string, areaIds?: string[]) {
    const column = areaColumn(`${level.toLowerCase()}Id` as keyof ResidentArea);
    const inAreas = areaIds?.length ? Prisma.sql`AND ${column} = ANY(${areaIds}::text[])` : Prisma.empty;
    return this.prisma.$queryRaw<{ areaId: string; tier: string; residents: number }[]>`
      SELECT ${column} AS "areaId", tier, count(*)::int AS residents FROM residents.residents
      WHERE ${jurisdictionSql(identity.jurisdiction)} AND tier IN ('red', 'yellow', 'green') ${inAreas}
      GROUP BY 1, 2 ORDER BY 1`;
  }

  @Query('triageRuleSet')
  async triageRuleSet(@Context() context: ResidentsContext, @Args('version') version?: string) {
    readerOf(context);
    return this.ruleSet(version);
  }

  /** The rule set in force, or the version asked for. */
  async ruleSet(version?: string) {
    const row = version
      ? await this.prisma.triageRuleSet.findUnique({ where: { version } })
      : await this.prisma.triageRuleSet.findFirst({ orderBy: { sequence: 'desc' } });
    return row ? ruleSetView(row) : null;
  }

  @Query('triageRollout')
  async triageRollout(@Context() context: ResidentsContext, @Args('version') version: string) {
    readerOf(context);
    const row = await this.prisma.triageRollout.findUnique({ where: { version } });
    return row
      ? { ...row, startedAt: row.startedAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null }
      : null;
  }

  @Query('triageRuleSets')
  async triageRuleSets(@Context() context: ResidentsContext) {
    readerOf(context);
    return (await this.prisma.triageRuleSet.findMany({ orderBy: { sequence: 'asc' } })).map(ruleSetView);
  }
}

/** A personal-data field's value for this reader: null unless their role may see it; shown ones are recorded. */
function shownPersonalData(resident: { id: string }, field: 'nationalId' | 'phone', value: string | null, context: ResidentsContext): string | null {
  if (value === null || !maySeePersonalData(identityOf(context).role)) return null;
  context.personalDataReads?.shown(resident.id, field);
  return value;
}
