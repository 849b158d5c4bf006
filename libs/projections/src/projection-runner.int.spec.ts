import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PostgresEventStore } from '@gridcare/event-store';
import { createTestDatabase, findWorkspaceRoot, TestDatabase } from '@gridcare/postgres';
import { Pool } from 'pg';
import { PgProjectionDatabase } from './pg-projection-database';
import { ProjectionRunner } from './projection-runner';
import { communityCountProjection, registration, TEST_SCHEMA_SQL } from './testing/community-count-projection';

const SCHEMA = 'projection_test';

describe('ProjectionRunner', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url });
    await pool.query(TEST_SCHEMA_SQL(SCHEMA));
    store = new PostgresEventStore({ connectionString: database.url });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });
  beforeEach(async () => {
    await pool.query(`TRUNCATE ${SCHEMA}.projection_checkpoints, ${SCHEMA}.community_counts, ${SCHEMA}.applied_events`);
    await pool.query('TRUNCATE event_store.events');
  });

  const counts = async () =>
    (await pool.query(`SELECT community, residents FROM ${SCHEMA}.community_counts ORDER BY community`)).rows as { community: string; residents: number }[];
  const newRunner = (batchSize = 50) => new ProjectionRunner(store, new PgProjectionDatabase(pool, SCHEMA), communityCountProjection(), { batchSize });

  it('applies the past and live events, and ignores event types it does not handle', async () => {
    await store.appendToStream('resident-1', [registration('xiazhuang'), { ...registration('x'), type: 'ResidentMoved' }], { expectedRevision: 'no_stream' });
    const runner = newRunner();
    runner.start();
    await runner.waitUntilCaughtUp();
    expect(await counts()).toEqual([{ community: 'xiazhuang', residents: 1 }]);
    const appended = await store.appendToStream('resident-2', [registration('xiazhuang'), registration('pingguoyuan')], { expectedRevision: 'no_stream' });
    await runner.waitForPosition(appended.position);
    expect(await counts()).toEqual([
      { community: 'pingguoyuan', residents: 1 },
      { community: 'xiazhuang', residents: 2 },
    ]);
    expect(runner.status()).toMatchObject({ running: true, eventsApplied: 3, lastError: null });
    await runner.stop();
  });

  it('passes events of other types without a transaction, and after a restart applies nothing twice', async () => {
    // Counts the runner's transactions: one per batch it applies, none for a batch of other types.
    let transactions = 0;
    const database = new PgProjectionDatabase(pool, SCHEMA);
    const transaction = database.transaction.bind(database);
    database.transaction = (work) => {
      transactions++;
      return transaction(work);
    };
    const runner = new ProjectionRunner(store, database, communityCountProjection(), { batchSize: 50 });
    runner.start();
    const registered = await store.appendToStream('resident-3', [registration('xiazhuang')], { expectedRevision: 'no_stream' });
    await runner.waitForPosition(registered.position);
    const before = transactions;
    let last = registered;
    for (let i = 0; i < 20; i++) {
      last = await store.appendToStream('resident-3', [{ ...registration('elsewhere'), type: 'ResidentMoved' }], { expectedRevision: i });
      // Read-your-writes holds for events the projection does not handle too.
      await runner.waitForPosition(last.position);
    }
    await runner.stop();
    // At most the odd checkpoint save (once a second), not one transaction per batch.
    expect(transactions - before).toBeLessThan(5);
    const restarted = newRunner();
    restarted.start();
    const again = await store.appendToStream('resident-4', [registration('xiazhuang')], { expectedRevision: 'no_stream' });
    await restarted.waitForPosition(again.position);
    await restarted.stop();
    expect(await counts()).toEqual([{ community: 'xiazhuang', residents: 2 }]);
  });

  it('rolls back a failing batch with its checkpoint, then retries it and applies it once', async () => {
    await store.appendToStream('resident-f', [registration('a'), registration('b'), registration('c')], { expectedRevision: 'no_stream' });
    let failures = 1;
    const projection = communityCountProjection(async (_event, index) => {
      if (index === 2 && failures-- > 0) throw new Error('database hiccup');
    });
    const errors: unknown[] = [];
    const runner = new ProjectionRunner(store, new PgProjectionDatabase(pool, SCHEMA), projection, { onError: (e) => errors.push(e) });
    runner.start();
    await runner.waitUntilCaughtUp();
    await runner.stop();
    expect(errors).toHaveLength(1);
    expect(await counts()).toEqual(['a', 'b', 'c'].map((community) => ({ community, residents: 1 })));
  });

  it('resumes after being killed mid-batch without losing or double-applying an event', async () => {
    const communities = ['a', 'b', 'c', 'd', 'e'];
    const total = 100;
    for (let i = 0; i < total; i++) await store.appendToStream(`resident-k${i}`, [registration(communities[i % 5])], { expectedRevision: 'no_stream' });

    const root = findWorkspaceRoot();
    // `node --import tsx` runs the worker in this very process, so SIGKILL really kills it.
    const worker = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'testing/crash-worker.ts')], {
      cwd: root,
      env: { ...process.env, CRASH_DATABASE_URL: database.url, CRASH_SCHEMA: SCHEMA },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Kill it while it is in the middle of its third batch of 20.
    await new Promise<void>((resolve, reject) => {
      let applying = 0;
      worker.stdout.on('data', (chunk: Buffer) => {
        applying += chunk.toString().split('\n').filter((line) => line.startsWith('applying')).length;
        if (applying >= 50) {
          worker.kill('SIGKILL');
          resolve();
        }
      });
      worker.on('exit', (code) => (applying < 50 ? reject(new Error(`worker exited early with ${code}`)) : undefined));
    });
    await new Promise((resolve) => worker.on('exit', resolve));

    // What committed is whole: the rows match the checkpoint, nothing of the killed batch.
    const applied = Number((await pool.query(`SELECT count(*) FROM ${SCHEMA}.applied_events`)).rows[0].count);
    expect(applied).toBeGreaterThanOrEqual(20);
    expect(applied).toBeLessThan(50);
    expect(applied % 20).toBe(0);

    const runner = newRunner(20);
    runner.start();
    await runner.waitUntilCaughtUp();
    await runner.stop();
    expect(Number((await pool.query(`SELECT count(*) FROM ${SCHEMA}.applied_events`)).rows[0].count)).toBe(total);
    expect(await counts()).toEqual(communities.map((community) => ({ community, residents: total / 5 })));
  });

  it('applies every event once when two instances of the service run the same projection', async () => {
    const errors: unknown[] = [];
    const instances = [1, 2].map(() => new ProjectionRunner(store, new PgProjectionDatabase(pool, SCHEMA), communityCountProjection(), { batchSize: 7, onError: (e) => errors.push(e) }));
    for (const runner of instances) runner.start();
    await Promise.all(
      Array.from({ length: 120 }, (_, i) => store.appendToStream(`resident-two-${i}`, [registration(`c${i % 4}`)], { expectedRevision: 'no_stream' })),
    );
    await Promise.all(instances.map((runner) => runner.waitUntilCaughtUp()));
    await Promise.all(instances.map((runner) => runner.stop()));
    // applied_events has the event id as its key: a second application would have failed.
    expect(errors).toEqual([]);
    expect(Number((await pool.query(`SELECT count(*) FROM ${SCHEMA}.applied_events`)).rows[0].count)).toBe(120);
    expect((await counts()).map((row) => row.residents)).toEqual([30, 30, 30, 30]);
  });
});
