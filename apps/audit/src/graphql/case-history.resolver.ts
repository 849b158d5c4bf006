import { Inject } from '@nestjs/common';
import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EventStore, RecordedEvent } from '@gridcare/event-store';
import { SubgraphContext } from '@gridcare/identity';
import { EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { Pool } from 'pg';
import { caseHistoryPage, causationChains, CaseHistoryRow } from '../case-history/case-history.queries';
import { AUDIT_POOL } from '../database/audit-database.module';
import { recordAccess } from './access-log';
import { auditorOf, badInput, residentIdArgument } from './audit-access';

interface EntryView {
  position: string;
  eventId: string;
  streamId: string;
  streamRevision: number;
  type: string;
  recordedAt: string;
  actor: { id: string; role: string };
  summary: string;
  why: unknown;
  correlationId: string;
  causedBy: { eventId: string; type: string; summary: string; actor: { id: string; role: string } }[];
}

function parseCursor(after: string | undefined): [string, string] | null {
  if (!after) return null;
  const match = /^(\d+)\/(\d+)$/.exec(after);
  if (!match) throw badInput('after: not a cursor this query gave (commit/prepare)');
  return [match[1], match[2]];
}

@Resolver('CaseHistoryEntry')
export class CaseHistoryResolver {
  constructor(
    @Inject(AUDIT_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Query('caseHistory')
  async caseHistory(
    @Args('residentId') residentId: string,
    @Args('first', { type: () => Int }) first: number,
    @Args('after') after: string | undefined,
    @Context() context: SubgraphContext,
  ) {
    const auditor = auditorOf(context);
    const id = residentIdArgument(residentId);
    if (!Number.isInteger(first) || first < 1 || first > 500) throw badInput('first: 1 to 500');
    const rows = await caseHistoryPage(this.pool, id, parseCursor(after), first + 1);
    const page = rows.slice(0, first);
    const causes = await causationChains(this.pool, page.map((row) => ({ eventId: row.event_id, causationId: row.causation_id })));
    await recordAccess(this.store, auditor, 'case-history', id);
    const entries = page.map((row) => this.view(row, causes.filter((cause) => cause.start_id === row.event_id)));
    return {
      residentId,
      entries,
      pageInfo: { hasNextPage: rows.length > first, endCursor: entries.at(-1)?.position ?? null },
    };
  }

  /** The raw event; a page's entries of one stream share one read of it (per request). */
  @ResolveField('raw')
  async raw(@Parent() entry: EntryView, @Context() context: SubgraphContext) {
    let streams = this.streamsRead.get(context);
    if (!streams) this.streamsRead.set(context, (streams = new Map()));
    let events = streams.get(entry.streamId);
    if (!events) streams.set(entry.streamId, (events = this.store.readStream(entry.streamId)));
    const event = (await events)[entry.streamRevision];
    if (!event || event.id !== entry.eventId) return null;
    return { schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata };
  }

  private readonly streamsRead = new WeakMap<object, Map<string, Promise<RecordedEvent[]>>>();

  private view(row: CaseHistoryRow, causes: Awaited<ReturnType<typeof causationChains>>): EntryView {
    return {
      position: `${row.commit_position}/${row.prepare_position}`,
      eventId: row.event_id,
      streamId: row.stream_id,
      streamRevision: row.stream_revision,
      type: row.event_type,
      recordedAt: row.recorded_at.toISOString(),
      actor: { id: row.actor_id, role: row.actor_role },
      summary: row.summary,
      why: row.why,
      correlationId: row.correlation_id,
      causedBy: causes.map((cause) => ({ eventId: cause.event_id, type: cause.event_type, summary: cause.summary, actor: { id: cause.actor_id, role: cause.actor_role } })),
    };
  }
}
