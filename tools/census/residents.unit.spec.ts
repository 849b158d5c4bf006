import { City, createCity } from './city';
import { nationalIdCheckCharacter } from './national-id';
import { CensusRow, CONDITION_CODES, residentRows } from './residents';
import { ageAt, CensusRowChecker } from './validate';

const SAMPLE = 100_000;

describe('residentRows', () => {
  let city: City;
  beforeAll(() => {
    city = createCity(42);
  });

  it('is deterministic: same seed, same first 1000 rows; another seed differs', () => {
    const take = (seed: number, n: number) => {
      const rows: CensusRow[] = [];
      for (const row of residentRows(city, { count: 1000, seed })) if (rows.push(row) >= n) break;
      return rows;
    };
    const first = take(42, 1000);
    expect(first).toHaveLength(1000);
    expect(take(42, 1000)).toEqual(first);
    // A longer run starts with the same rows.
    const longer: CensusRow[] = [];
    for (const row of residentRows(city, { count: 5000, seed: 42 })) if (longer.push(row) >= 1000) break;
    expect(longer).toEqual(first);
    const other = take(43, 1000);
    expect(other.filter((row, i) => row.national_id === first[i].national_id).length).toBeLessThan(10);
  });

  it('yields exactly count rows, lazily', () => {
    expect([...residentRows(city, { count: 0, seed: 1 })]).toEqual([]);
    expect([...residentRows(city, { count: 3, seed: 1 })]).toHaveLength(3);
    const it = residentRows(city, { count: 1e12, seed: 1 });
    expect(it.next().done).toBe(false);
    expect(() => [...residentRows(city, { count: -1, seed: 1 })]).toThrow();
  });

  describe(`over ${SAMPLE.toLocaleString('en')} rows`, () => {
    const stats = {
      rows: 0, problems: new Map<string, number>(), ids: new Set<string>(), idRecomputed: 0,
      female: 0, under3: 0, aged60: 0, aged65: 0, alone: 0, alone65: 0, doctor65: 0, doctorOther: 0,
      phoneBlank: 0, lowImmunity: 0, cancer: 0, cancerLowImmunity: 0, women2044: 0, pregnant: 0,
      pregnantOutside: 0, conditionCases: 0, uncontrolled: 0, anyCondition65: 0, anyConditionUnder40: 0, under40: 0,
      perDistrict: new Map<string, number>(), perGrid: new Map<string, number>(), conditionsSeen: new Set<string>(),
    };

    beforeAll(() => {
      const checker = new CensusRowChecker(city);
      for (const row of residentRows(city, { count: SAMPLE, seed: 42 })) {
        stats.rows++;
        for (const p of checker.problems(row)) stats.problems.set(p, (stats.problems.get(p) ?? 0) + 1);
        stats.ids.add(row.national_id);
        if (nationalIdCheckCharacter(row.national_id.slice(0, 17)) === row.national_id[17]) stats.idRecomputed++;
        const age = ageAt(row.birth_date);
        const female = row.sex === 'female';
        if (female) stats.female++;
        if (age < 3) stats.under3++;
        if (age >= 60) stats.aged60++;
        if (age >= 65) stats.aged65++;
        if (row.living_alone === 'true') {
          stats.alone++;
          if (age >= 65) stats.alone65++;
        }
        if (row.family_doctor_id) {
          if (age >= 65) stats.doctor65++;
          else stats.doctorOther++;
        }
        if (!row.phone) stats.phoneBlank++;
        const cancer = row.conditions.includes('cancer-under-treatment:');
        if (cancer) stats.cancer++;
        if (row.low_immunity === 'true') {
          stats.lowImmunity++;
          if (cancer) stats.cancerLowImmunity++;
        }
        const fertile = female && age >= 20 && age <= 44;
        if (fertile) stats.women2044++;
        if (row.pregnant === 'true') {
          if (fertile) stats.pregnant++;
          else stats.pregnantOutside++;
        }
        if (row.conditions) {
          for (const c of row.conditions.split(';')) {
            stats.conditionCases++;
            stats.conditionsSeen.add(c.split(':')[0]);
            if (c.endsWith(':uncontrolled')) stats.uncontrolled++;
          }
          if (age >= 65) stats.anyCondition65++;
          if (age < 40) stats.anyConditionUnder40++;
        }
        if (age < 40) stats.under40++;
        stats.perDistrict.set(row.district_id, (stats.perDistrict.get(row.district_id) ?? 0) + 1);
        stats.perGrid.set(row.grid_id, (stats.perGrid.get(row.grid_id) ?? 0) + 1);
      }
    });

    const share = (part: number, whole = stats.rows) => part / whole;

    it('gives every row a valid, unique national ID (check character recomputed) and no other problem', () => {
      expect(stats.rows).toBe(SAMPLE);
      expect(stats.idRecomputed).toBe(SAMPLE);
      expect(stats.ids.size).toBe(SAMPLE);
      expect(Object.fromEntries(stats.problems)).toEqual({});
    });

    it('has an age structure like Beijing: ~21% aged 60+, ~14% aged 65+, ~1% under 3', () => {
      expect(Math.abs(share(stats.aged60) - 0.21)).toBeLessThan(0.01);
      expect(Math.abs(share(stats.aged65) - 0.14)).toBeLessThan(0.01);
      expect(Math.abs(share(stats.under3) - 0.01)).toBeLessThan(0.003);
      expect(Math.abs(share(stats.female) - 0.5)).toBeLessThan(0.02);
    });

    it('has ~3% living alone overall and ~15% among people aged 65+', () => {
      expect(Math.abs(share(stats.alone) - 0.03)).toBeLessThan(0.005);
      expect(Math.abs(share(stats.alone65, stats.aged65) - 0.15)).toBeLessThan(0.01);
    });

    it('contracts family doctors for ~60% of people aged 65+ and ~25% of the rest', () => {
      expect(Math.abs(share(stats.doctor65, stats.aged65) - 0.6)).toBeLessThan(0.015);
      expect(Math.abs(share(stats.doctorOther, stats.rows - stats.aged65) - 0.25)).toBeLessThan(0.01);
    });

    it('has pregnancies only among women aged 20-44, at ~1.5%', () => {
      expect(stats.pregnantOutside).toBe(0);
      expect(Math.abs(share(stats.pregnant, stats.women2044) - 0.015)).toBeLessThan(0.004);
    });

    it('has conditions rising with age, a quarter of them uncontrolled; low immunity ~2%, higher with cancer', () => {
      expect(stats.conditionsSeen).toEqual(new Set(CONDITION_CODES));
      expect(share(stats.anyCondition65, stats.aged65)).toBeGreaterThan(0.5);
      expect(share(stats.anyConditionUnder40, stats.under40)).toBeLessThan(0.1);
      expect(Math.abs(share(stats.uncontrolled, stats.conditionCases) - 0.25)).toBeLessThan(0.01);
      expect(Math.abs(share(stats.lowImmunity) - 0.02)).toBeLessThan(0.004);
      expect(share(stats.cancerLowImmunity, stats.cancer)).toBeGreaterThan(0.4);
    });

    it('leaves ~5% of phones blank', () => {
      expect(Math.abs(share(stats.phoneBlank) - 0.05)).toBeLessThan(0.005);
    });

    it('places residents in all 16 districts and 56 grids, in proportion to population', () => {
      expect(stats.perDistrict.size).toBe(16);
      expect(stats.perGrid.size).toBe(56);
      for (const d of city.districts) {
        const expected = d.population / city.population;
        expect(Math.abs(share(stats.perDistrict.get(d.id) ?? 0) - expected)).toBeLessThan(0.005);
      }
      const largest = [...stats.perDistrict.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
      expect(largest.slice(0, 2).sort()).toEqual(['d03', 'd06']);
      expect(largest.at(-1)).toBe('d16');
    });
  });
});
