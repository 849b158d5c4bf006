import { ANY, EVENT_TYPE, NO_STREAM, START as LOG_START, STREAM_EXISTS, STREAM_NAME } from '@kurrent/kurrentdb-client';
import { RecordedEvent } from '../port/event-envelope';
import { START } from '../port/global-position';
import { prepareAppend } from '../postgres/validate-append';
import { anEvent } from '../testing';
import {
  classifyRetry,
  exactTypesRegex,
  isAfter,
  matchesFilter,
  ResolvedEventLike,
  SCHEMA_VERSION_KEY,
  serverFilter,
  toActualRevision,
  toEventData,
  toGlobalPosition,
  toLogEntry,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
} from './kurrentdb-mapping';

const created = new Date('2026-01-02T03:04:05.678Z');

function resolved(overrides: Partial<NonNullable<ResolvedEventLike['event']>> = {}): ResolvedEventLike {
  return {
    event: {
      streamId: 'resident-1',
      id: '0b6f3c2e-8d9a-4c51-9a57-3f1f0e7d2a11',
      revision: 4n,
      type: 'ResidentTriaged',
      created,
      data: { tier: 'red' },
      metadata: { correlationId: 'c-1', causationId: null, actor: { id: 'w-1', role: 'community_worker' }, [SCHEMA_VERSION_KEY]: 2 },
      position: { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n },
      ...overrides,
    },
  };
}

function recorded(id: string, revision: number): RecordedEvent {
  return toRecordedEvent(resolved({ id, revision: BigInt(revision), position: { commit: BigInt(100 + revision), prepare: BigInt(100 + revision) } })) as RecordedEvent;
}

describe('expected revision and actual revision', () => {
  it('maps each expected revision to the client stream state', () => {
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
  });

  it('reads the actual state of a WrongExpectedVersionError as a revision or null', () => {
    expect(toActualRevision(NO_STREAM)).toBeNull();
    expect(toActualRevision(-1n)).toBeNull();
    expect(toActualRevision(0n)).toBe(0);
    expect(toActualRevision(2n)).toBe(2);
  });
});

describe('positions', () => {
  it('keeps bigint positions exact beyond 2^53 and converts numbers', () => {
    expect(toGlobalPosition({ commit: 2n ** 60n + 1n, prepare: 2n ** 60n + 3n })).toEqual({ commit: 2n ** 60n + 1n, prepare: 2n ** 60n + 3n });
    expect(toGlobalPosition({ commit: 1234, prepare: 1234 })).toEqual({ commit: 1234n, prepare: 1234n });
  });

  it('reads an absent or sentinel position as START', () => {
    expect(toGlobalPosition(undefined)).toEqual(START);
    expect(toGlobalPosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toEqual(START);
    expect(toGlobalPosition({ commit: -1n, prepare: -1n })).toEqual(START);
  });

  it('starts a $all read at the client START or at the checkpoint itself', () => {
    expect(toReadPosition(START)).toBe(LOG_START);
    expect(toReadPosition({ commit: 500n, prepare: 500n })).toEqual({ commit: 500n, prepare: 500n });
  });

  it('treats `after` as exclusive, since the client read from it is inclusive', () => {
    const at = { commit: 500n, prepare: 500n };
    expect(isAfter(at, at)).toBe(false);
    expect(isAfter({ commit: 500n, prepare: 499n }, at)).toBe(false);
    expect(isAfter({ commit: 500n, prepare: 501n }, at)).toBe(true);
    expect(isAfter({ commit: 501n, prepare: 0n }, at)).toBe(true);
    expect(isAfter({ commit: 1n, prepare: 1n }, START)).toBe(true);
  });
});

describe('events going in and coming out', () => {
  it('sends the validated JSON with the schema version in the metadata', () => {
    const event = { ...anEvent('ResidentRegistered', { name: 'Li', born: new Date('2000-01-01T00:00:00Z') }, '0b6f3c2e-8d9a-4c51-9a57-3f1f0e7d2a11'), schemaVersion: 3 };
    const [data] = toEventData(prepareAppend('resident-1', [event], 'no_stream'));
    expect(data).toEqual({
      id: '0b6f3c2e-8d9a-4c51-9a57-3f1f0e7d2a11',
      contentType: 'application/json',
      type: 'ResidentRegistered',
      data: { name: 'Li', born: '2000-01-01T00:00:00.000Z' },
      metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: 3 },
    });
  });

  it('round-trips schema version and metadata through the stored shape', () => {
    const event = { ...anEvent('ResidentTriaged', { tier: 'red' }), schemaVersion: 2 };
    event.metadata = { ...event.metadata, causationId: 'cmd-7', tenant: 'north' };
    const [sent] = toEventData(prepareAppend('resident-1', [event], 'any'));
    // What the client hands back: the JSON it stored, parsed again.
    const back = toRecordedEvent(
      resolved({ id: sent.id, type: sent.type, data: JSON.parse(JSON.stringify(sent.data)), metadata: JSON.parse(JSON.stringify(sent.metadata)) }),
    ) as RecordedEvent;
    expect(back.schemaVersion).toBe(2);
    expect(back.metadata).toEqual(event.metadata);
    expect(back.metadata).not.toHaveProperty(SCHEMA_VERSION_KEY);
    expect(back.data).toEqual({ tier: 'red' });
    expect(back.id).toBe(sent.id);
  });

  it('maps revision, position and recordedAt from the resolved event', () => {
    expect(toRecordedEvent(resolved())).toEqual({
      id: '0b6f3c2e-8d9a-4c51-9a57-3f1f0e7d2a11',
      streamId: 'resident-1',
      revision: 4,
      position: { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n },
      type: 'ResidentTriaged',
      schemaVersion: 2,
      data: { tier: 'red' },
      metadata: { correlationId: 'c-1', causationId: null, actor: { id: 'w-1', role: 'community_worker' } },
      recordedAt: created,
    });
  });

  it('reads foreign events without our metadata as schema version 1, and a missing event as null', () => {
    expect(toRecordedEvent(resolved({ metadata: undefined }))).toMatchObject({ schemaVersion: 1, metadata: {} });
    expect(toRecordedEvent(resolved({ metadata: new Uint8Array([1, 2]) }))).toMatchObject({ schemaVersion: 1, metadata: {} });
    expect(toRecordedEvent(resolved({ position: undefined }))?.position).toEqual(START);
    expect(toRecordedEvent({})).toBeNull();
  });
});

