import { formatPosition, PostgresEventStore } from '@gridcare/event-store';
import { createTestDatabase, TestDatabase } from '@gridcare/postgres';
import { Pool } from 'pg';
import { PgProjectionDatabase } from './pg-projection-database';
import { ProjectionRunner } from './projection-runner';
import { rebuildReadModel, RebuildInProgressError, RebuildProgress, shadowSchemaOf } from './read-model-rebuild';
import { communityCountProjection, registration, TEST_SCHEMA_SQL } from './testing/community-count-projection';

const SCHEMA = 'rebuild_test';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('rebuildReadModel: a read model rebuilt in a shadow schema and switched in', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let runner: ProjectionRunner<unknown>;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url, max: 8 });
    store = new PostgresEventStore({ connectionString: database.url });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });
  beforeEach(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await pool.query(TEST_SCHEMA_SQL(SCHEMA));
    // A named index and a check constraint, as a migration would have them.
    await pool.query(`CREATE INDEX counts_by_size ON ${SCHEMA}.community_counts (residents DESC, community)`);
    await pool.query(`ALTER TABLE ${SCHEMA}.community_counts ADD CONSTRAINT counts_not_negative CHECK (residents >= 0)`);
    await pool.query('TRUNCATE event_store.events, event_store.stream_heads');
    runner = new ProjectionRunner(store, new PgProjectionDatabase(pool, SCHEMA), communityCountProjection(), { batchSize: 50 }) as ProjectionRunner<unknown>;
  });
  afterEach(async () => {
    await runner.stop();
  });

  const register = async (count: number, prefix: string) => {
    let last;
    for (let i = 0; i < count; i++) last = await store.appendToStream(`resident-${prefix}${i}`, [registration(`c${i % 7}`)], { expectedRevision: 'no_stream' });
    return last!.position;
  };
  const counts = async () => (await pool.query(`SELECT community, residents FROM ${SCHEMA}.community_counts ORDER BY community`)).rows as { community: string; residents: number }[];
  const appliedEvents = async () => (await pool.query(`SELECT event_id, community FROM ${SCHEMA}.applied_events ORDER BY event_id`)).rows;
  const indexes = async () => (await pool.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname`, [SCHEMA])).rows;
  const constraints = async () =>
    (await pool.query(`SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE connamespace = $1::regnamespace ORDER BY conname`, [SCHEMA])).rows;
  const schemas = async () => (await pool.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`${SCHEMA}%`])).rows.map((row) => row.nspname);

  it('builds the same rows, keeps the indexes and constraints under their names, and goes live with the checkpoint', async () => {
    await register(60, 'a');
    runner.start();
    await runner.waitUntilCaughtUp();
    const [rowsBefore, eventsBefore, indexesBefore, constraintsBefore] = [await counts(), await appliedEvents(), await indexes(), await constraints()];
    // Damage the read model, as a bug would.
    await pool.query(`UPDATE ${SCHEMA}.community_counts SET residents = 1`);

    const progress: RebuildProgress[] = [];
    const result = await rebuildReadModel(store, pool, SCHEMA, communityCountProjection(), { pageSize: 7, onProgress: (p) => progress.push(p) });

    expect(result.eventsApplied).toBe(60);
    expect(await counts()).toEqual(rowsBefore);
    expect(await appliedEvents()).toEqual(eventsBefore);
    expect(await indexes()).toEqual(indexesBefore);
    expect(await constraints()).toEqual(constraintsBefore);
    expect(await schemas()).toEqual([SCHEMA]);
    expect(progress.map((p) => p.phase)).toEqual([...Array(9).fill('building'), 'switching', 'done']);
    expect(progress.map((p) => p.eventsApplied)).toEqual([7, 14, 21, 28, 35, 42, 49, 56, 60, 60, 60]);
    expect(progress.every((p, i) => i === 0 || p.fraction >= progress[i - 1].fraction)).toBe(true);
    expect(progress.at(-1)?.fraction).toBe(1);
    expect(formatPosition((await new PgProjectionDatabase(pool, SCHEMA).loadCheckpoint('community-counts'))!)).toBe(formatPosition(result.checkpoint));

    // The live runner carries on, on the new tables, without applying anything twice.
    const late = await register(3, 'late');
    await runner.waitForPosition(late);
    expect((await counts()).reduce((sum, row) => sum + row.residents, 0)).toBe(63);
    expect(runner.status().lastError).toBeNull();
  });

  it('answers from the old rows while it builds, takes in what was appended meanwhile, and switches between two reads', async () => {
    await register(120, 'a');
    runner.start();
    await runner.waitUntilCaughtUp();
    const slowBuild = communityCountProjection(async () => sleep(2));

    let reading = true;
    const answers: number[] = [];
    const reader = (async () => {
      while (reading) {
        const total = (await counts()).reduce((sum, row) => sum + row.residents, 0);
        answers.push(total);
        await sleep(3);
      }
    })();
    const rebuilding = rebuildReadModel(store, pool, SCHEMA, slowBuild, { pageSize: 10 });
    await sleep(50);
    // Appended during the build: the live runner applies them to the old tables, the shadow catches up before the switch.
    const appended = await register(10, 'during');
    await runner.waitForPosition(appended);
    const result = await rebuilding;
    await sleep(20);
    reading = false;
    await reader;

    // Every read answered with a whole read model, never a half-built one: the old one (120, growing to 130 as the
    // live runner applies the appends), then the new one (130).
    expect(answers.length).toBeGreaterThan(20);
    expect(answers[0]).toBe(120);
    expect(answers.every((total, i) => total >= 120 && total <= 130 && (i === 0 || total >= answers[i - 1]))).toBe(true);
    expect(answers.at(-1)).toBe(130);
    expect(result.eventsApplied).toBe(130);
    expect((await appliedEvents()).length).toBe(130);
  });

  it('refuses a second rebuild of the same read model while one runs, in this process or another', async () => {
    await register(30, 'a');
    runner.start();
    await runner.waitUntilCaughtUp();
    // Another process rebuilding it: the rebuild's lock, held on a connection of its own.
    const other = await pool.connect();
    try {
      await other.query('SELECT pg_advisory_lock(hashtext($1))', [`rebuild ${SCHEMA}.community-counts`]);
      await expect(rebuildReadModel(store, pool, SCHEMA, communityCountProjection())).rejects.toBeInstanceOf(RebuildInProgressError);
      await other.query('SELECT pg_advisory_unlock(hashtext($1))', [`rebuild ${SCHEMA}.community-counts`]);
    } finally {
      other.release();
    }
    // Here: the first holds the lock until it has switched.
    const first = rebuildReadModel(store, pool, SCHEMA, communityCountProjection(async () => sleep(5)), { pageSize: 5 });
    await sleep(30);
    await expect(rebuildReadModel(store, pool, SCHEMA, communityCountProjection())).rejects.toBeInstanceOf(RebuildInProgressError);
    await expect(first).resolves.toMatchObject({ eventsApplied: 30 });
  });

  it('leaves the live tables as they were when the build fails, and drops its shadow', async () => {
    await register(40, 'a');
    runner.start();
    await runner.waitUntilCaughtUp();
    const before = await counts();
    const failing = communityCountProjection(async (event) => {
      if ((event.data as { community: string }).community === 'c3') throw new Error('a bug in the projection');
    });
    await expect(rebuildReadModel(store, pool, SCHEMA, failing, { pageSize: 10 })).rejects.toThrow('a bug in the projection');
    expect(await counts()).toEqual(before);
    expect(await schemas()).toEqual([SCHEMA]);
    const late = await register(1, 'late');
    await runner.waitForPosition(late);
    expect(runner.status().lastError).toBeNull();
  });

  it('stops between two pages when the service shuts down, leaving the live tables and no shadow', async () => {
    await register(30, 'a');
    runner.start();
    await runner.waitUntilCaughtUp();
    const before = await counts();
    const stopping = new AbortController();
    const slow = communityCountProjection(async () => sleep(5));
    const rebuilding = rebuildReadModel(store, pool, SCHEMA, slow, { pageSize: 3, signal: stopping.signal });
    await sleep(40);
    stopping.abort('the service is shutting down');
    await expect(rebuilding).rejects.toThrow('stopped before its switch: the service is shutting down');
    expect(await counts()).toEqual(before);
    expect(await schemas()).toEqual([SCHEMA]);
  });

  it('does not wait behind a long reader: the switch gives up, the old rows stay, and a later rebuild goes through', async () => {
    await register(20, 'a');
    runner.start();
    await runner.waitUntilCaughtUp();
    const reader = await pool.connect();
    await reader.query('BEGIN');
    await reader.query(`SELECT count(*) FROM ${SCHEMA}.community_counts`);
    const started = Date.now();
    await expect(rebuildReadModel(store, pool, SCHEMA, communityCountProjection(), { switchLockTimeoutMs: 100, switchAttempts: 2 })).rejects.toMatchObject({ code: '55P03' });
    expect(Date.now() - started).toBeLessThan(5_000);
    // Meanwhile other readers were answered: nothing queued behind the switch for long.
    expect((await counts()).reduce((sum, row) => sum + row.residents, 0)).toBe(20);
    expect(await schemas()).toEqual([SCHEMA]);
    await reader.query('COMMIT');
    reader.release();
    await expect(rebuildReadModel(store, pool, SCHEMA, communityCountProjection())).resolves.toMatchObject({ eventsApplied: 20 });
  });

  it('names one shadow schema per read model', () => {
    expect(shadowSchemaOf('residents', 'follow-up-worklist')).toBe('residents__rebuild__follow_up_worklist');
    expect(() => shadowSchemaOf('residents', 'Bad Name')).toThrow('unsafe schema name');
  });
});
