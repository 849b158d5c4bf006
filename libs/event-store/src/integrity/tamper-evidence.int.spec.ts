import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@gridcare/postgres';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { anEvent } from '../testing';
import { ChainBreak, verifyAllChains } from './verify-chains';

/**
 * Someone with write access to the database edits or deletes events behind the store's back;
 * the verifier, reading the log through the port, finds each change at its stream and revision.
 */
describe('hash chains on PostgreSQL: tampering is detected', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let sql: Client;
  let prefix: string;
  const stream = (name: string) => `${prefix}${name}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: database.url });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await store.close();
    await database.drop();
  });
  beforeEach(() => {
    prefix = `t${randomUUID().slice(0, 8)}-`;
  });

  /** Five streams of five events, written every way the adapter writes: one by one, batched, in bulk. */
  async function writeStreams(): Promise<void> {
    for (const name of ['a', 'b', 'c']) {
      await store.appendToStream(stream(name), [anEvent('Registered', { name })], { expectedRevision: 'no_stream' });
      await store.appendToStream(stream(name), [anEvent('Triaged', { tier: 'red' }), anEvent('FollowUp', { n: 1 })], { expectedRevision: 0 });
      await store.appendToStream(stream(name), [anEvent('FollowUp', { n: 2 })], { expectedRevision: 'any' });
      await store.appendToStream(stream(name), [anEvent('FollowUp', { n: 3 })], { expectedRevision: 'stream_exists' });
    }
    await store.appendToNewStreams(
      ['d', 'e'].map((name) => ({ streamId: stream(name), events: [0, 1, 2, 3, 4].map((n) => anEvent('Imported', { name, n })) })),
    );
  }

  async function breaksOfThisTest(): Promise<ChainBreak[]> {
    const report = await verifyAllChains(store, { pageSize: 7 });
    expect(report.headsChecked).toBe(true);
    return report.breaks.filter((found) => found.streamId.startsWith(prefix));
  }

  it('verifies untouched streams clean, reporting progress', async () => {
    await writeStreams();
    const progress: number[] = [];
    const report = await verifyAllChains(store, { pageSize: 7, onProgress: ({ events }) => progress.push(events) });
    expect(report.breaks.filter((found) => found.streamId.startsWith(prefix))).toEqual([]);
    expect(report.events).toBeGreaterThanOrEqual(25);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress[progress.length - 1]).toBe(report.events);
  });

  it('finds an edited event: content-changed at its stream and revision, the other streams clean', async () => {
    await writeStreams();
    await sql.query(`UPDATE event_store.events SET data = '{"tier":"green"}' WHERE stream_id = $1 AND stream_revision = 1`, [stream('b')]);
    await sql.query(`UPDATE event_store.events SET metadata = jsonb_set(metadata, '{actor,id}', '"someone-else"') WHERE stream_id = $1 AND stream_revision = 4`, [
      stream('d'),
    ]);
    expect(await breaksOfThisTest()).toEqual([
      expect.objectContaining({ streamId: stream('b'), revision: 1, reason: 'content-changed' }),
      expect.objectContaining({ streamId: stream('d'), revision: 4, reason: 'content-changed' }),
    ]);
  });

  it('finds a deleted middle event, and one deleted with the rest renumbered', async () => {
    await writeStreams();
    await sql.query(`DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = 2`, [stream('a')]);
    await sql.query(`DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = 1`, [stream('e')]);
    // Renumber the rest to close the gap, in two steps so the primary key never meets itself half-way.
    await sql.query(`UPDATE event_store.events SET stream_revision = stream_revision + 100 WHERE stream_id = $1 AND stream_revision > 1`, [stream('e')]);
    await sql.query(`UPDATE event_store.events SET stream_revision = stream_revision - 101 WHERE stream_id = $1 AND stream_revision > 100`, [stream('e')]);
    const breaks = await breaksOfThisTest();
    expect(breaks).toEqual([
      expect.objectContaining({ streamId: stream('a'), revision: 2, reason: 'revision-gap' }),
      expect.objectContaining({ streamId: stream('e'), revision: 1 }),
    ]);
  });

  it('finds deleted last events and a deleted stream, against the stream heads', async () => {
    await writeStreams();
    await sql.query(`DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = 4`, [stream('c')]);
    await sql.query(`DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision >= 3`, [stream('d')]);
    await sql.query(`DELETE FROM event_store.events WHERE stream_id = $1`, [stream('a')]);
    expect(await breaksOfThisTest()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ streamId: stream('a'), revision: 0, reason: 'stream-removed' }),
        expect.objectContaining({ streamId: stream('c'), revision: 4, reason: 'tail-removed' }),
        expect.objectContaining({ streamId: stream('d'), revision: 3, reason: 'tail-removed' }),
      ]),
    );
    expect(await breaksOfThisTest()).toHaveLength(3);
  });

  /** An open transaction with an id, older than every write `work` makes: the log hands none of them out until it ends. */
  async function underAnOlderTransaction(work: (commit: () => Promise<void>) => Promise<void>): Promise<void> {
    const older = new Client({ connectionString: database.url });
    await older.connect();
    let open = true;
    const commit = async () => {
      if (open) await older.query('COMMIT');
      open = false;
    };
    try {
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      await work(commit);
    } finally {
      await commit();
      await older.end();
    }
  }

  it('waits for events an older open transaction holds back, so a stream with its head deleted is not missed', async () => {
    await underAnOlderTransaction(async (commit) => {
      await writeStreams();
      await sql.query(`DELETE FROM event_store.stream_heads WHERE stream_id = $1`, [stream('c')]);
      const verifying = breaksOfThisTest();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await commit();
      expect(await verifying).toEqual([expect.objectContaining({ streamId: stream('c'), revision: 4, reason: 'head-missing' })]);
    });
  });

  it('says so when the log stays held back, rather than verifying part of it', async () => {
    await underAnOlderTransaction(async () => {
      await writeStreams();
      await expect(verifyAllChains(store, { heldBackTimeoutMs: 200 })).rejects.toThrow(/the log is held back at .* by an open transaction/);
    });
  });

  it('finds a forged hash, a cleared hash and a deleted head', async () => {
    await writeStreams();
    await sql.query(`ALTER TABLE event_store.events DROP CONSTRAINT events_hash_check`);
    try {
      await sql.query(`UPDATE event_store.events SET hash = repeat('f', 64) WHERE stream_id = $1 AND stream_revision = 1`, [stream('a')]);
      await sql.query(`UPDATE event_store.events SET hash = NULL WHERE stream_id = $1 AND stream_revision = 3`, [stream('b')]);
      await sql.query(`DELETE FROM event_store.stream_heads WHERE stream_id = $1`, [stream('c')]);
      expect(await breaksOfThisTest()).toEqual([
        expect.objectContaining({ streamId: stream('a'), revision: 1, reason: 'chain-broken' }),
        expect.objectContaining({ streamId: stream('b'), revision: 3, reason: 'hash-missing' }),
        expect.objectContaining({ streamId: stream('c'), revision: 4, reason: 'head-missing' }),
      ]);
    } finally {
      await sql.query(`DELETE FROM event_store.events WHERE hash IS NULL AND stream_id LIKE $1`, [`${prefix}%`]);
      await sql.query(`ALTER TABLE event_store.events ADD CONSTRAINT events_hash_check CHECK (hash IS NOT NULL AND hash ~ '^[0-9a-f]{64}$') NOT VALID`);
    }
  });

  it('accepts events recorded before the chain existed, and chains what is appended after them from genesis', async () => {
    await sql.query(`ALTER TABLE event_store.events DROP CONSTRAINT events_hash_check`);
    try {
      // As the migration leaves them: rows without a hash, and a head without one.
      for (const revision of [0, 1]) {
        await sql.query(
          `INSERT INTO event_store.events (stream_id, stream_revision, event_id, event_type, schema_version, data, metadata)
           VALUES ($1, $2, $3, 'Old', 1, '{}', '{"correlationId":"c","causationId":null,"actor":{"id":"a","role":"r"}}')`,
          [stream('legacy'), revision, randomUUID()],
        );
      }
      await sql.query(`INSERT INTO event_store.stream_heads (stream_id, revision, hash) VALUES ($1, 1, NULL)`, [stream('legacy')]);
    } finally {
      await sql.query(`ALTER TABLE event_store.events ADD CONSTRAINT events_hash_check CHECK (hash IS NOT NULL AND hash ~ '^[0-9a-f]{64}$') NOT VALID`);
    }
    await store.appendToStream(stream('legacy'), [anEvent('New', { n: 1 })], { expectedRevision: 1 });
    await store.appendToStream(stream('legacy'), [anEvent('New', { n: 2 }), anEvent('New', { n: 3 })], { expectedRevision: 'any' });
    const report = await verifyAllChains(store);
    expect(report.breaks.filter((found) => found.streamId.startsWith(prefix))).toEqual([]);
    expect(report.unchainedEvents).toBeGreaterThanOrEqual(2);
    expect(await store.readStreamHead(stream('legacy'))).toEqual({ streamId: stream('legacy'), revision: 4, hash: (await store.readStream(stream('legacy')))[4].hash });
  });

  it('refuses a new row without a hash', async () => {
    await expect(
      sql.query(
        `INSERT INTO event_store.events (stream_id, stream_revision, event_id, event_type, schema_version, data, metadata) VALUES ($1, 0, $2, 'X', 1, '{}', '{}')`,
        [stream('nohash'), randomUUID()],
      ),
    ).rejects.toThrow(/events_hash_check/);
  });
});
