import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cityToJson, createCity } from './city';
import { parseCliOptions, writeCensusFile } from './generate-census';
import { CENSUS_COLUMNS, residentRows } from './residents';

const HEADER =
  'national_id,full_name,sex,birth_date,phone,district_id,street_id,community_id,grid_id,living_alone,family_doctor_id,conditions,low_immunity,pregnant';

describe('generate-census CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'census-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses its options, with defaults', () => {
    expect(parseCliOptions(['--residents=1000', '--seed=7', '--out=a.csv', '--city-out=c.json', '--bad-rows=5'])).toEqual({
      residents: 1000, seed: 7, out: 'a.csv', cityOut: 'c.json', badRows: 5,
    });
    expect(parseCliOptions([])).toEqual({ residents: 1_000_000, seed: 42, out: 'tmp/census.csv', cityOut: undefined, badRows: 0 });
    expect(() => parseCliOptions(['--residents=-3'])).toThrow(/residents/);
    expect(() => parseCliOptions(['--seed=4294967296'])).toThrow(/seed/);
    expect(() => parseCliOptions(['--unknown=1'])).toThrow();
  });

  it('writes byte-identical files for the same options, and a different file for another seed', async () => {
    const progress: number[] = [];
    const a = join(dir, 'a', 'census.csv');
    const cityA = join(dir, 'a', 'city.json');
    const result = await writeCensusFile({ residents: 25_000, seed: 42, out: a, cityOut: cityA, badRows: 10, onProgress: (n) => progress.push(n) });
    await writeCensusFile({ residents: 25_000, seed: 42, out: join(dir, 'b.csv'), cityOut: join(dir, 'b.json'), badRows: 10 });
    await writeCensusFile({ residents: 25_000, seed: 43, out: join(dir, 'c.csv') });
    const bytes = readFileSync(a);
    expect(result).toEqual({ rows: 25_010, bytes: bytes.length });
    expect(bytes.equals(readFileSync(join(dir, 'b.csv')))).toBe(true);
    expect(readFileSync(cityA, 'utf8')).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(readFileSync(cityA, 'utf8')).toBe(cityToJson(createCity(42)));
    expect(bytes.equals(readFileSync(join(dir, 'c.csv')))).toBe(false);
    expect(progress.at(-1)).toBe(25_010);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
  });

  it('writes the exact header and the rows of residentRows, as proper CSV', async () => {
    const out = join(dir, 'd.csv');
    await writeCensusFile({ residents: 3000, seed: 9, out, badRows: 3 });
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe(HEADER);
    expect(text.endsWith('\n')).toBe(true);
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0])).toEqual([...CENSUS_COLUMNS]);
    expect(records).toEqual([...residentRows(createCity(9), { count: 3000, seed: 9, badRows: 3 })]);
  });

  it('writes just the header for zero residents', async () => {
    const out = join(dir, 'e.csv');
    await writeCensusFile({ residents: 0, seed: 1, out });
    expect(readFileSync(out, 'utf8')).toBe(`${HEADER}\n`);
  });
});
