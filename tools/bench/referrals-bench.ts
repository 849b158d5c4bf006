// Referral policy benchmark (issue 6), run by hand: `npx tsx tools/bench/referrals-bench.ts --triggers=100000`.
// Seeds the Beijing-shaped referral network (tools/referrals, seed 42) into the built referrals
// service on an embedded PostgreSQL, then appends a burst of referral triggers as the residents
// service would (each resident registered with its registration triage, then either a red and
// infected ResidentTriaged or a ReferralAssistanceRequested, one append per resident), and
// measures end to end: referrals opened per second, the policy's lag behind the residents' log
// (from a trigger's append to its referral's, both as the store recorded them), and the referral
// desk's queue query over HTTP (p50/p99).
//   --triggers=N      residents, one trigger each (default 100000)
//   --assistance=F    the share of triggers that are ReferralAssistanceRequested (default 0.5)
//   --rate=R          append R triggers a second instead of one burst (default: a burst)
//   --chunk=C         residents per append transaction in the burst (default 1000)
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventToAppend, PostgresEventStore, ValidatingEventStore } from '@gridcare/event-store';
import { applyAllMigrations, discoverMigrationSets, startEmbeddedPostgres, withDatabase } from '@gridcare/postgres';
import { ReferralAssistanceRequested, ResidentRegistered, residentsContracts, residentStream, ResidentTriaged } from '@gridcare/residents-contracts';
import { Client } from 'pg';
import { createCityGrid } from '../referrals/city-grid';
import { cityGridJsonLines } from '../referrals/generate-city-grid';
import { percentile } from './bench-stats';
import { BuiltService, measureQuery, root, startBuiltService } from './residents-bench-platform';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const TRIGGERS = Number(args.triggers ?? 100_000);
const ASSISTANCE_SHARE = Number(args.assistance ?? 0.5);
const RATE = args.rate ? Number(args.rate) : null;
const CHUNK = Number(args.chunk ?? 1000);
const SEED = 42;
const RESIDENTS_SERVICE = { id: 'residents-service', role: 'system' };
const HASH = 'c'.repeat(64);

