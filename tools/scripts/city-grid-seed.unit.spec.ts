import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cityGridSeedEnv } from './city-grid-seed';

describe('npm start and the city grid seed', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'gridcare-root-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('on a first start, writes the city grid file and asks the referrals service to seed it', () => {
    const env = cityGridSeedEnv(root, true, {});
    expect(env).toEqual({ GRIDCARE_SEED_CITY_GRID: 'true', GRIDCARE_CITY_GRID_FILE: join(root, '.data', 'city-grid.jsonl') });
    const lines = readFileSync(env.GRIDCARE_CITY_GRID_FILE, 'utf8').trim().split('\n');
    expect(lines.filter((line) => line.includes('"GridDefined"'))).toHaveLength(56);
  });

  it('asks nothing on a later start, or when turned off', () => {
    expect(cityGridSeedEnv(root, false, {})).toEqual({});
    expect(cityGridSeedEnv(root, true, { GRIDCARE_SEED_CITY_GRID: 'false' })).toEqual({});
  });

  it('keeps a file the user names', () => {
    expect(cityGridSeedEnv(root, false, { GRIDCARE_SEED_CITY_GRID: 'true', GRIDCARE_CITY_GRID_FILE: '/data/city.jsonl' })).toEqual({ GRIDCARE_SEED_CITY_GRID: 'true' });
  });
});
