import { GENESIS_HASH } from '../integrity/event-hash';
import { ExpectedRevision } from '../port/expected-revision';
import { EventStoreTables } from './sql-names';

const COLUMNS = '(stream_id, stream_revision, event_id, event_type, schema_version, data, metadata, hash)';
/** $7 holds the content hashes, except for `no_stream`, whose chain hashes Node computes (it starts at genesis). */
const EVENTS = 'unnest($2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[], $7::text[]) WITH ORDINALITY AS e(id, type, version, data, metadata, given_hash, ord)';
const SUMMARY = `SELECT max(stream_revision)::int AS next_revision, max(global_position)::text AS last_position, max(transaction_id::text) AS last_tx FROM inserted`;

/**
 * The chain over the appended events' content hashes ($7), from the hash in `prev` (the
 * previous event's, or genesis): hash_i = sha256(utf8(hash_(i-1) || content_i)), in hex, exactly
 * as chainHash() in Node. No row in `prev`, no chain, nothing inserted.
 */
const CHAIN = `chain(ord, hash) AS (
  SELECT 0, p.hash FROM prev p
  UNION ALL
  SELECT c.ord + 1, encode(sha256(convert_to(c.hash || ($7::text[])[c.ord + 1], 'UTF8')), 'hex')
  FROM chain c WHERE c.ord < cardinality($7::text[])
)`;

/**
 * The stream's head: its last revision and hash, in the same statement. It only moves forwards, so a
 * stream whose events were deleted and then created again keeps the evidence.
 */
function headUpsert(heads: string): string {
  return `head AS (
  INSERT INTO ${heads} (stream_id, revision, hash)
  SELECT $1, i.stream_revision, i.hash FROM inserted i ORDER BY i.stream_revision DESC LIMIT 1
  ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision, hash = EXCLUDED.hash
  WHERE ${heads}.revision < EXCLUDED.revision
)`;
}

const RETURNING = 'RETURNING stream_revision, global_position, transaction_id, hash';

/**
 * One statement, one round trip, no explicit transaction. The primary key
 * (stream_id, stream_revision) settles races: of two writers expecting the same revision,
 * the second fails with a unique violation instead of overwriting.
 *
 * - `no_stream` inserts at revisions 0..n-1: the key refuses it when the stream exists.
 * - an exact revision r inserts at r+1.. only if revision r exists (its hash starts the
 *   chain): the key refuses it when the stream is past r, the missing row when it is short of r.
 * - `any` and `stream_exists` read the current revision and its hash, and look for the event
 *   ids first (a retried append must not be recorded twice at a later revision).
 *
 * Each event's hash chains from the one before it (integrity/event-hash.ts); an event written
 * before the chain existed has none, and what follows it chains from genesis.
 */
export function appendStatement(tables: EventStoreTables, expected: ExpectedRevision): string {
  const { events, heads } = tables;
  if (expected === 'no_stream') {
    return `WITH inserted AS (
  INSERT INTO ${events} ${COLUMNS}
  SELECT $1, e.ord - 1, e.id, e.type, e.version, e.data, e.metadata, e.given_hash FROM ${EVENTS}
  ${RETURNING}
), ${headUpsert(heads)} ${SUMMARY}`;
  }
  if (typeof expected === 'number') {
    return `WITH RECURSIVE prev AS (
  SELECT coalesce(hash, '${GENESIS_HASH}') AS hash FROM ${events} WHERE stream_id = $1 AND stream_revision = $8::bigint
), ${CHAIN},
inserted AS (
  INSERT INTO ${events} ${COLUMNS}
  SELECT $1, $8::bigint + e.ord, e.id, e.type, e.version, e.data, e.metadata, c.hash
  FROM ${EVENTS} JOIN chain c ON c.ord = e.ord
  ${RETURNING}
), ${headUpsert(heads)} ${SUMMARY}`;
  }
  const check = expected === 'stream_exists' ? 'l.revision IS NOT NULL' : 'true';
  return `WITH RECURSIVE last_event AS (
  SELECT r.stream_revision AS revision, r.hash FROM (SELECT 1) one
  LEFT JOIN LATERAL (SELECT stream_revision, hash FROM ${events} WHERE stream_id = $1 ORDER BY stream_revision DESC LIMIT 1) r ON true
),
prev AS (SELECT coalesce(hash, '${GENESIS_HASH}') AS hash FROM last_event),
${CHAIN},
already_recorded AS (
  SELECT count(*)::int AS found FROM ${events} WHERE stream_id = $1 AND event_id = ANY($2::uuid[])
),
inserted AS (
  INSERT INTO ${events} ${COLUMNS}
  SELECT $1, coalesce(l.revision, -1) + e.ord, e.id, e.type, e.version, e.data, e.metadata, c.hash
  FROM last_event l, already_recorded a, ${EVENTS} JOIN chain c ON c.ord = e.ord
  WHERE a.found = 0 AND ${check}
  ${RETURNING}
), ${headUpsert(heads)} ${SUMMARY}`;
}

export interface AppendRow {
  next_revision: number | null;
  last_position: string | null;
  last_tx: string | null;
}
