// The shape of a synthetic city like Beijing: 16 districts, ~340 streets and towns, ~7,000
// communities and villages, and 56 treatment grids, each a contiguous run of communities in
// one district or two neighbouring ones, led by a tertiary hospital. Deterministic in the seed.
import { BEIJING_DISTRICTS, DISTRICT_WALK, PLACE_FIRST, PLACE_SECOND, TERTIARY_HOSPITALS } from './beijing';
import { apportion, createRng, Rng } from './prng';

export const CITY_FORMAT = 'gridcare-census-city/1';
/** Ages are computed at this date, never at the clock's. */
export const REFERENCE_DATE = '2026-01-01';
export const GRID_COUNT = 56;

export interface District {
  id: string;
  name: string;
  /** GB/T 2260 code, the first six digits of national IDs issued there. */
  regionCode: string;
  /** Resident population of the real district (2020 census). */
  population: number;
  streetIds: string[];
}

export interface Street {
  id: string;
  districtId: string;
  name: string;
  /** Urban subdistrict ("street") or town (with villages). */
  kind: 'street' | 'town';
  population: number;
}

export interface Community {
  id: string;
  streetId: string;
  districtId: string;
  name: string;
  kind: 'community' | 'village';
  /** Residents at full city scale; residents are drawn in proportion to it. */
  population: number;
  /** Family doctors contracted here, numbered 1..n in `fd-<community>-<n>`. */
  familyDoctors: number;
  gridId: string;
}

export interface Grid {
  id: string;
  name: string;
  /** One district, or two neighbouring ones. */
  districtIds: string[];
  leadHospital: { id: string; name: string };
  communityCount: number;
  population: number;
}

