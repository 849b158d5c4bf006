import { Inject } from '@nestjs/common';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { SubgraphContext } from '@gridcare/identity';
import { Pool } from 'pg';
import { AUDIT_POOL } from '../database/audit-database.module';
import { auditorOf, badInput, residentIdArgument } from './audit-access';

interface AccessLogRow {
  commit: string;
  prepare: string;
  ordinal: number;
  at: Date;
  actor_id: string;
  actor_role: string;
  action: string;
  resident_id: string;
}

@Resolver()
export class AccessLogResolver {
  constructor(@Inject(AUDIT_POOL) private readonly pool: Pool) {}

  @Query('accessLog')
  async accessLog(
    @Args('residentId') residentId: string | undefined,
    @Args('first', { type: () => Int }) first: number,
    @Args('after') after: string | undefined,
    @Context() context: SubgraphContext,
  ) {
    auditorOf(context);
    if (!Number.isInteger(first) || first < 1 || first > 500) throw badInput('first: 1 to 500');
    const cursor = after ? /^(\d+)\/(\d+)\/(\d+)$/.exec(after) : null;
    if (after && !cursor) throw badInput('after: not a cursor this query gave (commit/prepare/ordinal)');
    const id = residentId ? residentIdArgument(residentId) : null;
    // Newest first, in log order: a cursor is the last entry's position and its place in the event.
    const { rows } = await this.pool.query<AccessLogRow>(
      `SELECT commit_position::text AS commit, prepare_position::text AS prepare, ordinal, at, actor_id, actor_role, action, resident_id::text
         FROM audit.access_log
        WHERE ($1::uuid IS NULL OR resident_id = $1::uuid)
          AND ($2::numeric IS NULL OR (commit_position, prepare_position, ordinal) < ($2::numeric, $3::numeric, $4::int))
        ORDER BY commit_position DESC, prepare_position DESC, ordinal DESC LIMIT $5`,
      [id, cursor?.[1] ?? null, cursor?.[2] ?? null, cursor?.[3] ?? null, first + 1],
    );
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      entries: page.map((row) => ({ at: row.at.toISOString(), actor: { id: row.actor_id, role: row.actor_role }, action: row.action, residentId: row.resident_id })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? `${last.commit}/${last.prepare}/${last.ordinal}` : null },
    };
  }
}
