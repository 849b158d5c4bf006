// Event store benchmark, run by hand: `npm run bench:event-store [-- --events=1000000]`.
// Starts its own embedded PostgreSQL (default durability settings) unless DATABASE_URL is
// set, and measures in one run: single-event appends with 1, 8 and 32 writers, batched
// appends, the same rows through plain pg INSERTs (the baseline), a global-log read from
// position 0, and a projection rebuild. Figures go to the closing note of the issue.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool, PoolClient } from 'pg';
import { EventToAppend, PostgresEventStore, RecordedEvent, START } from '@gridcare/event-store';
import { applyAllMigrations, discoverMigrationSets, findWorkspaceRoot, startEmbeddedPostgres } from '@gridcare/postgres';
import { ReadModel, rebuildReadModel } from '@gridcare/projections';
import { concurrently, describe, Throughput, timed } from './bench-stats';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const REBUILD_EVENTS = Number(args.events ?? 1_000_000);
const SINGLE_APPENDS = Number(args.single ?? 20_000);

function followUpEvent(i: number): EventToAppend {
  return {
    id: randomUUID(),
    type: 'FollowUpRecorded',
    schemaVersion: 1,
    data: { residentId: `r-${i}`, communityId: `community-${i % 3000}`, channel: 'telephone', outcome: i % 7 === 0 ? 'worse' : 'stable', spo2: 90 + (i % 9), note: 'called at 09:30, breathing steady' },
    metadata: { correlationId: randomUUID(), causationId: null, actor: { id: `worker-${i % 500}`, role: 'community_worker' } },
  };
}

const BASELINE_DDL = `
CREATE TABLE IF NOT EXISTS bench_baseline (
  global_position BIGINT GENERATED ALWAYS AS IDENTITY,
  transaction_id XID8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id TEXT NOT NULL, stream_revision BIGINT NOT NULL, event_id UUID NOT NULL, event_type TEXT NOT NULL,
  schema_version INTEGER NOT NULL, data JSONB NOT NULL, metadata JSONB NOT NULL, recorded_at TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  PRIMARY KEY (stream_id, stream_revision));
CREATE UNIQUE INDEX IF NOT EXISTS bench_baseline_event ON bench_baseline (stream_id, event_id);
CREATE INDEX IF NOT EXISTS bench_baseline_log ON bench_baseline (transaction_id, global_position);
TRUNCATE bench_baseline;`;

const BASELINE_INSERT = `INSERT INTO bench_baseline (stream_id, stream_revision, event_id, event_type, schema_version, data, metadata)
SELECT $1, e.ord - 1, e.id, e.type, e.version, e.data, e.metadata
FROM unnest($2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY AS e(id, type, version, data, metadata, ord)`;

/** The baseline gets a prepared statement too, as the event store's appends do. */
function baselineInsert(pool: Pool, values: unknown[]) {
  return pool.query({ name: 'bench_baseline_insert', text: BASELINE_INSERT, values });
}

function baselineParams(streamId: string, events: EventToAppend[]): unknown[] {
  return [
    streamId,
    events.map((e) => e.id),
    events.map((e) => e.type),
    events.map((e) => e.schemaVersion),
    events.map((e) => JSON.stringify(e.data)),
    events.map((e) => JSON.stringify(e.metadata)),
  ];
}

/** A simple read model: follow-ups and worsening outcomes per community. */
function communityFollowUps(): ReadModel {
  return {
    name: 'bench-community-follow-ups',
    tables: ['community_follow_ups'],
    eventTypes: ['FollowUpRecorded'],
    async apply(events: readonly RecordedEvent[], tx: PoolClient) {
      const counts = new Map<string, [number, number]>();
      for (const event of events) {
        const data = event.data as { communityId: string; outcome: string };
        const row = counts.get(data.communityId) ?? [0, 0];
        row[0]++;
        if (data.outcome === 'worse') row[1]++;
        counts.set(data.communityId, row);
      }
      await tx.query(
        `INSERT INTO community_follow_ups (community_id, follow_ups, worse)
         SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
         ON CONFLICT (community_id) DO UPDATE SET follow_ups = community_follow_ups.follow_ups + EXCLUDED.follow_ups, worse = community_follow_ups.worse + EXCLUDED.worse`,
        [[...counts.keys()], [...counts.values()].map((v) => v[0]), [...counts.values()].map((v) => v[1])],
      );
    },
  };
}

