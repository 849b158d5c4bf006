// Synthetic residents of a city from `createCity`, one census row at a time. Deterministic in
// (city, count, seed, badRows); nothing is held per row, so a million rows stream in constant
// memory (apart from a small typed array of national-ID sequence counters).
import { City, REFERENCE_DATE } from './city';
import { buildNationalId, nationalIdCheckCharacter } from './national-id';
import { GIVEN_NAMES, SURNAMES } from './names';
import { createRng, cumulative, Rng, sampleIndex } from './prng';

export const CENSUS_COLUMNS = [
  'national_id', 'full_name', 'sex', 'birth_date', 'phone', 'district_id', 'street_id', 'community_id',
  'grid_id', 'living_alone', 'family_doctor_id', 'conditions', 'low_immunity', 'pregnant',
] as const;
export type CensusColumn = (typeof CENSUS_COLUMNS)[number];
/** One census row as it appears in the file: every value a string, blanks as ''. */
export type CensusRow = Record<CensusColumn, string>;

export const CONDITION_CODES = [
  'hypertension', 'diabetes', 'coronary-heart-disease', 'copd', 'chronic-kidney-disease',
  'cancer-under-treatment', 'stroke', 'heart-failure', 'asthma', 'liver-cirrhosis',
] as const;
export type ConditionCode = (typeof CONDITION_CODES)[number];

/**
 * The distributions, in one place (README.md describes their sources). Age bands are
 * [from, to, percent of residents per year of age]; they give about 21% aged 60+, 14% aged
 * 65+ and 1% under 3, like Beijing's 2020 census.
 */
export const DISTRIBUTIONS = {
  ageBands: [
    [0, 2, 0.33], [3, 5, 0.55], [6, 14, 0.95], [15, 19, 0.8], [20, 24, 1.1], [25, 29, 1.6],
    [30, 34, 2.1], [35, 39, 2.0], [40, 44, 1.6], [45, 49, 1.5], [50, 54, 1.5], [55, 59, 1.4],
    [60, 64, 1.4], [65, 69, 1.1], [70, 74, 0.8], [75, 79, 0.45], [80, 84, 0.25], [85, 89, 0.12],
    [90, 94, 0.05], [95, 99, 0.02], [100, 104, 0.01],
  ] as const,
  /** Share of men by age: slightly more men of working age, more women among the old. */
  maleShare: (age: number) => (age < 60 ? 0.51 : age < 80 ? 0.47 : 0.42),
  phoneBlank: 0.05,
  livingAlone: (age: number) => (age >= 65 ? 0.15 : age >= 18 ? 0.0125 : 0),
  familyDoctor: (age: number) => (age >= 65 ? 0.6 : 0.25),
  /** Prevalence by age band: under 18, 18-39, 40-59, 60-69, 70-79, 80+. */
  conditions: {
    hypertension: [0.002, 0.05, 0.22, 0.45, 0.55, 0.6],
    diabetes: [0.001, 0.02, 0.09, 0.18, 0.22, 0.22],
    'coronary-heart-disease': [0, 0.002, 0.02, 0.07, 0.12, 0.17],
    copd: [0, 0.005, 0.03, 0.09, 0.13, 0.16],
    'chronic-kidney-disease': [0.001, 0.01, 0.03, 0.06, 0.09, 0.12],
    'cancer-under-treatment': [0.0005, 0.002, 0.006, 0.012, 0.015, 0.012],
    stroke: [0, 0.001, 0.01, 0.03, 0.05, 0.07],
    'heart-failure': [0, 0.001, 0.004, 0.012, 0.025, 0.05],
    asthma: [0.03, 0.015, 0.015, 0.02, 0.025, 0.025],
    'liver-cirrhosis': [0, 0.001, 0.004, 0.006, 0.006, 0.004],
  } satisfies Record<ConditionCode, readonly number[]>,
  uncontrolled: 0.25,
  lowImmunity: (cancerUnderTreatment: boolean) => (cancerUnderTreatment ? 0.6 : 0.018),
  /** Women aged 20-44. */
  pregnant: 0.015,
} as const;

