import { ExpectedRevision } from '../port/expected-revision';

const COLUMNS = '(stream_id, stream_revision, event_id, event_type, schema_version, data, metadata)';
const EVENTS = 'unnest($2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY AS e(id, type, version, data, metadata, ord)';
const SUMMARY = `SELECT max(stream_revision)::int AS next_revision, max(global_position)::text AS last_position, max(transaction_id::text) AS last_tx FROM inserted`;

/**
 * One statement, one round trip, no explicit transaction. The primary key
 * (stream_id, stream_revision) settles races: of two writers expecting the same revision,
 * the second fails with a unique violation instead of overwriting.
 *
 * - `no_stream` inserts at revisions 0..n-1: the key refuses it when the stream exists.
 * - an exact revision r inserts at r+1.. only if revision r exists: the key refuses it when
 *   the stream is past r, the EXISTS when it is short of r.
 * - `any` and `stream_exists` read the current revision, and look for the event ids first
 *   (a retried append must not be recorded twice at a later revision).
 */
export function appendStatement(events: string, expected: ExpectedRevision): string {
  if (expected === 'no_stream') {
    return `WITH inserted AS (
  INSERT INTO ${events} ${COLUMNS}
  SELECT $1, e.ord - 1, e.id, e.type, e.version, e.data, e.metadata FROM ${EVENTS}
  RETURNING stream_revision, global_position, transaction_id
) ${SUMMARY}`;
  }
  if (typeof expected === 'number') {
    return `WITH inserted AS (
  INSERT INTO ${events} ${COLUMNS}
  SELECT $1, $7::bigint + e.ord, e.id, e.type, e.version, e.data, e.metadata FROM ${EVENTS}
  WHERE EXISTS (SELECT 1 FROM ${events} WHERE stream_id = $1 AND stream_revision = $7::bigint)
  RETURNING stream_revision, global_position, transaction_id
) ${SUMMARY}`;
  }
  const check = expected === 'stream_exists' ? 'c.revision IS NOT NULL' : 'true';
  return `WITH current_revision AS (
  SELECT max(stream_revision) AS revision FROM ${events} WHERE stream_id = $1
),
already_recorded AS (
  SELECT count(*)::int AS found FROM ${events} WHERE stream_id = $1 AND event_id = ANY($2::uuid[])
),
inserted AS (
  INSERT INTO ${events} ${COLUMNS}
  SELECT $1, coalesce(c.revision, -1) + e.ord, e.id, e.type, e.version, e.data, e.metadata
  FROM current_revision c, already_recorded a, ${EVENTS}
  WHERE a.found = 0 AND ${check}
  RETURNING stream_revision, global_position, transaction_id
) ${SUMMARY}`;
}

export interface AppendRow {
  next_revision: number | null;
  last_position: string | null;
  last_tx: string | null;
}
