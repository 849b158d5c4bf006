import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../port/event-envelope';
import { chainHashes, contentHash, GENESIS_HASH } from './event-hash';
import { verifyStreamChain } from './verify-chains';

/** A stream of `count` events as an adapter records them: each hash chains from the one before. */
function recordedStream(count: number, streamId = 'resident-1', unchained = 0): RecordedEvent[] {
  const events: RecordedEvent[] = Array.from({ length: count }, (_, revision) => ({
    id: randomUUID(),
    streamId,
    revision,
    position: { commit: BigInt(100 + revision), prepare: BigInt(revision) },
    type: 'FollowUpRecorded',
    schemaVersion: 1,
    data: { n: revision, note: 'breathing steady' },
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'w-1', role: 'community_worker' } },
    recordedAt: new Date(),
  }));
  const hashes = chainHashes(GENESIS_HASH, events.slice(unchained).map(contentHash));
  return events.map((event, index) => (index < unchained ? event : { ...event, hash: hashes[index - unchained] }));
}

const head = (events: RecordedEvent[]) => ({ streamId: events[0].streamId, revision: events.length - 1, hash: events[events.length - 1].hash ?? null });

describe('verifyStreamChain', () => {
  it('accepts an intact stream, and an empty one', () => {
    const events = recordedStream(5);
    expect(verifyStreamChain(events)).toEqual({ streamId: 'resident-1', events: 5, unchained: 0, lastRevision: 4, lastHash: events[4].hash });
    expect(verifyStreamChain(events, head(events)).break).toBeUndefined();
    expect(verifyStreamChain([], { streamId: 's', revision: -1, hash: null }).break).toBeUndefined();
  });

  it('does not depend on key order in data and metadata', () => {
    const events = recordedStream(2);
    const reordered = { ...events[0], data: { note: 'breathing steady', n: 0 } };
    expect(verifyStreamChain([reordered, events[1]]).break).toBeUndefined();
  });

  it.each([
    ['data', (event: RecordedEvent) => ({ ...event, data: { n: 99, note: 'breathing steady' } })],
    ['metadata', (event: RecordedEvent) => ({ ...event, metadata: { ...event.metadata, actor: { id: 'w-2', role: 'community_worker' } } })],
    ['type', (event: RecordedEvent) => ({ ...event, type: 'Other' })],
    ['schema version', (event: RecordedEvent) => ({ ...event, schemaVersion: 2 })],
    ['event id', (event: RecordedEvent) => ({ ...event, id: randomUUID() })],
  ])('reports an edited %s as content-changed at that revision', (_field, edit) => {
    const events = recordedStream(5);
    events[2] = edit(events[2]);
    expect(verifyStreamChain(events).break).toMatchObject({ streamId: 'resident-1', revision: 2, reason: 'content-changed' });
  });

  it('reports an edited last event as content-changed (the head still has its hash)', () => {
    const events = recordedStream(3);
    const original = head(events);
    events[2] = { ...events[2], data: { n: -1 } };
    expect(verifyStreamChain(events).break).toMatchObject({ revision: 2, reason: 'content-changed' });
    expect(verifyStreamChain(events, original).break).toMatchObject({ revision: 2, reason: 'content-changed' });
  });

  it('reports an event moved in from another stream, hash and all, as a chain that breaks there', () => {
    const events = recordedStream(3);
    const moved = recordedStream(3, 'resident-2');
    moved[1] = { ...events[1], streamId: 'resident-2' };
    expect(verifyStreamChain(moved).break).toMatchObject({ streamId: 'resident-2', revision: 1, reason: 'chain-broken' });
  });

  it('reports a removed middle event as a revision gap, and as a broken chain once the rest is renumbered', () => {
    const events = recordedStream(5);
    const removed = [...events.slice(0, 2), ...events.slice(3)];
    expect(verifyStreamChain(removed).break).toMatchObject({ revision: 2, reason: 'revision-gap' });
    const renumbered = removed.map((event, revision) => ({ ...event, revision }));
    expect(verifyStreamChain(renumbered).break).toMatchObject({ revision: 2 });
    const removedFirst = events.slice(1);
    expect(verifyStreamChain(removedFirst).break).toMatchObject({ revision: 0, reason: 'revision-gap' });
  });

  it('reports a changed hash as chain-broken, and a cleared one as hash-missing', () => {
    const events = recordedStream(4);
    const changed = events.map((event) => (event.revision === 1 ? { ...event, hash: 'f'.repeat(64) } : event));
    expect(verifyStreamChain(changed).break).toMatchObject({ revision: 1, reason: 'chain-broken' });
    const cleared = events.map((event) => (event.revision === 2 ? { ...event, hash: undefined } : event));
    expect(verifyStreamChain(cleared).break).toMatchObject({ revision: 2, reason: 'hash-missing' });
  });

  it('reports swapped events', () => {
    const events = recordedStream(4);
    const swapped = [events[0], { ...events[2], revision: 1 }, { ...events[1], revision: 2 }, events[3]];
    expect(verifyStreamChain(swapped).break).toMatchObject({ revision: 1 });
  });

  it('detects removed last events and a removed stream only against the head', () => {
    const events = recordedStream(4);
    const original = head(events);
    expect(verifyStreamChain(events.slice(0, 3)).break).toBeUndefined();
    expect(verifyStreamChain(events.slice(0, 3), original).break).toMatchObject({ revision: 3, reason: 'tail-removed' });
    expect(verifyStreamChain([], original).break).toMatchObject({ streamId: 'resident-1', revision: 0, reason: 'stream-removed' });
    const forged = { ...original, hash: 'a'.repeat(64) };
    expect(verifyStreamChain(events, forged).break).toMatchObject({ revision: 3, reason: 'head-mismatch' });
  });

  it('accepts events recorded before the chain existed at the start of a stream, and counts them', () => {
    const events = recordedStream(5, 'legacy', 2);
    expect(events[0].hash).toBeUndefined();
    expect(verifyStreamChain(events)).toMatchObject({ events: 5, unchained: 2, lastRevision: 4 });
    expect(verifyStreamChain(events).break).toBeUndefined();
    expect(verifyStreamChain(recordedStream(2, 'legacy', 2))).toMatchObject({ unchained: 2, lastHash: null });
  });
});