export const BAD_ROW_KINDS = ['bad-checksum', 'impossible-date', 'unknown-sex', 'pregnant-male', 'missing-community'] as const;
export type BadRowKind = (typeof BAD_ROW_KINDS)[number];

export interface ResidentRowsOptions {
  /** Valid residents to generate. */
  count: number;
  seed: number;
  /** Deliberately invalid rows to mix in (see `badRowPlan`); default 0. */
  badRows?: number;
}

export interface PlannedBadRow {
  /** 0-based position among all data rows (the header not counted). */
  index: number;
  kind: BadRowKind;
}

/**
 * Where the bad rows go: spread evenly through the valid ones (bad row j follows
 * floor((j + 1) * count / (badRows + 1)) valid rows), kinds in BAD_ROW_KINDS order, cycling.
 */
export function badRowPlan(count: number, badRows: number): PlannedBadRow[] {
  return Array.from({ length: badRows }, (_, j) => ({
    index: Math.floor(((j + 1) * count) / (badRows + 1)) + j,
    kind: BAD_ROW_KINDS[j % BAD_ROW_KINDS.length],
  }));
}

// Valid rows take sequence numbers 001..989; bad rows 990..999, so adding bad rows never
// changes a valid row and no bad row's ID can collide with a valid one.
const VALID_SEQUENCE_MAX = 989;
const BAD_SEQUENCE_MIN = 990;
const MS_PER_DAY = 86_400_000;
const MAX_AGE = 104;
/** Month and day pairs that no calendar has, for impossible birth dates. */
const IMPOSSIBLE_MONTH_DAYS = ['0230', '0231', '0431', '0631', '0931', '1131', '1301', '0001', '0100'];

const epochDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / MS_PER_DAY;
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

interface Person {
  community: number;
  age: number;
  /** Birth date as an index into the day tables. */
  day: number;
  male: boolean;
}

/** Everything derived once per (city, seed): lookup tables and the sampling distributions. */
class Population {
  readonly communityCum: Float64Array;
  readonly communityDistrict: Int32Array;
  readonly regionCodes: string[];
  readonly ageCum: Float64Array;
  readonly surnameCum: Float64Array;
  /** Per age: first birth-date day index and number of days with that age at the reference date. */
  readonly ageFirstDay: Int32Array;
  readonly ageDays: Int32Array;
  readonly isoDate: string[] = [];
  readonly compactDate: string[] = [];
  /** Next sequence slot per (district, day, sex). */
  private readonly counters: Uint16Array;
  private readonly badIds = new Set<string>();

  constructor(readonly city: City) {
    const [ry, rm, rd] = city.referenceDate.split('-').map(Number);
    if (city.referenceDate !== REFERENCE_DATE) throw new Error(`unexpected reference date ${city.referenceDate}`);
    const districtIndex = new Map(city.districts.map((d, i) => [d.id, i]));
    this.communityCum = cumulative(city.communities.map((c) => c.population));
    this.communityDistrict = Int32Array.from(city.communities, (c) => {
      const index = districtIndex.get(c.districtId);
      if (index === undefined) throw new Error(`community ${c.id} is in unknown district ${c.districtId}`);
      return index;
    });
    this.regionCodes = city.districts.map((d) => d.regionCode);

    const ageWeights = new Array<number>(MAX_AGE + 1).fill(0);
    for (const [from, to, perYear] of DISTRIBUTIONS.ageBands) for (let a = from; a <= to; a++) ageWeights[a] = perYear;
    this.ageCum = cumulative(ageWeights);
    this.surnameCum = cumulative(SURNAMES.map(([, w]) => w));

    // Day tables from the oldest possible birth date up to the reference date.
    const first = epochDay(ry - MAX_AGE - 1, rm, rd) + 1;
    const last = epochDay(ry, rm, rd);
    for (let day = first; day <= last; day++) {
      const date = new Date(day * MS_PER_DAY);
      const y = String(date.getUTCFullYear());
      const m = two(date.getUTCMonth() + 1);
      const d = two(date.getUTCDate());
      this.isoDate.push(`${y}-${m}-${d}`);
      this.compactDate.push(`${y}${m}${d}`);
    }
    // Age a at the reference date: born after (reference - (a + 1) years), up to (reference - a years).
    this.ageFirstDay = new Int32Array(MAX_AGE + 1);
    this.ageDays = new Int32Array(MAX_AGE + 1);
    for (let a = 0; a <= MAX_AGE; a++) {
      const start = epochDay(ry - a - 1, rm, rd) + 1;
      const end = epochDay(ry - a, rm, rd);
      this.ageFirstDay[a] = start - first;
      this.ageDays[a] = end - start + 1;
    }
    this.counters = new Uint16Array(city.districts.length * this.isoDate.length * 2);
  }