function run(command: string, argv: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} exited ${result.status}`);
}

/** The built referrals service, seeding the city grid file into its empty network at start. */
function startReferralsService(url: string, cityGridFile: string): Promise<BuiltService> {
  return startBuiltService('referrals', url, '{ grids { id } }', { GRIDCARE_SEED_CITY_GRID: 'true', GRIDCARE_CITY_GRID_FILE: cityGridFile });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One resident's append: registration, its triage, and the trigger. */
function residentAppend(index: number, communityId: string, districtId: string, streetId: string, gridId: string): { streamId: string; events: EventToAppend[] } {
  const residentId = randomUUID();
  const elderly = index % 3 === 0;
  const birthDate = elderly ? '1950-05-05' : '1975-05-05';
  const conditions = index % 4 === 0 ? [{ code: 'copd', controlled: true }] : [];
  const correlationId = randomUUID();
  const registration = ResidentRegistered.create({
    residentId,
    nationalId: `110105${birthDate.replaceAll('-', '')}${String(index % 1000).padStart(3, '0')}X`,
    fullName: `Resident ${index}`,
    sex: index % 2 ? 'female' : 'male',
    birthDate,
    phone: null,
    livingAlone: false,
    familyDoctorId: null,
    conditions,
    lowImmunity: false,
    pregnant: false,
    jurisdiction: { districtId, streetId, communityId },
    gridId,
    source: 'manual',
    importId: null,
  });
  const triage = (tier: 'red' | 'yellow' | 'green', previousTier: 'yellow' | null, infected: boolean, kind: 'registration' | 'infection-reported') =>
    ResidentTriaged.create({
      residentId,
      decisionId: randomUUID(),
      trigger: { kind, sourceEventId: null },
      asOf: '2026-01-15',
      inputs: { ageYears: elderly ? 75 : 50, sex: index % 2 ? 'female' : 'male', pregnant: false, lowImmunity: false, livingAlone: false, conditions, infected, latestSpo2: null, dosesReceived: 2 },
      ruleSet: { id: 'triage', version: '2026.1', hash: HASH },
      firedRules: [{ id: 'bench', tier }],
      tier,
      previousTier,
    });
  // The share, spread evenly over the residents.
  const assistance = Math.floor((index + 1) * ASSISTANCE_SHARE) > Math.floor(index * ASSISTANCE_SHARE);
  const trigger = assistance
    ? ReferralAssistanceRequested.create({ residentId, episodeId: randomUUID(), reason: 'follow-up-needs-referral', followUpNumber: 1, requestedOn: '2026-01-15' })
    : triage('red', 'yellow', true, 'infection-reported');
  const events = [registration, triage(elderly ? 'yellow' : 'green', null, false, 'registration'), trigger];
  return {
    streamId: residentStream(residentId),
    events: events.map((event) => ({ id: randomUUID(), ...event, metadata: { correlationId, causationId: null, actor: RESIDENTS_SERVICE } })),
  };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'gridcare-referrals-bench-'));
  const server = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'gridcare-referrals-bench-pg-')), persistent: false });
  let service: BuiltService | undefined;
  const pg = new Client({ connectionString: server.url });
  try {
    await pg.connect();
    await pg.query('CREATE DATABASE gridcare');
    await pg.end();
    const url = withDatabase(server.url, 'gridcare');
    await applyAllMigrations(url, discoverMigrationSets(root));
    const cityGrid = createCityGrid(SEED);
    const cityGridFile = join(work, 'city-grid.jsonl');
    writeFileSync(cityGridFile, cityGridJsonLines(cityGrid));
    run('npx', ['nx', 'run', 'referrals:build', '--outputStyle=static'], { NX_DAEMON: 'false' });

    let started = Date.now();
    service = await startReferralsService(url, cityGridFile);
    const db = new Client({ connectionString: url });
    await db.connect();
    const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);
    while ((await count('SELECT count(*) AS n FROM referrals.facility_capacity')) < cityGrid.facilities.length || (await count('SELECT count(*) AS n FROM referrals.grid_communities')) === 0) {
      await sleep(200);
    }
    console.log(`network seeded and projected: ${cityGrid.facilities.length.toLocaleString('en-US')} facilities, ${cityGrid.grids.length} grids in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const communities = cityGrid.city.communities;
    const store = new ValidatingEventStore(new PostgresEventStore({ connectionString: url }), residentsContracts());
    const appends = Array.from({ length: TRIGGERS }, (_, i) => {
      const community = communities[(i * 7919) % communities.length];
      return residentAppend(i, community.id, community.districtId, community.streetId, community.gridId);
    });
    const triggersOf = (from: number, to: number) => appends.slice(from, to);

    console.log(`appending ${TRIGGERS.toLocaleString('en-US')} triggers (${Math.round(ASSISTANCE_SHARE * 100)}% referral assistance, the rest red and infected) ${RATE ? `at ${RATE}/s` : `as one burst, ${CHUNK} residents a transaction`}`);
    started = Date.now();
    if (RATE) {
      const perTick = Math.max(1, Math.round(RATE / 20));
      for (let from = 0; from < TRIGGERS; from += perTick) {
        const due = started + (from / RATE) * 1000;
        if (due > Date.now()) await sleep(due - Date.now());
        await store.appendToNewStreams(triggersOf(from, from + perTick));
      }
    } else {
      for (let from = 0; from < TRIGGERS; from += CHUNK) await store.appendToNewStreams(triggersOf(from, from + CHUNK));
    }
    const appended = (Date.now() - started) / 1000;
    console.log(`appended in ${appended.toFixed(1)} s (${Math.round(TRIGGERS / appended).toLocaleString('en-US')} triggers/s)`);

    const handled = () => count(`SELECT count(*) AS n FROM event_store.events WHERE event_type IN ('ReferralRequested', 'ReferralTriggerSkipped')`);
    let last = -1;
    let stalled = Date.now();
    for (let done = await handled(); done < TRIGGERS; done = await handled()) {
      if (done !== last) [last, stalled] = [done, Date.now()];
      if (Date.now() - stalled > 120_000) throw new Error(`the policy stalled at ${done} of ${TRIGGERS} triggers`);
      await sleep(250);
    }
    const wall = (Date.now() - started) / 1000;
    await store.close();

    const lags = (
      await db.query<{ lag_ms: number }>(
        `SELECT extract(epoch FROM r.recorded_at - t.recorded_at) * 1000 AS lag_ms
         FROM event_store.events r JOIN event_store.events t ON t.event_id = (r.metadata->>'causationId')::uuid
         WHERE r.event_type = 'ReferralRequested' AND r.metadata->'actor'->>'id' = 'referral-policy'`,
      )
    ).rows
      .map((row) => Number(row.lag_ms))
      .sort((a, b) => a - b);
    const span = (
      await db.query<{ seconds: number }>(
        `SELECT extract(epoch FROM max(recorded_at) FILTER (WHERE event_type = 'ReferralRequested') - min(recorded_at) FILTER (WHERE stream_id LIKE 'resident-%')) AS seconds
         FROM event_store.events`,
      )
    ).rows[0].seconds;
    const skips = (
      await db.query<{ why: string; n: number }>(
        `SELECT data->>'reason' || coalesce(' (' || regexp_replace(data->>'refusal', ' community [^: ]+', ' a community') || ')', '') AS why, count(*)::int AS n
         FROM event_store.events WHERE event_type = 'ReferralTriggerSkipped' GROUP BY 1 ORDER BY 2 DESC`,
      )
    ).rows;
    const skipped = skips.map(({ why, n }) => `${n} ${why}`).join(', ') || 'none';
    console.log(
      `referrals opened: ${lags.length.toLocaleString('en-US')} (skipped: ${skipped}) in ${Number(span).toFixed(1)} s from the first trigger's append to the last referral's: ` +
        `${Math.round(lags.length / Number(span)).toLocaleString('en-US')} referrals/s (wall clock ${wall.toFixed(1)} s)`,
    );
    console.log(`policy lag (trigger appended -> referral appended): p50 ${percentile(lags, 50).toFixed(0)} ms, p99 ${percentile(lags, 99).toFixed(0)} ms, max ${lags[lags.length - 1]?.toFixed(0)} ms`);

    const busiest = (
      await db.query<{ facility_id: string; n: number }>(`SELECT facility_id, count(*)::int AS n FROM referrals.referrals WHERE status = 'requested' GROUP BY facility_id ORDER BY n DESC LIMIT 50`)
    ).rows;
    console.log(`referral desks: ${busiest.length} busiest facilities, ${busiest[0]?.n ?? 0} to ${busiest[busiest.length - 1]?.n ?? 0} requested referrals each`);
    const queue = 'query ($f: ID!) { referralQueue(facilityId: $f, status: REQUESTED, first: 50) { edges { node { id status requestedAt tier severity } } pageInfo { hasNextPage endCursor } } }';
    await measureQuery('referralQueue(facilityId, REQUESTED, first: 50)', 500, (i) => (service as BuiltService).graphql(queue, { f: busiest[i % busiest.length].facility_id }));
    console.log(`referrals service peak RSS ${service.peakRssMiB().toFixed(0)} MiB`);
    await db.end();
  } finally {
    await service?.stop();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