async function main(): Promise<void> {
  const root = findWorkspaceRoot(__dirname);
  let url = process.env.DATABASE_URL;
  const server = url ? undefined : await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'gridcare-bench-pg-')), persistent: false });
  url ??= server?.url as string;
  await applyAllMigrations(url, discoverMigrationSets(root));
  const pool = new Pool({ connectionString: url, max: 40 });
  pool.on('error', () => undefined);
  await pool.query(BASELINE_DDL);
  await pool.query('TRUNCATE event_store.events');
  const store = new PostgresEventStore({ pool });
  const results: Record<string, Throughput> = {};
  const report = (name: string, result: Throughput, extra = '') => {
    results[name] = result;
    console.log(`${name.padEnd(34)} ${describe(result)}${extra}`);
  };
  console.log(`PostgreSQL: ${(await pool.query('SHOW server_version')).rows[0].server_version}, ${server ? 'embedded' : 'DATABASE_URL'}; node ${process.version}`);

  // Warm up: open every pooled connection and let the JIT settle before measuring.
  await concurrently(32, 2000, (i) => store.appendToStream(`warm-${i}`, [followUpEvent(i)], { expectedRevision: 'no_stream' }));
  await concurrently(32, 2000, (i) => baselineInsert(pool, baselineParams(`warm-${i}`, [followUpEvent(i)])));

  // Rounds alternate which goes first, so neither side always meets a checkpoint or a
  // cold cache; each side reports its best round.
  const best = (a: Throughput, b: Throughput) => (a.perSecond >= b.perSecond ? a : b);
  for (const writers of [1, 8, 32]) {
    const total = writers === 1 ? Math.min(SINGLE_APPENDS, 5000) : SINGLE_APPENDS;
    let appended: Throughput | undefined;
    let baseline: Throughput | undefined;
    for (let round = 0; round < 3; round++) {
      const events = Array.from({ length: total }, (_, i) => followUpEvent(i));
      const runStore = () =>
        timed(total, () => concurrently(writers, total, (i) => store.appendToStream(`resident-w${writers}-r${round}-${i}`, [events[i]], { expectedRevision: 'no_stream' })));
      const runBaseline = () =>
        timed(total, () => concurrently(writers, total, (i) => baselineInsert(pool, baselineParams(`resident-w${writers}-r${round}-${i}`, [events[i]]))));
      if (round % 2 === 0) {
        appended = best(await runStore(), appended ?? { events: 0, seconds: 1, perSecond: 0 });
        baseline = best(await runBaseline(), baseline ?? { events: 0, seconds: 1, perSecond: 0 });
      } else {
        baseline = best(await runBaseline(), baseline ?? { events: 0, seconds: 1, perSecond: 0 });
        appended = best(await runStore(), appended ?? { events: 0, seconds: 1, perSecond: 0 });
      }
    }
    if (!appended || !baseline) throw new Error('no rounds ran');
    report(`append 1 event, ${writers} writer(s)`, appended, `  = ${(appended.perSecond / baseline.perSecond).toFixed(2)}x baseline`);
    report(`  baseline pg INSERT, ${writers} writer(s)`, baseline);
  }

  const batches = 2000;
  const batchEvents = Array.from({ length: batches }, (_, b) => Array.from({ length: 100 }, (_, i) => followUpEvent(b * 100 + i)));
  const batched = await timed(batches * 100, () =>
    concurrently(4, batches, (b) => store.appendToStream(`census-batch-${b}`, batchEvents[b], { expectedRevision: 'no_stream' })),
  );
  const baselineBatched = await timed(batches * 100, () => concurrently(4, batches, (b) => baselineInsert(pool, baselineParams(`census-batch-${b}`, batchEvents[b]))));
  report('append batches of 100, 4 writers', batched, `  = ${(batched.perSecond / baselineBatched.perSecond).toFixed(2)}x baseline`);
  report('  baseline pg INSERT of 100 rows', baselineBatched);

  if (args.only === 'appends') return finish();

  // Fill the log up to REBUILD_EVENTS for the read and rebuild figures.
  const have = Number((await pool.query('SELECT count(*) FROM event_store.events')).rows[0].count);
  const missingBatches = Math.max(0, Math.ceil((REBUILD_EVENTS - have) / 100));
  await concurrently(4, missingBatches, (b) =>
    store.appendToStream(`fill-${b}`, Array.from({ length: 100 }, (_, i) => followUpEvent(b * 100 + i)), { expectedRevision: 'no_stream' }),
  );
  const inLog = Number((await pool.query('SELECT count(*) FROM event_store.events')).rows[0].count);
  await pool.query('VACUUM ANALYZE event_store.events');

  const read = await timed(inLog, async () => {
    let after = START;
    let count = 0;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 5000 });
      count += page.events.length;
      after = page.checkpoint;
      if (page.endOfLog) break;
    }
    if (count !== inLog) throw new Error(`read ${count} of ${inLog} events`);
  });
  report('read $all from position 0', read);

  await pool.query('CREATE SCHEMA IF NOT EXISTS bench');
  await pool.query(`CREATE TABLE IF NOT EXISTS bench.projection_checkpoints (projection TEXT PRIMARY KEY, commit_position NUMERIC(20) NOT NULL, prepare_position NUMERIC(20) NOT NULL, updated_at TIMESTAMPTZ(6) NOT NULL DEFAULT now());
    CREATE TABLE IF NOT EXISTS bench.community_follow_ups (community_id TEXT PRIMARY KEY, follow_ups INT NOT NULL, worse INT NOT NULL)`);
  const rebuilt = await timed(inLog, async () => {
    const progress = await rebuildReadModel(store, pool, 'bench', communityFollowUps(), { pageSize: 5000 });
    if (progress.eventsApplied !== inLog) throw new Error(`rebuilt ${progress.eventsApplied} of ${inLog}`);
  });
  const total = Number((await pool.query('SELECT sum(follow_ups) AS n FROM bench.community_follow_ups')).rows[0].n);
  report('projection rebuild', rebuilt, `  (read model sums to ${total.toLocaleString('en-US')})`);
  await finish();

  async function finish(): Promise<void> {
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
    await store.close();
    await pool.end();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