  drawPerson(rng: Rng): Person {
    const community = sampleIndex(this.communityCum, rng.next());
    const age = sampleIndex(this.ageCum, rng.next());
    const day = this.ageFirstDay[age] + rng.int(this.ageDays[age]);
    const male = rng.chance(DISTRIBUTIONS.maleShare(age));
    return { community, age, day, male };
  }

  /** A person of the given age range and sex (used for bad rows that need one). */
  drawPersonLike(rng: Rng, minAge: number, maxAge: number, male: boolean): Person {
    const base = this.drawPerson(rng);
    const age = minAge + rng.int(maxAge - minAge + 1);
    return { ...base, age, day: this.ageFirstDay[age] + rng.int(this.ageDays[age]), male };
  }

  /**
   * The next free sequence number for a valid resident: odd for men, even for women, counted
   * per (district, birth date). A full day (495 men or 494 women) moves to a neighbouring day
   * of the same age, so IDs are unique by construction.
   */
  validNationalId(p: Person): string {
    const district = this.communityDistrict[p.community];
    const first = this.ageFirstDay[p.age];
    const days = this.ageDays[p.age];
    for (let shift = 0; shift < days; shift++) {
      const day = first + ((p.day - first + shift) % days);
      const slot = (district * this.isoDate.length + day) * 2 + (p.male ? 1 : 0);
      const sequence = this.counters[slot] * 2 + (p.male ? 1 : 2);
      if (sequence <= VALID_SEQUENCE_MAX) {
        this.counters[slot]++;
        p.day = day;
        return buildNationalId(this.regionCodes[district], this.compactDate[day], sequence);
      }
    }
    throw new Error(`no national ID sequence left for age ${p.age} in district ${district}`);
  }

  /** A sequence in the bad-row range (990..999) whose first 17 digits no other bad row has used. */
  badFirst17(regionCode: string, compactDate: string, male: boolean): string {
    for (let sequence = BAD_SEQUENCE_MIN + (male ? 1 : 0); sequence <= 999; sequence += 2) {
      const first17 = `${regionCode}${compactDate}${sequence}`;
      if (!this.badIds.has(first17)) {
        this.badIds.add(first17);
        return first17;
      }
    }
    return '';
  }

  row(p: Person, nationalId: string, rng: Rng): CensusRow {
    const c = this.city.communities[p.community];
    const age = p.age;
    const female = !p.male;
    const surname = SURNAMES[sampleIndex(this.surnameCum, rng.next())][0];
    const given = rng.pick(GIVEN_NAMES[female ? 'female' : 'male'][age >= 45 ? 'older' : 'younger']);
    const phone = rng.chance(DISTRIBUTIONS.phoneBlank) ? '' : `1${'358'[rng.int(3)]}${String(rng.int(1e9)).padStart(9, '0')}`;
    const livingAlone = rng.chance(DISTRIBUTIONS.livingAlone(age));
    const familyDoctor = rng.chance(DISTRIBUTIONS.familyDoctor(age)) ? `fd-${c.id}-${1 + rng.int(c.familyDoctors)}` : '';
    const band = age < 18 ? 0 : age < 40 ? 1 : age < 60 ? 2 : age < 70 ? 3 : age < 80 ? 4 : 5;
    let conditions = '';
    let cancer = false;
    for (const code of CONDITION_CODES) {
      if (rng.chance(DISTRIBUTIONS.conditions[code][band])) {
        const state = rng.chance(DISTRIBUTIONS.uncontrolled) ? 'uncontrolled' : 'controlled';
        conditions += `${conditions ? ';' : ''}${code}:${state}`;
        if (code === 'cancer-under-treatment') cancer = true;
      }
    }
    const lowImmunity = rng.chance(DISTRIBUTIONS.lowImmunity(cancer));
    const pregnant = female && age >= 20 && age <= 44 && rng.chance(DISTRIBUTIONS.pregnant);
    return {
      national_id: nationalId,
      full_name: `${surname} ${given}`,
      sex: female ? 'female' : 'male',
      birth_date: this.isoDate[p.day],
      phone,
      district_id: c.districtId,
      street_id: c.streetId,
      community_id: c.id,
      grid_id: c.gridId,
      living_alone: String(livingAlone),
      family_doctor_id: familyDoctor,
      conditions,
      low_immunity: String(lowImmunity),
      pregnant: String(pregnant),
    };
  }