export interface City {
  format: typeof CITY_FORMAT;
  seed: number;
  referenceDate: string;
  population: number;
  districts: District[];
  streets: Street[];
  communities: Community[];
  grids: Grid[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const fail = (message: string): never => {
  throw new Error(message);
};

/** A pinyin-like place name not yet used among `taken`. */
function placeName(rng: Rng, suffix: string, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const base = `${rng.pick(PLACE_FIRST)}${rng.pick(PLACE_SECOND)}`;
    const name = attempt < 50 ? `${base} ${suffix}` : `${base} ${suffix} ${attempt}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** Builds the city for `seed`. The same seed always gives the same city. */
export function createCity(seed: number): City {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`seed must be an integer in 0..2^32-1, got ${seed}`);
  const rng = createRng(seed, 'city');
  const districts: District[] = [];
  const streets: Street[] = [];
  const communities: Community[] = [];

  BEIJING_DISTRICTS.forEach((facts, di) => {
    const districtId = `d${pad(di + 1, 2)}`;
    const jitter = (n: number) => (n === 0 ? 0 : Math.round(n * (0.96 + 0.08 * rng.next())));
    const communityCount = jitter(facts.communities);
    const villageCount = jitter(facts.villages);
    const streetNames = new Set<string>();
    const districtStreets: Street[] = [];
    for (let s = 0; s < facts.streets; s++) {
      const kind = s < facts.streets - facts.towns ? 'street' : 'town';
      districtStreets.push({
        id: `${districtId}-s${pad(s + 1, 3)}`,
        districtId,
        name: placeName(rng, kind === 'street' ? 'Street' : 'Town', streetNames),
        kind,
        population: 0,
      });
    }
    // Communities go mostly to urban streets (every street and town gets at least one);
    // villages only to towns.
    const perStreet = apportion(communityCount, districtStreets.map((s) => (s.kind === 'street' ? 1 : 0.25) * (0.6 + 0.8 * rng.next())), 1);
    const towns = districtStreets.filter((s) => s.kind === 'town');
    const villagesPerTown = villageCount > 0 ? apportion(villageCount, towns.map(() => 0.6 + 0.8 * rng.next()), 1) : towns.map(() => 0);
    const districtCommunities: Community[] = [];
    const weights: number[] = [];
    districtStreets.forEach((street, si) => {
      const names = new Set<string>();
      const villages = street.kind === 'town' ? villagesPerTown[towns.indexOf(street)] : 0;
      for (let c = 0; c < perStreet[si] + villages; c++) {
        const kind = c < perStreet[si] ? 'community' : 'village';
        districtCommunities.push({
          id: `${street.id}-c${pad(c + 1, 3)}`,
          streetId: street.id,
          districtId,
          name: placeName(rng, kind === 'community' ? 'Community' : 'Village', names),
          kind,
          population: 0,
          familyDoctors: 0,
          gridId: '',
        });
        // A village holds a fraction of an urban community's people.
        weights.push((kind === 'community' ? 1 : 0.15) * (0.5 + rng.next()));
      }
    });
    const population = facts.populationThousands * 1000;
    const populations = apportion(population, weights, 1);
    districtCommunities.forEach((c, i) => {
      c.population = populations[i];
      c.familyDoctors = Math.max(1, Math.round(c.population / 2500));
    });
    for (const street of districtStreets) {
      street.population = districtCommunities.filter((c) => c.streetId === street.id).reduce((a, c) => a + c.population, 0);
    }
    districts.push({ id: districtId, name: facts.name, regionCode: facts.regionCode, population, streetIds: districtStreets.map((s) => s.id) });
    streets.push(...districtStreets);
    communities.push(...districtCommunities);
  });

  const grids = cutGrids(districts, communities);
  const total = districts.reduce((a, d) => a + d.population, 0);
  return { format: CITY_FORMAT, seed, referenceDate: REFERENCE_DATE, population: total, districts, streets, communities, grids };
}

/**
 * Cuts the communities, laid out along the district walk, into GRID_COUNT contiguous runs of
 * about equal population (a community goes to the run holding its population midpoint), and
 * names each grid's lead hospital after the district holding most of its people.
 */
function cutGrids(districts: District[], communities: Community[]): Grid[] {
  const idOf = new Map(districts.map((d) => [d.name, d.id]));
  const nameOf = new Map(districts.map((d) => [d.id, d.name]));
  const walk = DISTRICT_WALK.map((name) => idOf.get(name) ?? fail(`district ${name} of the walk is unknown`));
  const ordered = walk.flatMap((id) => communities.filter((c) => c.districtId === id));
  const total = ordered.reduce((a, c) => a + c.population, 0);
  const size = total / GRID_COUNT;
  const members: Community[][] = Array.from({ length: GRID_COUNT }, () => []);
  let before = 0;
  for (const c of ordered) {
    members[Math.min(GRID_COUNT - 1, Math.floor((before + c.population / 2) / size))].push(c);
    before += c.population;
  }
  const gridsLed = new Map<string, number>();
  return members.map((list, g) => {
    const id = `g${pad(g + 1, 2)}`;
    if (list.length === 0) throw new Error(`grid ${id} is empty`);
    const perDistrict = new Map<string, number>();
    for (const c of list) {
      c.gridId = id;
      perDistrict.set(c.districtId, (perDistrict.get(c.districtId) ?? 0) + c.population);
    }
    const districtIds = [...perDistrict.keys()];
    if (districtIds.length > 2) throw new Error(`grid ${id} spans ${districtIds.join(', ')}`);
    const mainId = [...perDistrict.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    const main = nameOf.get(mainId) ?? fail(`district ${mainId} is unknown`);
    const led = (gridsLed.get(main) ?? 0) + 1;
    gridsLed.set(main, led);
    const known = TERTIARY_HOSPITALS[main] ?? [];
    const hospital = led <= known.length ? known[led - 1] : `${main} Regional Medical Centre ${led - known.length}`;
    return {
      id,
      name: `${main} Grid ${led}`,
      districtIds: districtIds.sort(),
      leadHospital: { id: `h-${id}`, name: hospital },
      communityCount: list.length,
      population: list.reduce((a, c) => a + c.population, 0),
    };
  });
}

/** city.json text: top-level fields one per line, and one line per district, street, community and grid. */
export function cityToJson(city: City): string {
  const fields = Object.entries(city).map(([key, value]) =>
    Array.isArray(value)
      ? `  ${JSON.stringify(key)}: [\n${value.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`
      : `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  return `{\n${fields.join(',\n')}\n}\n`;
}

/** Reads city.json text back, checking its format marker. */
export function parseCity(text: string): City {
  const city = JSON.parse(text) as City;
  if (city.format !== CITY_FORMAT) throw new Error(`not a ${CITY_FORMAT} file (format: ${String(city.format)})`);
  return city;
}
