import { EventFilter } from '../port/event-store';
import { eventColumns } from './row-to-event';

/**
 * A forward page of the global log. Only rows written by transactions older than the
 * oldest one still running (`pg_snapshot_xmin`) are read: those can no longer be joined by
 * a late commit, so the order (transaction_id, global_position) is final for them. The
 * snapshot's xmin comes back with the page, so the caller can move its checkpoint past
 * filtered-out rows. The LEFT JOIN keeps one row even when the page is empty. The plain range
 * on transaction_id repeats what the row comparison says, for the planner: it estimates that
 * one, and so walks the log-order index from the checkpoint instead of scanning the whole log
 * when a filter matches few events.
 */
export function readAllStatement(events: string, filter: EventFilter | undefined): { sql: string; filterParams: unknown[] } {
  const conditions: string[] = [];
  const filterParams: unknown[] = [];
  if (filter?.eventTypes?.length) {
    filterParams.push(filter.eventTypes);
    conditions.push(`e.event_type = ANY($${3 + filterParams.length}::text[])`);
  }
  if (filter?.streamPrefixes?.length) {
    filterParams.push(filter.streamPrefixes.map((prefix) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`));
    conditions.push(`e.stream_id LIKE ANY($${3 + filterParams.length}::text[])`);
  }
  const filterSql = conditions.map((condition) => ` AND ${condition}`).join('');
  const sql = `
WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
SELECT s.xmin::text AS safe_xmin, page.*
FROM snapshot s
LEFT JOIN LATERAL (
  SELECT ${eventColumns('e')}
  FROM ${events} e
  WHERE (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)
    AND e.transaction_id >= $1::text::xid8 AND e.transaction_id < s.xmin${filterSql}
  ORDER BY e.transaction_id, e.global_position
  LIMIT $3
) page ON true`;
  return { sql, filterParams };
}

/** Are there committed events the log cannot hand out yet, held back by an older open transaction? */
export function heldBackStatement(events: string): string {
  return `SELECT EXISTS (SELECT 1 FROM ${events} WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())) AS held_back`;
}