describe('filters', () => {
  it('always drops system events, whatever the filter', () => {
    expect(matchesFilter({ type: '$>', streamId: 't1-a' }, undefined)).toBe(false);
    expect(matchesFilter({ type: '$metadata', streamId: 't1-a' }, { streamPrefixes: ['t1-'] })).toBe(false);
    expect(matchesFilter({ type: '$statsCollected', streamId: '$stats-127.0.0.1:2113' }, { eventTypes: ['$statsCollected'] })).toBe(false);
    expect(matchesFilter({ type: 'Registered', streamId: 'anything' }, undefined)).toBe(true);
    expect(matchesFilter({ type: 'Registered', streamId: 'anything' }, { eventTypes: [], streamPrefixes: [] })).toBe(true);
  });

  it('matches event types exactly and streams by prefix, both when both are given', () => {
    const filter = { eventTypes: ['Triaged'], streamPrefixes: ['t1-log-', 't1-x'] };
    expect(matchesFilter({ type: 'Triaged', streamId: 't1-log-a' }, filter)).toBe(true);
    expect(matchesFilter({ type: 'Triaged', streamId: 't1-x' }, filter)).toBe(true);
    expect(matchesFilter({ type: 'TriagedAgain', streamId: 't1-log-a' }, filter)).toBe(false);
    expect(matchesFilter({ type: 'Triaged', streamId: 't2-log-a' }, filter)).toBe(false);
    expect(matchesFilter({ type: 'Triaged', streamId: 'x-t1-log-a' }, filter)).toBe(false);
  });

  it('builds an anchored, escaped event-type regex', () => {
    const regex = new RegExp(exactTypesRegex(['Resident.Triaged', 'Dose(1)', 'A|B']));
    expect(regex.test('Resident.Triaged')).toBe(true);
    expect(regex.test('Dose(1)')).toBe(true);
    expect(regex.test('A|B')).toBe(true);
    expect(regex.test('ResidentXTriaged')).toBe(false);
    expect(regex.test('Resident.TriagedLater')).toBe(false);
    expect(regex.test('A')).toBe(false);
  });

  it('filters on stream prefixes on the server when given, else on types, else leaves out system events', () => {
    expect(serverFilter({ eventTypes: ['Triaged'], streamPrefixes: ['t1-'] })).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['t1-'] });
    expect(serverFilter({ eventTypes: ['Triaged', 'Registered'] })).toMatchObject({ filterOn: EVENT_TYPE, regex: '^(?:Triaged|Registered)$' });
    expect(serverFilter(undefined)).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
    expect(serverFilter({ eventTypes: [], streamPrefixes: [] })).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
  });

  it('passes server checkpoints on as positions', () => {
    const seen: unknown[] = [];
    const filter = serverFilter({ streamPrefixes: ['t1-'] }, (position) => seen.push(position));
    void filter.checkpointReached?.({} as never, { commit: 10n, prepare: 10n });
    expect(seen).toEqual([{ commit: 10n, prepare: 10n }]);
    expect(serverFilter(undefined).checkpointReached).toBeUndefined();
  });

  it('counts a filtered-out event as examined but does not deliver it', () => {
    const position = { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n };
    expect(toLogEntry(resolved(), { eventTypes: ['Registered'] })).toEqual({ position, event: null });
    expect(toLogEntry(resolved({ type: '$>' }), undefined)).toEqual({ position, event: null });
    expect(toLogEntry(resolved(), { eventTypes: ['ResidentTriaged'] })?.event?.type).toBe('ResidentTriaged');
    expect(toLogEntry({}, undefined)).toBeNull();
  });
});

describe('recognising a retried append', () => {
  const stream = [recorded('aaaaaaaa-0000-4000-8000-000000000000', 0), recorded('bbbbbbbb-0000-4000-8000-000000000000', 1), recorded('cccccccc-0000-4000-8000-000000000000', 2)];

  it('is a retry when every id is recorded, answered with the last of them', () => {
    const verdict = classifyRetry(['BBBBBBBB-0000-4000-8000-000000000000', 'aaaaaaaa-0000-4000-8000-000000000000'], stream);
    expect(verdict).toMatchObject({ kind: 'retry', last: { revision: 1, position: { commit: 101n, prepare: 101n } } });
  });

  it('is a conflict when only some are, naming those', () => {
    expect(classifyRetry(['cccccccc-0000-4000-8000-000000000000', 'dddddddd-0000-4000-8000-000000000000'], stream)).toEqual({
      kind: 'conflict',
      recordedIds: ['cccccccc-0000-4000-8000-000000000000'],
    });
  });

  it('is new when none is, including on an empty stream', () => {
    expect(classifyRetry(['dddddddd-0000-4000-8000-000000000000'], stream)).toEqual({ kind: 'new' });
    expect(classifyRetry(['aaaaaaaa-0000-4000-8000-000000000000'], [])).toEqual({ kind: 'new' });
  });
});
