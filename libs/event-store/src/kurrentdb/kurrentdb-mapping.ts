import {
  ANY,
  AppendStreamState,
  CurrentStreamState,
  eventTypeFilter,
  excludeSystemEvents,
  Filter,
  JSONEventData,
  JSONType,
  NO_STREAM,
  Position,
  ReadPosition,
  START as LOG_START,
  STREAM_EXISTS,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import { EventMetadata, RecordedEvent } from '../port/event-envelope';
import { EventFilter } from '../port/event-store';
import { ExpectedRevision } from '../port/expected-revision';
import { comparePositions, GlobalPosition, START } from '../port/global-position';
import { PreparedEvents } from '../postgres/validate-append';

/**
 * Pure conversions between the port's types and @kurrent/kurrentdb-client's. Kept free of
 * I/O so they can be tested without a server.
 */

/** Where our schema version travels: KurrentDB has no field for it, so it rides in the event's metadata. */
export const SCHEMA_VERSION_KEY = '$schemaVersion';

/** Where the event's chain hash travels (docs/adr/0010-event-hash-chains.md): in its metadata too. */
export const HASH_KEY = '$hash';

/** The server's "no position" sentinel: -1 sent as an unsigned 64-bit integer. */
const NO_POSITION = 2n ** 64n - 1n;

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return BigInt(expected);
  }
}

/** The client reports a missing stream as `no_stream`; the port as `null`. */
export function toActualRevision(state: CurrentStreamState): number | null {
  return state === NO_STREAM || state < 0n ? null : Number(state);
}

export interface PositionLike {
  readonly commit: bigint | number;
  readonly prepare: bigint | number;
}

/**
 * A client position as ours. An absent or sentinel position (old servers, or events whose
 * commit the server cannot place) becomes START, i.e. "unknown"; events read from $all always
 * carry a real one.
 */
export function toGlobalPosition(position: PositionLike | undefined): GlobalPosition {
  if (!position) return START;
  const commit = BigInt(position.commit);
  const prepare = BigInt(position.prepare);
  if (commit < 0n || prepare < 0n || commit === NO_POSITION || prepare === NO_POSITION) return START;
  return { commit, prepare };
}

/** Where a forward read of $all starts. The client's reads from a position are inclusive. */
export function toReadPosition(after: GlobalPosition): ReadPosition {
  return comparePositions(after, START) === 0 ? LOG_START : { commit: after.commit, prepare: after.prepare };
}

/** Our `after` is exclusive: an event at exactly that position was already seen. */
export function isAfter(position: GlobalPosition, after: GlobalPosition): boolean {
  return comparePositions(position, after) > 0;
}

/**
 * The append payload for the client, from events `prepareAppend` has validated and serialised,
 * with their chain hashes when given.
 */
export function toEventData(prepared: PreparedEvents, hashes?: readonly string[]): JSONEventData[] {
  return prepared.ids.map((id, index) => ({
    id,
    contentType: 'application/json' as const,
    type: prepared.types[index],
    // The client serialises again; parsing what prepareAppend produced keeps exactly the JSON it checked.
    data: JSON.parse(prepared.data[index]) as JSONType,
    metadata: {
      ...(JSON.parse(prepared.metadata[index]) as Record<string, unknown>),
      [SCHEMA_VERSION_KEY]: prepared.versions[index],
      ...(hashes ? { [HASH_KEY]: hashes[index] } : {}),
    },
  }));
}

/** The parts of a client ResolvedEvent (stream read, $all read or subscription) that we use. */
export interface ResolvedEventLike {
  readonly event?: {
    readonly streamId: string;
    readonly id: string;
    readonly revision: bigint | number;
    readonly type: string;
    readonly created: Date;
    readonly data: unknown;
    readonly metadata?: unknown;
    readonly position?: PositionLike;
  };
}

/**
 * A client event as ours, or null when the response carries no event. Events written by
 * other tools may lack `$schemaVersion` (read as 1) and our metadata fields (passed through).
 */
