import { EventMetadata, RecordedEvent } from '../port/event-envelope';

/** The columns every read selects, optionally qualified by a table alias. */
export function eventColumns(alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return `${a}global_position::text AS gp, ${a}transaction_id::text AS tx, ${a}stream_id, ${a}stream_revision::int AS rev, ${a}event_id, ${a}event_type, ${a}schema_version, ${a}data, ${a}metadata, ${a}recorded_at, ${a}hash`;
}

export interface EventRow {
  gp: string;
  tx: string;
  stream_id: string;
  rev: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
  hash: string | null;
}

export function rowToEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    revision: row.rev,
    position: { commit: BigInt(row.tx), prepare: BigInt(row.gp) },
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    ...(row.hash ? { hash: row.hash } : {}),
  };
}
