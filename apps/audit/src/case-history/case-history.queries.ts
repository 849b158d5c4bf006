import { Pool } from 'pg';

export interface CaseHistoryRow {
  commit_position: string;
  prepare_position: string;
  event_id: string;
  stream_id: string;
  stream_revision: number;
  event_type: string;
  recorded_at: Date;
  actor_id: string;
  actor_role: string;
  correlation_id: string;
  causation_id: string | null;
  summary: string;
  why: unknown;
}

export interface CauseRow {
  start_id: string;
  depth: number;
  event_id: string;
  event_type: string;
  summary: string;
  actor_id: string;
  actor_role: string;
}

/** One page of a resident's history: a keyset range of the index's primary key. */
export async function caseHistoryPage(pool: Pool, residentId: string, after: [string, string] | null, limit: number): Promise<CaseHistoryRow[]> {
  const { rows } = await pool.query<CaseHistoryRow>(
    `SELECT commit_position::text, prepare_position::text, event_id, stream_id, stream_revision, event_type, recorded_at, actor_id, actor_role,
            correlation_id, causation_id, summary, why
       FROM audit.case_history
      WHERE resident_id = $1 AND ($2::numeric IS NULL OR (commit_position, prepare_position) > ($2::numeric, $3::numeric))
      ORDER BY commit_position, prepare_position
      LIMIT $4`,
    [residentId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  return rows;
}

/** Causation ids that name an event (a UUID); others (a command's id, say) end a chain. */
const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const UUID = new RegExp(UUID_PATTERN);

/** The causation chains of a page's entries in one query, nearest cause first, ten deep at most. */
export async function causationChains(pool: Pool, entries: { eventId: string; causationId: string | null }[]): Promise<CauseRow[]> {
  const starts = entries.filter((entry) => entry.causationId !== null && UUID.test(entry.causationId));
  if (starts.length === 0) return [];
  const { rows } = await pool.query<CauseRow>(
    `WITH RECURSIVE chain(start_id, cause_id, depth) AS (
       SELECT s.start_id, s.cause_id::uuid, 1 FROM unnest($1::uuid[], $2::text[]) AS s(start_id, cause_id)
       UNION ALL
       SELECT c.start_id, next.causation_id::uuid, c.depth + 1
         FROM chain c
         CROSS JOIN LATERAL (SELECT causation_id FROM audit.case_history WHERE event_id = c.cause_id LIMIT 1) next
        WHERE c.depth < 10 AND next.causation_id ~ $3
     )
     SELECT c.start_id::text, c.depth, h.event_id::text, h.event_type, h.summary, h.actor_id, h.actor_role
       FROM chain c
       CROSS JOIN LATERAL (SELECT event_id, event_type, summary, actor_id, actor_role FROM audit.case_history WHERE event_id = c.cause_id LIMIT 1) h
      ORDER BY c.start_id, c.depth`,
    [starts.map((entry) => entry.eventId), starts.map((entry) => entry.causationId), UUID_PATTERN],
  );
  return rows;
}
