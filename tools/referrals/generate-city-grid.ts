// The referral network of the synthetic Beijing-shaped city as events, for seeding, demos and
// benchmarks: one JSON line per event, { streamId, type, schemaVersion, data }, in append order.
//   npx tsx tools/referrals/generate-city-grid.ts --seed=42 --out=tmp/city-grid.jsonl
// Use the census's seed: the communities and grids are the census city's (tools/census), so
// residents and referrals line up. The same seed always gives byte-identical files.
import { FacilityCapacity, FacilityCapacityChanged, facilityStream, FacilityRegistered, GridDefined, gridStream } from '@gridcare/referrals-contracts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { CityGrid, createCityGrid } from './city-grid';

export interface SeedEvent {
  streamId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
}

/** Every event of the network, built (and so validated) through its contract: facilities first, then grids. */
export function cityGridEvents(cityGrid: CityGrid): SeedEvent[] {
  const events: SeedEvent[] = [];
  for (const { registration, capacity } of cityGrid.facilities) {
    const streamId = facilityStream(registration.facilityId);
    events.push({ streamId, ...FacilityRegistered.create(registration) });
    if (capacity) events.push({ streamId, ...FacilityCapacityChanged.create(capacity) });
  }
  for (const grid of cityGrid.grids) events.push({ streamId: gridStream(grid.gridId), ...GridDefined.create(grid) });
  return events;
}

/** The capacity read model routing would see right after seeding (for tests, demos and benchmarks). */
export function capacityReadModel(cityGrid: CityGrid): FacilityCapacity[] {
  return cityGrid.facilities.map(({ registration, gridId, capacity }) => ({
    facilityId: registration.facilityId,
    gridId,
    level: registration.level,
    capabilities: registration.capabilities,
    location: registration.location,
    icuBeds: { open: capacity?.icuBedsOpen ?? 0, occupied: capacity?.icuBedsOccupied ?? 0, held: 0 },
    facilityRevision: capacity ? 1 : 0,
  }));
}

export function cityGridJsonLines(cityGrid: CityGrid): string {
  return cityGridEvents(cityGrid).map((event) => `${JSON.stringify(event)}\n`).join('');
}

export interface CityGridSummary {
  facilities: Record<string, number>;
  grids: number;
  communities: number;
  icuBeds: number;
  criticalCareDoctors: number;
  criticalCareNurses: number;
}

export function summarise(cityGrid: CityGrid): CityGridSummary {
  const facilities: Record<string, number> = {};
  for (const { registration } of cityGrid.facilities) facilities[registration.level] = (facilities[registration.level] ?? 0) + 1;
  const total = (pick: (capacity: NonNullable<CityGrid['facilities'][number]['capacity']>) => number) =>
    cityGrid.facilities.reduce((sum, { capacity }) => sum + (capacity ? pick(capacity) : 0), 0);
  return {
    facilities,
    grids: cityGrid.grids.length,
    communities: cityGrid.grids.reduce((sum, grid) => sum + grid.communityIds.length, 0),
    icuBeds: total((capacity) => capacity.icuBedsOpen),
    criticalCareDoctors: total((capacity) => capacity.criticalCareDoctors),
    criticalCareNurses: total((capacity) => capacity.criticalCareNurses),
  };
}

export function parseCliOptions(argv: string[]): { seed: number; out: string } {
  const { values } = parseArgs({ args: argv, options: { seed: { type: 'string' }, out: { type: 'string' } }, strict: true, allowPositionals: false });
  const seed = values.seed ?? '42';
  if (!/^\d+$/.test(seed) || Number(seed) > 0xffffffff) throw new Error(`--seed must be an integer in 0..${0xffffffff}, got "${seed}"`);
  return { seed: Number(seed), out: values.out ?? 'tmp/city-grid.jsonl' };
}

function main(): void {
  const { seed, out } = parseCliOptions(process.argv.slice(2));
  const cityGrid = createCityGrid(seed);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, cityGridJsonLines(cityGrid));
  const summary = summarise(cityGrid);
  const count = (n: number) => n.toLocaleString('en');
  process.stderr.write(
    `city-grid: seed ${seed} -> ${out}: ${summary.grids} grids, ${count(summary.communities)} communities, ` +
      `facilities ${Object.entries(summary.facilities).map(([level, n]) => `${level} ${count(n)}`).join(', ')}; ` +
      `${count(summary.icuBeds)} ICU beds, ${count(summary.criticalCareDoctors)} critical-care doctors, ${count(summary.criticalCareNurses)} nurses\n`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`city-grid: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
