import { randomUUID } from 'node:crypto';
import { EventToAppend } from '../port/event-envelope';
import { InvalidAppend } from '../port/errors';
import { ExpectedRevision } from '../port/expected-revision';
import { canonicalJsonText, contentHashOfCanonical } from '../integrity/event-hash';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PreparedEvents {
  ids: string[];
  types: string[];
  versions: number[];
  data: string[];
  metadata: string[];
  /** Each event's content hash (see integrity/event-hash.ts), over the JSON as stored. */
  contentHashes: string[];
}

/** Checks an append before it reaches storage and serialises its events. */
export function prepareAppend(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): PreparedEvents {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new InvalidAppend('stream id must be a non-empty string');
  if (events.length === 0) throw new InvalidAppend(`stream ${streamId}: nothing to append`);
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
    throw new InvalidAppend(`stream ${streamId}: expected revision must be a whole number >= 0, got ${expected}`);
  }
  const prepared: PreparedEvents = { ids: [], types: [], versions: [], data: [], metadata: [], contentHashes: [] };
  const seen = new Set<string>();
  for (const [index, event] of events.entries()) {
    const id = event.id ?? randomUUID();
    if (!UUID.test(id)) throw new InvalidAppend(`stream ${streamId}: event ${index} has an id that is not a UUID: ${id}`);
    if (seen.has(id.toLowerCase())) throw new InvalidAppend(`stream ${streamId}: event id ${id} appears twice in one append`);
    seen.add(id.toLowerCase());
    if (!event.type) throw new InvalidAppend(`stream ${streamId}: event ${index} has no type`);
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidAppend(`stream ${streamId}: event ${index} (${event.type}) needs a schema version >= 1`);
    }
    if (!event.metadata?.actor?.id || !event.metadata.actor.role || !event.metadata.correlationId) {
      throw new InvalidAppend(`stream ${streamId}: event ${index} (${event.type}) needs metadata with correlationId and actor {id, role}`);
    }
    prepared.ids.push(id);
    prepared.types.push(event.type);
    prepared.versions.push(event.schemaVersion);
    const data = serialise(streamId, index, event.data);
    const metadata = serialise(streamId, index, event.metadata);
    prepared.data.push(data);
    prepared.metadata.push(metadata);
    // Stored in canonical form (jsonb keeps no key order anyway), so the hash needs no second pass.
    prepared.contentHashes.push(contentHashOfCanonical({ streamId, id, type: event.type, schemaVersion: event.schemaVersion }, data, metadata));
  }
  return prepared;
}

function serialise(streamId: string, index: number, value: unknown): string {
  try {
    const json = canonicalJsonText(value ?? null);
    if (json === undefined) throw new Error('not serialisable');
    return json;
  } catch (error) {
    throw new InvalidAppend(`stream ${streamId}: event ${index} cannot be stored as JSON (${(error as Error).message})`);
  }
}
