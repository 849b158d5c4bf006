import { ExpectedRevision } from '../port/expected-revision';

/**
 * One statement does the whole append: read the stream's current revision, look for the
 * event ids already recorded (idempotent retries), check the expectation and insert the
 * events with consecutive revisions. The primary key (stream_id, stream_revision) settles
 * races: of two writers expecting the same revision, the second fails with a unique
 * violation instead of overwriting. One round trip, no explicit transaction.
 */
export function appendStatement(events: string, expected: ExpectedRevision): string {
  return `
WITH current_revision AS (
  SELECT max(stream_revision) AS revision FROM ${events} WHERE stream_id = $1
),
already_recorded AS (
  SELECT count(*)::int AS found FROM ${events} WHERE stream_id = $1 AND event_id = ANY($2::uuid[])
),
inserted AS (
  INSERT INTO ${events} (stream_id, stream_revision, event_id, event_type, schema_version, data, metadata)
  SELECT $1, coalesce(c.revision, -1) + e.ord, e.id, e.type, e.version, e.data, e.metadata
  FROM current_revision c, already_recorded a,
       unnest($2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY AS e(id, type, version, data, metadata, ord)
  WHERE a.found = 0 AND ${expectationCheck(expected)}
  RETURNING stream_revision, global_position, transaction_id
)
SELECT (SELECT revision FROM current_revision)::int AS current_revision,
       a.found,
       (SELECT max(stream_revision) FROM inserted)::int AS next_revision,
       (SELECT max(global_position) FROM inserted)::text AS last_position,
       (SELECT max(transaction_id::text) FROM inserted) AS last_tx
FROM already_recorded a`;
}

function expectationCheck(expected: ExpectedRevision): string {
  if (expected === 'any') return 'true';
  if (expected === 'no_stream') return 'c.revision IS NULL';
  if (expected === 'stream_exists') return 'c.revision IS NOT NULL';
  return 'c.revision = $7';
}

export interface AppendRow {
  current_revision: number | null;
  found: number;
  next_revision: number | null;
  last_position: string | null;
  last_tx: string | null;
}