export function toRecordedEvent(resolved: ResolvedEventLike): RecordedEvent | null {
  const event = resolved.event;
  if (!event) return null;
  const { schemaVersion, metadata, hash } = splitMetadata(event.metadata);
  return {
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: toGlobalPosition(event.position),
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata,
    recordedAt: event.created,
    ...(hash ? { hash } : {}),
  };
}

function splitMetadata(raw: unknown): { schemaVersion: number; metadata: EventMetadata; hash?: string } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || raw instanceof Uint8Array) {
    return { schemaVersion: 1, metadata: {} as EventMetadata };
  }
  const { [SCHEMA_VERSION_KEY]: version, [HASH_KEY]: hash, ...metadata } = raw as Record<string, unknown>;
  return {
    schemaVersion: typeof version === 'number' ? version : 1,
    metadata: metadata as unknown as EventMetadata,
    ...(typeof hash === 'string' ? { hash } : {}),
  };
}

/** KurrentDB's own events ($stats, $metadata, projection links `$>`, ...) never reach readers. */
export function isSystemEventType(type: string): boolean {
  return type.startsWith('$');
}

/** The reader's filter, applied exactly on our side (the server's filter only narrows what is sent). */
export function matchesFilter(event: Pick<RecordedEvent, 'type' | 'streamId'>, filter: EventFilter | undefined): boolean {
  if (isSystemEventType(event.type)) return false;
  if (filter?.eventTypes?.length && !filter.eventTypes.includes(event.type)) return false;
  if (filter?.streamPrefixes?.length && !filter.streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  return true;
}

/** A log entry as a reader sees it: its position always counts as examined, the event only if it matches. */
export interface LogEntry {
  readonly position: GlobalPosition;
  readonly event: RecordedEvent | null;
}

export function toLogEntry(resolved: ResolvedEventLike, filter: EventFilter | undefined): LogEntry | null {
  const event = toRecordedEvent(resolved);
  if (!event) return null;
  return { position: event.position, event: matchesFilter(event, filter) ? event : null };
}

/** A regex matching exactly these event types (the server treats the filter as a .NET regex, unanchored). */
export function exactTypesRegex(types: readonly string[]): string {
  return `^(?:${types.map((type) => type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
}

/**
 * The server-side filter. It can filter on stream name or on event type, not both: stream
 * prefixes win when both are given (usually the narrower), and matchesFilter does the rest.
 * With no filter, system events are left out on the server already.
 */
export function serverFilter(filter: EventFilter | undefined, checkpointReached?: (position: Position) => void): Filter {
  const onCheckpoint = checkpointReached && ((_subscription: unknown, position: Position) => checkpointReached(position));
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: [...filter.streamPrefixes], checkpointReached: onCheckpoint });
  if (filter?.eventTypes?.length) return eventTypeFilter({ regex: exactTypesRegex(filter.eventTypes), checkpointReached: onCheckpoint });
  return excludeSystemEvents({ checkpointReached: onCheckpoint });
}

export type RetryVerdict =
  | { readonly kind: 'new' }
  | { readonly kind: 'retry'; readonly last: RecordedEvent }
  | { readonly kind: 'conflict'; readonly recordedIds: string[] };

/**
 * Is an append of `ids` a retry of one already in `recorded` (the stream's events)? All ids
 * found: a retry, answered with the last of them. Some: a conflict. None: a new append.
 */
export function classifyRetry(ids: readonly string[], recorded: readonly RecordedEvent[]): RetryVerdict {
  const byId = new Map(recorded.map((event) => [event.id.toLowerCase(), event]));
  const found = ids.flatMap((id) => byId.get(id.toLowerCase()) ?? []);
  if (found.length === 0) return { kind: 'new' };
  if (found.length < ids.length) return { kind: 'conflict', recordedIds: found.map((event) => event.id) };
  return { kind: 'retry', last: found.reduce((last, event) => (event.revision > last.revision ? event : last)) };
}
