import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCityGrid } from '../referrals/city-grid';
import { cityGridJsonLines } from '../referrals/generate-city-grid';

/** The census's seed: the referral network's communities and grids are the census city's. */
const CITY_SEED = 42;

/**
 * What `npm start` tells the referrals service about seeding its referral network. On a first
 * start (or with GRIDCARE_SEED_CITY_GRID=true), it writes the Beijing-shaped city's network to
 * .data/city-grid.jsonl and asks the service to append it; the service does so only while its
 * log has no facility or grid yet. GRIDCARE_SEED_CITY_GRID=false turns it off.
 */
export function cityGridSeedEnv(root: string, firstStart: boolean, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const wanted = env.GRIDCARE_SEED_CITY_GRID === 'true' || (firstStart && env.GRIDCARE_SEED_CITY_GRID === undefined);
  if (!wanted) return {};
  if (env.GRIDCARE_CITY_GRID_FILE) return { GRIDCARE_SEED_CITY_GRID: 'true' };
  const file = join(root, '.data', 'city-grid.jsonl');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, cityGridJsonLines(createCityGrid(CITY_SEED)));
  return { GRIDCARE_SEED_CITY_GRID: 'true', GRIDCARE_CITY_GRID_FILE: file };
}
