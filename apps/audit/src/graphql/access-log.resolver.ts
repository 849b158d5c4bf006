import { Inject } from '@nestjs/common';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { SubgraphContext } from '@gridcare/identity';
import { Pool } from 'pg';
import { AUDIT_POOL } from '../database/audit-database.module';
import { auditorOf, badInput } from './audit-access';

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
    if (after !== undefined && !/^\d+$/.test(after)) throw badInput('after: not a cursor this query gave');
    const { rows } = await this.pool.query<{ entry_id: string; at: Date; actor_id: string; actor_role: string; action: string; resident_id: string | null }>(
      `SELECT entry_id::text, at, actor_id, actor_role, action, resident_id::text FROM audit.access_log
        WHERE ($1::uuid IS NULL OR resident_id = $1::uuid) AND ($2::bigint IS NULL OR entry_id < $2::bigint)
        ORDER BY entry_id DESC LIMIT $3`,
      [residentId ?? null, after ?? null, first + 1],
    );
    const page = rows.slice(0, first);
    return {
      entries: page.map((row) => ({ at: row.at.toISOString(), actor: { id: row.actor_id, role: row.actor_role }, action: row.action, residentId: row.resident_id })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.at(-1)?.entry_id ?? null },
    };
  }
}
