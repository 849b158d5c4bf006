// Audit benchmark, run by hand: `npx tsx tools/bench/audit-bench.ts --residents=1000000` (default 100000).
// Imports a census (each resident: a ResidentRegistered and its ResidentTriaged decision), then
// measures, in one run:
//   - audit:verify's decision re-run over the whole log, in-process (decisions/s, wall time), and
//     the hash-chain verification of every stream separately (events/s);
//   - the audit service from its build, against that database: how long its projections take to
//     catch up with the log, then caseHistory(first: 50) and caseAsOf(at) for random residents,
//     one request at a time straight to the service as a city auditor (p50/p99);
//   - a full rebuild of the residents read models with `npm run rebuild -- residents` (events/s).
//   --requests=N   requests per query (default 500)
import { spawnSync } from 'node:child_process';
import { comparePositions, GlobalPosition, PostgresEventStore, verifyAllChains } from '@gridcare/event-store';
import { Client } from 'pg';
import { verifyDecisions } from '../audit/verify';
import { runCommand } from '../e2e/platform-processes';
import { BuiltService, importedCensus, measureQuery, root, startBuiltService } from './residents-bench-platform';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const RESIDENTS = Number(args.residents ?? 100_000);
const REQUESTS = Number(args.requests ?? 500);
const AUDITOR = { id: 'bench-auditor', role: 'auditor' };

/** The width of a figure's name. */
const LABEL = 56;
const count = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Whether PostgreSQL has statistics for the log: without them its readAll plan sorts the rest of the log for every page. */
async function logStatistics(pg: Client): Promise<string> {
  const { rows } = await pg.query<{ n_live_tup: string; analyzed: Date | null }>(
    `SELECT n_live_tup::text, greatest(last_analyze, last_autoanalyze) AS analyzed FROM pg_stat_user_tables WHERE schemaname = 'event_store' AND relname = 'events'`,
  );
  const analyzed = rows[0]?.analyzed;
  return analyzed ? `analyzed ${analyzed.toISOString()}` : 'never analyzed';
}

async function measureVerify(store: PostgresEventStore, label: string): Promise<void> {
  const report = await verifyDecisions(store);
  const { total } = report.tally;
  const verdict = report.tally.anyDifferent || report.libraryIssues.length ? `DIFFERENCES: ${total.different} different, ${report.libraryIssues.length} publications refused` : 'all identical';
  console.log(
    `${`audit:verify decisions, ${label}`.padEnd(LABEL)} ${count(report.decisionsPerSecond).padStart(8)} decisions/s (${count(total.checked)} in ${seconds(report.elapsedMs)}; ${verdict})`,
  );
}

async function measureChains(store: PostgresEventStore): Promise<void> {
  const started = performance.now();
  const chains = await verifyAllChains(store);
  const elapsedMs = performance.now() - started;
  console.log(
    `${'audit:verify hash chains'.padEnd(LABEL)} ${count((chains.events * 1000) / elapsedMs).padStart(8)} events/s (${count(chains.events)} events in ${count(chains.streams)} streams in ${seconds(elapsedMs)}; ${chains.breaks.length} broken)`,
  );
}

/**
 * Waits until the audit projections' checkpoints (audit.projection_checkpoints) are all at the
 * log's head, on two polls in a row with the same projections (each writes its first checkpoint
 * after its first batch); returns the projections and how long that took.
 */