  validRow(rng: Rng): CensusRow {
    const p = this.drawPerson(rng);
    const id = this.validNationalId(p);
    return this.row(p, id, rng);
  }

  badRow(rng: Rng, kind: BadRowKind): CensusRow {
    const p = kind === 'pregnant-male' ? this.drawPersonLike(rng, 20, 44, true) : this.drawPerson(rng);
    const region = this.regionCodes[this.communityDistrict[p.community]];
    const year = this.compactDate[p.day].slice(0, 4);
    // The 10 bad-row sequences of a (region, date) are rarely all taken; when they are, move
    // to another impossible date, or to a neighbouring real day of the same age.
    let first17 = '';
    let impossible = '';
    for (let attempt = 0; !first17; attempt++) {
      if (kind === 'impossible-date') {
        impossible = IMPOSSIBLE_MONTH_DAYS[attempt % IMPOSSIBLE_MONTH_DAYS.length];
        const y = String(Number(year) - Math.floor(attempt / IMPOSSIBLE_MONTH_DAYS.length));
        first17 = this.badFirst17(region, `${y}${impossible}`, p.male);
        if (first17) impossible = `${y}-${impossible.slice(0, 2)}-${impossible.slice(2)}`;
      } else {
        if (attempt > 0) p.day = this.ageFirstDay[p.age] + ((p.day - this.ageFirstDay[p.age] + 1) % this.ageDays[p.age]);
        first17 = this.badFirst17(region, this.compactDate[p.day], p.male);
      }
    }
    const row = this.row(p, first17 + nationalIdCheckCharacter(first17), rng);
    switch (kind) {
      case 'bad-checksum': {
        const right = row.national_id[17];
        row.national_id = first17 + '10X98765432'[('10X98765432'.indexOf(right) + 1) % 11];
        break;
      }
      case 'impossible-date':
        row.birth_date = impossible;
        break;
      case 'unknown-sex':
        row.sex = 'unknown';
        break;
      case 'pregnant-male':
        row.pregnant = 'true';
        break;
      case 'missing-community':
        row.community_id = '';
        break;
    }
    return row;
  }
}

/**
 * The census rows for `city`: `count` valid residents, with `badRows` invalid rows mixed in at
 * the positions `badRowPlan` gives. Lazily generated, one row per iteration step.
 */
export function* residentRows(city: City, options: ResidentRowsOptions): Generator<CensusRow, void, undefined> {
  const { count, seed, badRows = 0 } = options;
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer, got ${count}`);
  if (!Number.isInteger(badRows) || badRows < 0) throw new Error(`badRows must be a non-negative integer, got ${badRows}`);
  const population = new Population(city);
  const rng = createRng(seed, 'residents');
  const badRng = createRng(seed, 'bad-rows');
  const plan = badRowPlan(count, badRows);
  let next = 0;
  for (let i = 0; i <= count; i++) {
    // Bad row j comes after (its index - j) valid rows.
    while (next < plan.length && plan[next].index - next === i) yield population.badRow(badRng, plan[next++].kind);
    if (i < count) yield population.validRow(rng);
  }
}

/** The row as a CSV record, in CENSUS_COLUMNS order. */
export function censusRecord(row: CensusRow): string[] {
  return CENSUS_COLUMNS.map((column) => row[column]);
}
