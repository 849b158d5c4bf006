import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, findWorkspaceRoot, TestDatabase } from '@gridcare/postgres';
import { FAMILY_DOCTOR, REQUEST, requestInput } from '../testing/referral-queries';
import { ReferralsTestApp, SEED_ACTOR, startReferralsTestApp } from '../testing/referrals-test-app';
import { CityGridSeeding } from './city-grid-seeding.service';

const root = findWorkspaceRoot(__dirname);
const NETWORK_EVENTS = `SELECT count(*)::int AS n FROM event_store.events WHERE stream_id LIKE 'facility-%' OR stream_id LIKE 'grid-%'`;

interface Requested {
  requestReferral: { channel: string; facilityId: string; decision: { appliedRule: string; capacitySnapshot: unknown[]; outcome: { icuBedRequired: boolean; foundIn: string } } };
}

/** The Beijing-shaped city of seed 42 (tools/referrals), as the npm script writes it. */
function generateCityGrid(dir: string): string {
  const file = join(dir, 'city-grid.jsonl');
  execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'tools', 'referrals', 'generate-city-grid.ts'), '--seed=42', `--out=${file}`], { cwd: root, stdio: 'pipe' });
  return file;
}

describe('seeding the city grid', () => {
  let dir: string;
  let file: string;
  let service: ReferralsTestApp;

  const networkEvents = async () => (await service.pool.query<{ n: number }>(NETWORK_EVENTS)).rows[0].n;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'city-grid-'));
    file = generateCityGrid(dir);
    service = await startReferralsTestApp();
  });
  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends the whole network once, and nothing the second time', async () => {
    const seeding = service.app.get(CityGridSeeding);
    expect(await seeding.networkIsEmpty()).toBe(true);
    const started = Date.now();
    const first = await seeding.seedFile(file, { actor: SEED_ACTOR });
    const appended = Date.now() - started;
    await service.waitForProjections();
    const caughtUp = Date.now() - started;
    expect(first).toMatchObject({ facilities: { existing: 0, refused: 0 }, grids: { created: 56, existing: 0, refused: 0 }, refusals: [] });
    expect(first.facilities.created).toBeGreaterThan(5000);
    const events = await networkEvents();
    console.log(`city grid seed 42: ${first.facilities.created} facilities, 56 grids, ${events} events appended in ${appended} ms; read models caught up at ${caughtUp} ms`);

    const second = await seeding.seedFile(file, { actor: SEED_ACTOR });
    expect(second).toMatchObject({ facilities: { created: 0, existing: first.facilities.created, refused: 0 }, grids: { created: 0, existing: 56 }, position: null });
    expect(await networkEvents()).toBe(events);
    expect(await seeding.networkIsEmpty()).toBe(false);
  });

  it('shows the city in the read models: 56 grids, every community on a grid, 7,259 ICU beds', async () => {
    const count = async (sql: string) => (await service.pool.query(sql)).rows[0];
    expect(await count('SELECT count(*)::int AS grids FROM referrals.grids')).toEqual({ grids: 56 });
    expect(await count('SELECT count(*)::int AS communities FROM referrals.grid_communities')).toEqual({ communities: 6982 });
    expect(await count('SELECT sum(icu_beds_open)::int AS beds, sum(icu_beds_held)::int AS held FROM referrals.facility_capacity')).toEqual({ beds: 7259, held: 0 });
    expect(await count('SELECT count(*)::int AS without_grid FROM referrals.facilities WHERE grid_id IS NULL')).toEqual({ without_grid: 0 });
    const { grids } = await service.ok<{ grids: { id: string; leadFacility: { level: string }; icuBeds: { open: number } }[] }>('{ grids { id leadFacility { level } icuBeds { open } } }');
    expect(grids).toHaveLength(56);
    expect(grids.every((grid) => grid.leadFacility.level === 'TERTIARY' && grid.icuBeds.open > 0)).toBe(true);
  });

  it('routes referrals on the whole capacity read model, recording only the facilities it looked at', async () => {
    const { rows } = await service.pool.query<{ community_id: string }>(
      `SELECT community_id FROM referrals.grid_communities WHERE community_id IN (SELECT community_id FROM referrals.community_facilities) ORDER BY community_id LIMIT 20`,
    );
    const started = Date.now();
    for (const { community_id: communityId } of rows) {
      const { requestReferral } = await service.ok<Requested>(REQUEST, { input: requestInput({ communityId, severity: 'CRITICAL' }) }, FAMILY_DOCTOR);
      expect(requestReferral).toMatchObject({ channel: 'GREEN_CHANNEL', decision: { appliedRule: 'critically-ill-green-channel', outcome: { icuBedRequired: true } } });
      expect(requestReferral.decision.capacitySnapshot.length).toBeLessThan(50);
    }
    console.log(`requestReferral on the seeded city (5,105 facilities in the capacity read model): ${((Date.now() - started) / rows.length).toFixed(0)} ms each over HTTP, ${rows.length} in a row`);
  });
});

describe('seeding the city grid at first start', () => {
  let dir: string;
  let database: TestDatabase;
  const saved = { seed: process.env.GRIDCARE_SEED_CITY_GRID, file: process.env.GRIDCARE_CITY_GRID_FILE };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'city-grid-'));
    database = await createTestDatabase();
    process.env.GRIDCARE_CITY_GRID_FILE = generateCityGrid(dir);
  });
  afterAll(async () => {
    process.env.GRIDCARE_SEED_CITY_GRID = saved.seed;
    process.env.GRIDCARE_CITY_GRID_FILE = saved.file;
    if (saved.seed === undefined) delete process.env.GRIDCARE_SEED_CITY_GRID;
    if (saved.file === undefined) delete process.env.GRIDCARE_CITY_GRID_FILE;
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const networkEventsAfterStart = async () => {
    const service = await startReferralsTestApp({ database });
    try {
      return (await service.pool.query<{ n: number }>(NETWORK_EVENTS)).rows[0].n;
    } finally {
      await service.close();
    }
  };

  it('seeds only when GRIDCARE_SEED_CITY_GRID=true and the log has no network yet', async () => {
    delete process.env.GRIDCARE_SEED_CITY_GRID;
    expect(await networkEventsAfterStart()).toBe(0);
    process.env.GRIDCARE_SEED_CITY_GRID = 'true';
    const seeded = await networkEventsAfterStart();
    expect(seeded).toBeGreaterThan(5000);
    expect(await networkEventsAfterStart()).toBe(seeded);
  });
});