async function auditCaughtUp(pg: Client, head: GlobalPosition, timeoutMs: number): Promise<{ projections: string[]; ms: number }> {
  const started = performance.now();
  let caughtUp = '';
  for (;;) {
    const { rows } = await pg.query<{ projection: string; commit: string; prepare: string }>(
      'SELECT projection, commit_position::text AS commit, prepare_position::text AS prepare FROM audit.projection_checkpoints ORDER BY projection',
    );
    const behind = rows.filter((row) => comparePositions({ commit: BigInt(row.commit), prepare: BigInt(row.prepare) }, head) < 0);
    const projections = rows.map((row) => row.projection);
    if (rows.length && !behind.length) {
      if (caughtUp === projections.join()) return { projections, ms: performance.now() - started };
      caughtUp = projections.join();
    } else {
      caughtUp = '';
    }
    if (performance.now() - started > timeoutMs) throw new Error(`audit projections not caught up after ${seconds(timeoutMs)}: ${behind.map((row) => row.projection).join(', ') || 'none started'}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * A full rebuild of every residents read model, as `npm run rebuild -- residents` runs it (the
 * residents build is there: the census import used it): its own figures per read model, events/s
 * and how long the switch held the tables.
 */
async function measureRebuild(url: string): Promise<void> {
  const started = performance.now();
  const run = await runCommand(['dist/apps/residents/apps/residents/src/rebuild-read-models.cli.js'], { DATABASE_URL: url }, 3_600_000);
  const lines = run.output.split(/\r?\n|\r/).filter((line) => /^[a-z-]+: [\d,]+ events in/.test(line));
  if (run.code !== 0 || !lines.length) throw new Error(`rebuild exited ${run.code}:\n${run.output}`);
  console.log(`${'residents read models rebuilt (npm run rebuild -- residents)'.padEnd(LABEL)} ${seconds(performance.now() - started)} in all`);
  for (const line of lines) console.log(`  ${line}`);
}

async function main(): Promise<void> {
  const { server, url } = await importedCensus(RESIDENTS);
  const pg = new Client({ connectionString: url });
  await pg.connect();
  const store = new PostgresEventStore({ connectionString: url });
  let audit: BuiltService | undefined;
  try {
    const head = await store.headPosition();
    if (!head) throw new Error('the census import wrote nothing');
    const statisticsNow = await logStatistics(pg);
    const { rows: logRows } = await pg.query<{ events: string }>('SELECT count(*)::text AS events FROM event_store.events');
    const events = Number(logRows[0].events);
    console.log(`${count(RESIDENTS)} residents, ${count(events)} events in the log (event_store.events ${statisticsNow})`);

    // The verifier, as `npm run audit:verify` runs it: cold (first read of the log), then warm.
    await measureVerify(store, 'cold');
    await measureVerify(store, 'warm');
    if (statisticsNow === 'never analyzed') {
      // What autovacuum would give the planner sooner or later: the figure with the readAll plan walking the log-order index.
      await pg.query('ANALYZE event_store.events');
      await measureVerify(store, 'after ANALYZE event_store.events');
    }
    await measureChains(store);

    // The audit service from its build; its projections read the whole log from the start.
    const build = spawnSync('npx', ['nx', 'run', 'audit:build', '--outputStyle=static'], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
    if (build.status !== 0) throw new Error(`audit:build exited ${build.status}`);
    const started = performance.now();
    audit = await startBuiltService('audit', url, '{ __typename }');
    const startMs = performance.now() - started;
    const caughtUp = await auditCaughtUp(pg, head, 3_600_000);
    // An upper bound: the last poll (1 s) and the confirming one are counted in.
    const catchUpMs = startMs + caughtUp.ms;
    console.log(
      `${'audit projections caught up'.padEnd(LABEL)} ${count((events * 1000) / catchUpMs).padStart(8)} events/s (${seconds(catchUpMs)} from the service's start, at most; ${caughtUp.projections.join(', ')})`,
    );

    const { rows } = await pg.query<{ resident_id: string }>('SELECT resident_id::text FROM residents.residents ORDER BY random() LIMIT $1', [REQUESTS]);
    const residents = rows.map((row) => row.resident_id);
    const at = new Date().toISOString();
    const service = audit;
    await measureQuery('caseHistory(residentId, first: 50)', REQUESTS, (i) =>
      service.graphql(
        `query ($id: ID!) { caseHistory(residentId: $id, first: 50) {
           entries { position eventId type recordedAt actor { id role } summary why causedBy { eventId type summary } }
           pageInfo { hasNextPage endCursor } } }`,
        { id: residents[i % residents.length] },
        AUDITOR,
      ),
    );
    await measureQuery('caseAsOf(residentId, at)', REQUESTS, (i) =>
      service.graphql(
        'query ($id: ID!, $at: String) { caseAsOf(residentId: $id, at: $at) { residentId asOf registered tier infected latestSpo2 episode followUps openReferrals { referralId status } eventsFolded } }',
        { id: residents[i % residents.length], at },
        AUDITOR,
      ),
    );
    console.log(`audit service peak RSS ${audit.peakRssMiB().toFixed(0)} MiB`);
    await audit.stop();
    audit = undefined;
    await measureRebuild(url);
  } finally {
    await audit?.stop();
    await store.close();
    await pg.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
