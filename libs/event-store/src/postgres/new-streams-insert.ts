import { Pool } from 'pg';
import { EventIdConflict, WrongExpectedVersion } from '../port/errors';
import { NewStream, NewStreamOutcome } from '../port/new-streams';
import { EventStoreTables } from './sql-names';
import { PreparedEvents } from './validate-append';
import { chainHashes, GENESIS_HASH } from '../integrity/event-hash';

/**
 * Every new stream's events in one INSERT. A stream that already has events is skipped whole
 * (NOT EXISTS); one that a racing writer creates meanwhile is skipped row by row by the keys
 * (ON CONFLICT), which the caller detects as a stream only partly written. Each stream's chain
 * starts at genesis, so Node computes the hashes ($8); the heads move in the same statement.
 */
function insertStatement(tables: EventStoreTables): string {
  const { events, heads } = tables;
  return `WITH inserted AS (
  INSERT INTO ${events} (stream_id, stream_revision, event_id, event_type, schema_version, data, metadata, hash)
  SELECT e.stream_id, e.revision, e.id, e.type, e.version, e.data, e.metadata, e.hash
  FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], $8::text[])
    WITH ORDINALITY AS e(stream_id, revision, id, type, version, data, metadata, hash, ord)
  WHERE NOT EXISTS (SELECT 1 FROM ${events} x WHERE x.stream_id = e.stream_id)
  ORDER BY e.ord
  ON CONFLICT DO NOTHING
  RETURNING stream_id, stream_revision, global_position, transaction_id, hash
),
head AS (
  INSERT INTO ${heads} (stream_id, revision, hash)
  SELECT DISTINCT ON (stream_id) stream_id, stream_revision, hash FROM inserted ORDER BY stream_id, stream_revision DESC
  ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision, hash = EXCLUDED.hash
  WHERE ${heads}.revision < EXCLUDED.revision
)
SELECT stream_id, stream_revision::int AS rev, global_position::text AS gp, transaction_id::text AS tx FROM inserted`;
}

interface InsertedRow {
  stream_id: string;
  rev: number;
  gp: string;
  tx: string;
}

export interface PreparedStream {
  readonly stream: NewStream;
  readonly prepared: PreparedEvents;
}

/**
 * Creates the streams in one transaction. Returns undefined, having written nothing, when a
 * racing writer created one of them meanwhile: the caller then creates them one by one.
 */
export async function insertNewStreams(pool: Pool, tables: EventStoreTables, streams: readonly PreparedStream[]): Promise<NewStreamOutcome[] | undefined> {
  const columns: unknown[][] = [[], [], [], [], [], [], [], []];
  for (const { stream, prepared } of streams) {
    const hashes = chainHashes(GENESIS_HASH, prepared.contentHashes);
    prepared.ids.forEach((id, index) => {
      columns[0].push(stream.streamId);
      columns[1].push(index);
      columns[2].push(id);
      columns[3].push(prepared.types[index]);
      columns[4].push(prepared.versions[index]);
      columns[5].push(prepared.data[index]);
      columns[6].push(prepared.metadata[index]);
      columns[7].push(hashes[index]);
    });
  }
  const client = await pool.connect();
  let inserted: InsertedRow[];
  try {
    await client.query('BEGIN');
    inserted = (await client.query<InsertedRow>(insertStatement(tables), columns)).rows;
    const written = new Map<string, number>();
    for (const row of inserted) written.set(row.stream_id, (written.get(row.stream_id) ?? 0) + 1);
    const partly = streams.some(({ stream, prepared }) => {
      const count = written.get(stream.streamId) ?? 0;
      return count > 0 && count < prepared.ids.length;
    });
    if (partly) {
      await client.query('ROLLBACK');
      return undefined;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return outcomesOf(pool, tables, streams, inserted);
}

async function outcomesOf(pool: Pool, tables: EventStoreTables, streams: readonly PreparedStream[], inserted: InsertedRow[]): Promise<NewStreamOutcome[]> {
  const last = new Map<string, InsertedRow>();
  for (const row of inserted) if ((last.get(row.stream_id)?.rev ?? -1) < row.rev) last.set(row.stream_id, row);
  const skipped = streams.filter(({ stream }) => !last.has(stream.streamId)).map(({ stream }) => stream.streamId);
  const existing = await existingEvents(pool, tables, skipped);
  return streams.map(({ stream, prepared }) => {
    const row = last.get(stream.streamId);
    if (row) return appended(stream.streamId, row);
    // Skipped: the stream existed. A retry of the same events is an append that already happened.
    const recorded = existing.get(stream.streamId) ?? [];
    const ids = new Set(prepared.ids.map((id) => id.toLowerCase()));
    const repeated = recorded.filter((event) => ids.has(event.event_id.toLowerCase()));
    if (repeated.length === ids.size) return appended(stream.streamId, repeated[repeated.length - 1]);
    if (repeated.length > 0) return { streamId: stream.streamId, status: 'refused', error: new EventIdConflict(stream.streamId, repeated.map((event) => event.event_id)) };
    const actual = recorded.length ? recorded[recorded.length - 1].rev : null;
    return { streamId: stream.streamId, status: 'refused', error: new WrongExpectedVersion(stream.streamId, 'no_stream', actual) };
  });
}

function appended(streamId: string, row: Pick<InsertedRow, 'rev' | 'gp' | 'tx'>): NewStreamOutcome {
  return { streamId, status: 'appended', result: { nextExpectedRevision: row.rev, position: { commit: BigInt(row.tx), prepare: BigInt(row.gp) } } };
}

async function existingEvents(pool: Pool, tables: EventStoreTables, streamIds: string[]): Promise<Map<string, (InsertedRow & { event_id: string })[]>> {
  const byStream = new Map<string, (InsertedRow & { event_id: string })[]>();
  if (!streamIds.length) return byStream;
  const { rows } = await pool.query<InsertedRow & { event_id: string }>(
    `SELECT stream_id, event_id, stream_revision::int AS rev, global_position::text AS gp, transaction_id::text AS tx
     FROM ${tables.events} WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_revision`,
    [streamIds],
  );
  for (const row of rows) byStream.set(row.stream_id, [...(byStream.get(row.stream_id) ?? []), row]);
  return byStream;
}
