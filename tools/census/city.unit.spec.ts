import { DISTRICT_NEIGHBOURS, DISTRICT_WALK } from './beijing';
import { City, cityToJson, createCity, GRID_COUNT, parseCity } from './city';
import { residentRows } from './residents';

const BEIJING = [
  'Dongcheng', 'Xicheng', 'Chaoyang', 'Fengtai', 'Shijingshan', 'Haidian', 'Mentougou', 'Fangshan',
  'Tongzhou', 'Shunyi', 'Changping', 'Daxing', 'Huairou', 'Pinggu', 'Miyun', 'Yanqing',
];

describe('createCity', () => {
  let city: City;
  beforeAll(() => {
    city = createCity(42);
  });

  it('is deterministic in the seed', () => {
    expect(cityToJson(createCity(42))).toBe(cityToJson(city));
    expect(cityToJson(createCity(43))).not.toBe(cityToJson(city));
  });

  it("has Beijing's 16 districts with ids d01..d16 and its region codes", () => {
    expect(city.districts.map((d) => d.name)).toEqual(BEIJING);
    expect(city.districts.map((d) => d.id)).toEqual(BEIJING.map((_, i) => `d${String(i + 1).padStart(2, '0')}`));
    expect(new Set(city.districts.map((d) => d.regionCode)).size).toBe(16);
    for (const d of city.districts) expect(d.regionCode).toMatch(/^1101(0[1-9]|1[0-9])$/);
    expect(city.population).toBeGreaterThan(21_000_000);
  });

  it('weights districts like Beijing: Chaoyang and Haidian largest, Yanqing smallest', () => {
    const byPopulation = [...city.districts].sort((a, b) => b.population - a.population).map((d) => d.name);
    expect(byPopulation.slice(0, 2)).toEqual(['Chaoyang', 'Haidian']);
    expect(byPopulation.at(-1)).toBe('Yanqing');
  });

  it('has about 330 streets and towns, more in the populous districts', () => {
    expect(city.streets.length).toBeGreaterThanOrEqual(300);
    expect(city.streets.length).toBeLessThanOrEqual(360);
    const streetsOf = (name: string) => city.districts.find((d) => d.name === name)?.streetIds.length ?? 0;
    expect(streetsOf('Chaoyang')).toBeGreaterThan(streetsOf('Yanqing'));
    expect(streetsOf('Haidian')).toBeGreaterThan(streetsOf('Shijingshan'));
    for (const s of city.streets) {
      expect(s.id).toMatch(new RegExp(`^${s.districtId}-s\\d{3}$`));
      expect(s.population).toBeGreaterThan(0);
    }
  });

  it('has about 7,000 communities and villages, each in an existing street and exactly one grid', () => {
    expect(city.communities.length).toBeGreaterThan(6500);
    expect(city.communities.length).toBeLessThan(7500);
    const streets = new Map(city.streets.map((s) => [s.id, s]));
    const grids = new Set(city.grids.map((g) => g.id));
    expect(new Set(city.communities.map((c) => c.id)).size).toBe(city.communities.length);
    for (const c of city.communities) {
      expect(c.id).toMatch(new RegExp(`^${c.streetId}-c\\d{3}$`));
      expect(streets.get(c.streetId)?.districtId).toBe(c.districtId);
      expect(grids.has(c.gridId)).toBe(true);
      expect(c.population).toBeGreaterThan(0);
      expect(c.familyDoctors).toBeGreaterThanOrEqual(1);
      if (c.kind === 'village') expect(streets.get(c.streetId)?.kind).toBe('town');
    }
    expect(city.grids.reduce((a, g) => a + g.communityCount, 0)).toBe(city.communities.length);
  });

  it('has 56 grids, each a contiguous run of communities in one district or two neighbouring ones', () => {
    expect(city.grids).toHaveLength(GRID_COUNT);
    expect(city.grids.map((g) => g.id)).toEqual(Array.from({ length: 56 }, (_, i) => `g${String(i + 1).padStart(2, '0')}`));
    const name = new Map(city.districts.map((d) => [d.id, d.name]));
    const neighbours = new Set(DISTRICT_NEIGHBOURS.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
    for (const g of city.grids) {
      expect(g.districtIds.length).toBeGreaterThanOrEqual(1);
      expect(g.districtIds.length).toBeLessThanOrEqual(2);
      if (g.districtIds.length === 2) expect(neighbours.has(`${name.get(g.districtIds[0])}|${name.get(g.districtIds[1])}`)).toBe(true);
      expect(g.leadHospital.name).toMatch(/Hospital|Medical Centre/);
      const members = city.communities.filter((c) => c.gridId === g.id);
      expect(members).toHaveLength(g.communityCount);
      expect(new Set(members.map((c) => c.districtId))).toEqual(new Set(g.districtIds));
    }
    expect(new Set(city.grids.map((g) => g.leadHospital.name)).size).toBe(56);
    // Along the walk of neighbouring districts, a grid's communities follow one another.
    const order = DISTRICT_WALK.flatMap((n) => city.communities.filter((c) => name.get(c.districtId) === n));
    const runs = order.filter((c, i) => i === 0 || order[i - 1].gridId !== c.gridId).map((c) => c.gridId);
    expect(runs).toHaveLength(56);
    expect(new Set(runs).size).toBe(56);
    // Grids share the population about evenly.
    const share = city.population / 56;
    for (const g of city.grids) expect(Math.abs(g.population - share) / share).toBeLessThan(0.1);
  });

  it('round-trips through city.json, giving the same residents', () => {
    const parsed = parseCity(cityToJson(city));
    expect(parsed).toEqual(city);
    const a = [...residentRows(city, { count: 200, seed: 7 })];
    const b = [...residentRows(parsed, { count: 200, seed: 7 })];
    expect(b).toEqual(a);
    expect(() => parseCity('{"format":"other"}')).toThrow(/format/);
  });

  it('rejects a seed that is not a 32-bit unsigned integer', () => {
    expect(() => createCity(-1)).toThrow();
    expect(() => createCity(1.5)).toThrow();
  });
});
