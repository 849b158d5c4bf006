import { Inject } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Identity } from '@gridcare/identity';
import { Clock, CLOCK } from '@gridcare/nest-event-sourcing';
import { cityDate } from '@gridcare/residents-domain';
import { Prisma } from '../generated/prisma/client';
import { mayReadWorklistOf } from '../assignment/worklist-roles';
import { ResidentsPrisma } from '../database/residents-database.module';
import { jurisdictionSql } from '../identity/jurisdiction-filters';
import { ResidentsContext } from '../identity/request-actor';
import { readerOf } from '../identity/resident-access';
import { toGraphQLEnum } from './graphql-enum';
import { badInput, forbidden } from './graphql-errors';
import { decodeWorklistCursor, encodeWorklistCursor } from './worklist-cursor';

const MAX_PAGE = 500;

interface WorklistRow {
  resident_id: string;
  full_name: string;
  tier: string | null;
  tier_rank: number;
  community_id: string;
  grid_id: string;
  follow_up_number: number;
  due_on: string;
  days_overdue: number;
  purposes: string[];
  escalated: boolean;
  referral_assistance: boolean;
  last_outcome: string | null;
  worker_id: string | null;
}

const entryView = (row: WorklistRow) => ({
  residentId: row.resident_id,
  fullName: row.full_name,
  tier: row.tier && row.tier.toUpperCase(),
  communityId: row.community_id,
  gridId: row.grid_id,
  followUpNumber: row.follow_up_number,
  dueOn: row.due_on,
  daysOverdue: row.days_overdue,
  purposes: row.purposes.map(toGraphQLEnum),
  escalated: row.escalated,
  referralAssistance: row.referral_assistance,
  lastOutcome: row.last_outcome && toGraphQLEnum(row.last_outcome),
  workerId: row.worker_id,
});

/**
 * The follow-up worklists: follow-ups due today or overdue as of the city's date, most days
 * overdue first, then red, yellow, green, then by name; keyset pages on the worklist's indexes.
 * Only residents in the reader's jurisdiction; a worker's worklist only to that worker or to
 * those who oversee workers (worklist-roles.ts).
 */
@Resolver('Resident')
export class WorklistQueryResolver {
  constructor(
    private readonly prisma: ResidentsPrisma,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ResolveField('assignedWorkerId')
  async assignedWorkerId(@Parent() resident: { id: string }) {
    const row = await this.prisma.followUpWorklist.findUnique({ where: { residentId: resident.id }, select: { workerId: true } });
    return row?.workerId ?? null;
  }

  @Query('workerWorklist')
  workerWorklist(@Context() context: ResidentsContext, @Args('workerId') workerId: string, @Args('first') first: number, @Args('after') after?: string | null) {
    const identity = worklistReaderOf(context, workerId);
    return this.page(Prisma.sql`worker_id = ${workerId} AND ${jurisdictionSql(identity.jurisdiction)}`, first, after);
  }

  @Query('communityWorklist')
  communityWorklist(@Context() context: ResidentsContext, @Args('communityId') communityId: string, @Args('first') first: number, @Args('after') after?: string | null) {
    const identity = readerOf(context);
    return this.page(Prisma.sql`community_id = ${communityId} AND ${jurisdictionSql(identity.jurisdiction)}`, first, after);
  }

  @Query('followUpsDue')
  async followUpsDue(@Context() context: ResidentsContext, @Args('communityId') communityId?: string | null, @Args('workerId') workerId?: string | null) {
    const identity = workerId ? worklistReaderOf(context, workerId) : readerOf(context);
    const asOf = cityDate(this.clock.now());
    const scope = [Prisma.sql`due_on <= ${asOf}::date`, jurisdictionSql(identity.jurisdiction)];
    if (communityId) scope.push(Prisma.sql`community_id = ${communityId}`);
    if (workerId) scope.push(Prisma.sql`worker_id = ${workerId}`);
    const [counts] = await this.prisma.$queryRaw<{ due_today: number; overdue: number }[]>`
      SELECT count(*) FILTER (WHERE due_on = ${asOf}::date)::int AS due_today, count(*) FILTER (WHERE due_on < ${asOf}::date)::int AS overdue
      FROM residents.follow_up_worklist WHERE ${Prisma.join(scope, ' AND ')}`;
    return { asOf, dueToday: counts.due_today, overdue: counts.overdue };
  }

  private async page(scope: Prisma.Sql, first: number, after?: string | null) {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `must be between 1 and ${MAX_PAGE}`);
    const asOf = cityDate(this.clock.now());
    const cursor = after ? decodeWorklistCursor(after) : null;
    // A row comparison in the index's order, so each page is a range scan from where the last ended.
    const from = cursor
      ? Prisma.sql`AND (due_on, tier_rank, full_name, resident_id) > (${cursor.dueOn}::date, ${cursor.tierRank}::smallint, ${cursor.fullName}, ${cursor.residentId}::uuid)`
      : Prisma.empty;
    const rows = await this.prisma.$queryRaw<WorklistRow[]>`
      SELECT resident_id::text, full_name, tier, tier_rank, community_id, grid_id, follow_up_number, due_on::text, (${asOf}::date - due_on) AS days_overdue,
        purposes, escalated, referral_assistance, last_outcome, worker_id
      FROM residents.follow_up_worklist
      WHERE ${scope} AND due_on <= ${asOf}::date ${from}
      ORDER BY due_on, tier_rank, full_name, resident_id
      LIMIT ${first + 1}`;
    const page = rows.slice(0, first);
    const cursorOf = (row: WorklistRow) => encodeWorklistCursor({ dueOn: row.due_on, tierRank: row.tier_rank, fullName: row.full_name, residentId: row.resident_id });
    return {
      asOf,
      edges: page.map((row) => ({ cursor: cursorOf(row), node: entryView(row) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? cursorOf(page[page.length - 1]) : null },
    };
  }
}

function worklistReaderOf(context: ResidentsContext, workerId: string): Identity {
  const identity = readerOf(context);
  if (!mayReadWorklistOf(identity, workerId)) throw forbidden(`role ${identity.role} may read only its own worklist (workerId ${identity.actorId})`);
  return identity;
}
