import { facilityStream, gridStream, levelRank, referralsContracts, RoutingInputs } from '@gridcare/referrals-contracts';
import { defaultRoutingPolicy, route } from '@gridcare/referrals-domain';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createCity } from '../census/city';
import { CityGrid, createCityGrid, CRITICAL_CARE_DOCTORS_AT_LEAST, CRITICAL_CARE_NURSES_AT_LEAST, ICU_BEDS_AT_LEAST } from './city-grid';
import { capacityReadModel, cityGridEvents, cityGridJsonLines, parseCliOptions, summarise } from './generate-city-grid';

describe('the city grid generator', () => {
  let cityGrid: CityGrid;
  beforeAll(() => {
    cityGrid = createCityGrid(42);
  });

  it('is deterministic in the seed', () => {
    expect(cityGridJsonLines(createCityGrid(42))).toBe(cityGridJsonLines(cityGrid));
    expect(cityGridJsonLines(createCityGrid(43))).not.toBe(cityGridJsonLines(cityGrid));
  });

  it("maps the census city's communities onto its 56 grids, with the same ids, each in exactly one grid", () => {
    const census = createCity(42);
    expect(cityGrid.grids.map((grid) => grid.gridId)).toEqual(census.grids.map((grid) => grid.id));
    expect(cityGrid.grids).toHaveLength(56);
    const gridOf = new Map<string, string>();
    for (const grid of cityGrid.grids) for (const communityId of grid.communityIds) {
      expect(gridOf.has(communityId)).toBe(false);
      gridOf.set(communityId, grid.gridId);
    }
    expect(gridOf).toEqual(new Map(census.communities.map((community) => [community.id, community.gridId])));
    expect([...gridOf.keys()][0]).toMatch(/^d\d{2}-s\d{3}-c\d{3}$/);
  });

  it('covers the 16 districts', () => {
    expect(new Set(cityGrid.grids.flatMap((grid) => grid.districtIds))).toEqual(new Set(Array.from({ length: 16 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`)));
  });

  it('leads each grid by one tertiary hospital, with several second-level hospitals and grassroots institutions', () => {
    const facilities = new Map(cityGrid.facilities.map((seed) => [seed.registration.facilityId, seed]));
    const census = new Map(createCity(42).grids.map((grid) => [grid.id, grid]));
    for (const grid of cityGrid.grids) {
      const members = grid.facilityIds.map((id) => facilities.get(id));
      const levels = members.map((seed) => seed?.registration.level);
      expect(levels.filter((level) => level === 'tertiary')).toHaveLength(1);
      expect(facilities.get(grid.leadFacilityId)?.registration).toMatchObject({ level: 'tertiary', name: census.get(grid.gridId)?.leadHospital.name });
      expect(grid.leadFacilityId).toBe(`h-${grid.gridId}`);
      expect(levels.filter((level) => level === 'second-level').length).toBeGreaterThanOrEqual(2);
      expect(levels.filter((level) => level === 'grassroots').length).toBeGreaterThanOrEqual(10);
      for (const seed of members) expect(seed?.gridId).toBe(grid.gridId);
    }
    // Every facility is in exactly one grid; a grassroots institution serves communities of its own grid.
    expect(cityGrid.grids.flatMap((grid) => grid.facilityIds).sort()).toEqual([...facilities.keys()].sort());
    const gridOf = new Map(cityGrid.grids.flatMap((grid) => grid.communityIds.map((id) => [id, grid.gridId] as const)));
    for (const seed of cityGrid.facilities) for (const communityId of seed.registration.communityIds) expect(gridOf.get(communityId)).toBe(seed.gridId);
  });

  it("has thousands of facilities and the seed's critical-care figures: 7,000+ ICU beds, 14,000 doctors, 28,000 nurses", () => {
    const summary = summarise(cityGrid);
    expect(summary.facilities.grassroots + summary.facilities['second-level'] + summary.facilities.tertiary).toBeGreaterThan(3000);
    expect(summary.icuBeds).toBeGreaterThanOrEqual(ICU_BEDS_AT_LEAST);
    expect(summary.criticalCareDoctors).toBeGreaterThanOrEqual(CRITICAL_CARE_DOCTORS_AT_LEAST);
    expect(summary.criticalCareNurses).toBeGreaterThanOrEqual(CRITICAL_CARE_NURSES_AT_LEAST);
    for (const { registration, capacity } of cityGrid.facilities) {
      // ICU beds only in hospitals, and some of them free.
      expect(capacity !== null).toBe(registration.level !== 'grassroots');
      if (capacity) expect(capacity.icuBedsOccupied).toBeLessThan(capacity.icuBedsOpen);
    }
  });

  it('names neighbouring grids both ways', () => {
    const neighbours = new Map(cityGrid.grids.map((grid) => [grid.gridId, grid.neighbourGridIds]));
    for (const [gridId, list] of neighbours) {
      expect(list.length).toBeGreaterThan(0);
      for (const other of list) expect(neighbours.get(other)).toContain(gridId);
    }
  });

  it('writes events every contract accepts, on the facility and grid streams, in append order', () => {
    const registry = referralsContracts();
    const events = cityGridEvents(cityGrid);
    const seen = new Set<string>();
    for (const event of events) {
      expect(() => registry.validateForAppend(event.type, event.schemaVersion, event.data)).not.toThrow();
      const data = event.data as { facilityId?: string; gridId?: string };
      if (event.type === 'GridDefined') expect(event.streamId).toBe(gridStream(data.gridId as string));
      else expect(event.streamId).toBe(facilityStream(data.facilityId as string));
      // A facility's stream opens with its registration; grids come after every facility.
      if (!seen.has(event.streamId)) expect(['FacilityRegistered', 'GridDefined']).toContain(event.type);
      seen.add(event.streamId);
    }
    expect(events.findIndex((event) => event.type === 'GridDefined')).toBe(events.length - 56);
    expect(cityGridJsonLines(cityGrid).split('\n').filter(Boolean).map((line) => JSON.parse(line))).toEqual(events);
  });

  it('routes the generated city: within the grid, and the green channel to an open ICU bed nearby', () => {
    const snapshot = capacityReadModel(cityGrid);
    const policy = defaultRoutingPolicy().document;
    const centres = cityGrid.facilities.filter((seed) => seed.registration.kind === 'community-health-service-centre').filter((_, index) => index % 17 === 0);
    const gridById = new Map(cityGrid.grids.map((grid) => [grid.gridId, { gridId: grid.gridId, neighbourGridIds: grid.neighbourGridIds }]));
    for (const { registration, gridId } of centres) {
      const inputs: RoutingInputs = {
        direction: 'up',
        tier: 'red',
        severity: 'moderate',
        spo2: 95,
        ageYears: 58,
        highRisk: false,
        needsIcu: false,
        gridId,
        from: { facilityId: registration.facilityId, level: 'grassroots', location: registration.location },
        homeFacilityId: registration.facilityId,
        excludedFacilityIds: [],
      };
      const grid = gridById.get(gridId) as { gridId: string; neighbourGridIds: string[] };
      const moderate = route(inputs, snapshot, grid, policy);
      expect(moderate.outcome).toMatchObject({ foundIn: 'grid', gridId, level: 'second-level' });
      const critical = route({ ...inputs, severity: 'critical' }, snapshot, grid, policy);
      expect(critical.outcome).toMatchObject({ channel: 'green-channel', icuBedRequired: true, overCapacity: false });
      expect(levelRank(critical.outcome.level)).toBeGreaterThan(0);
      expect(critical.outcome.distanceKm).toBeLessThan(30);
      // The decision records a handful of facilities, not the city, and re-runs on them alone.
      expect(critical.capacitySnapshot.length).toBeLessThan(20);
      expect(route({ ...inputs, severity: 'critical' }, critical.capacitySnapshot, grid, policy)).toEqual(critical);
    }
  });

  describe('command line', () => {
    it('reads --seed and --out', () => {
      expect(parseCliOptions([])).toEqual({ seed: 42, out: 'tmp/city-grid.jsonl' });
      expect(parseCliOptions(['--seed=7', '--out=x.jsonl'])).toEqual({ seed: 7, out: 'x.jsonl' });
      expect(() => parseCliOptions(['--seed=-1'])).toThrow(/--seed/);
    });

    it('writes the JSON lines file', () => {
      const dir = mkdtempSync(join(tmpdir(), 'city-grid-'));
      try {
        const out = join(dir, 'nested', 'city-grid.jsonl');
        execFileSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, 'generate-city-grid.ts'), '--seed=42', `--out=${out}`], { stdio: 'pipe' });
        expect(readFileSync(out, 'utf8')).toBe(cityGridJsonLines(cityGrid));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  });
});
