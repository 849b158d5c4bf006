import { Args, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Prisma } from '../generated/prisma/client';
import { ResidentsPrisma } from '../database/residents-database.module';
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

  @Query('resident')
  async resident(@Args('id') id: string) {
    const row = await this.prisma.resident.findUnique({ where: { residentId: id } }).catch(() => null);
    return row ? residentView(row) : null;
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }) {
    return this.resident(reference.id);
  }

  /** One area at a time, keyset-paginated in (tier, id) order on the area's index. */
  @Query('residents')
  async residents(@Args('filter') filter: ResidentFilter, @Args('first') first: number, @Args('after') after?: string) {
    const areas = AREA_FIELDS.filter((field) => filter[field]);
    if (areas.length !== 1) throw badInput('filter', 'give exactly one of districtId, streetId, communityId or gridId');
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `must be between 1 and ${MAX_PAGE}`);
    const where: Prisma.ResidentWhereInput = { [areas[0]]: filter[areas[0]] };
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

  @Query('tierCounts')
  async tierCounts(@Args('level') level: string, @Args('areaIds') areaIds?: string[]) {
    const rows = await this.prisma.tierCount.findMany({
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

  @Query('triageRuleSet')
  async triageRuleSet(@Args('version') version?: string) {
    const row = version
      ? await this.prisma.triageRuleSet.findUnique({ where: { version } })
      : await this.prisma.triageRuleSet.findFirst({ orderBy: { sequence: 'desc' } });
    return row ? ruleSetView(row) : null;
  }

  @Query('triageRollout')
  async triageRollout(@Args('version') version: string) {
    const row = await this.prisma.triageRollout.findUnique({ where: { version } });
    return row
      ? { ...row, startedAt: row.startedAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null }
      : null;
  }

  @Query('triageRuleSets')
  async triageRuleSets() {
    return (await this.prisma.triageRuleSet.findMany({ orderBy: { sequence: 'asc' } })).map(ruleSetView);
  }
}
