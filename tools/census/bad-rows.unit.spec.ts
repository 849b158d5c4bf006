import { City, createCity } from './city';
import { BAD_ROW_KINDS, BadRowKind, badRowPlan, CensusRow, residentRows } from './residents';
import { CensusRowChecker, RowProblem } from './validate';

const EXPECTED: Record<BadRowKind, RowProblem[]> = {
  'bad-checksum': ['national_id:check-character'],
  // The ID carries the same impossible date as the birth_date column.
  'impossible-date': ['national_id:birth-date', 'birth_date:impossible'],
  'unknown-sex': ['sex:unknown'],
  'pregnant-male': ['pregnant:male'],
  'missing-community': ['community_id:missing'],
};

describe('bad rows', () => {
  let city: City;
  beforeAll(() => {
    city = createCity(42);
  });

  it('are planned at evenly spread, deterministic positions, kinds cycling', () => {
    expect(badRowPlan(100, 4)).toEqual([
      { index: 20, kind: 'bad-checksum' },
      { index: 41, kind: 'impossible-date' },
      { index: 62, kind: 'unknown-sex' },
      { index: 83, kind: 'pregnant-male' },
    ]);
    expect(badRowPlan(0, 2).map((b) => b.index)).toEqual([0, 1]);
    expect(badRowPlan(10, 0)).toEqual([]);
  });

  it('are each bad in exactly the intended way, at the planned positions, without changing the valid rows', () => {
    const count = 20_000;
    const badRows = 500;
    const checker = new CensusRowChecker(city);
    const rows = [...residentRows(city, { count, seed: 42, badRows })];
    expect(rows).toHaveLength(count + badRows);
    const plan = new Map(badRowPlan(count, badRows).map((b) => [b.index, b.kind]));
    const valid: CensusRow[] = [];
    const kinds = new Map<BadRowKind, number>();
    rows.forEach((row, index) => {
      const kind = plan.get(index);
      const problems = checker.problems(row);
      if (kind) {
        expect({ index, kind, problems: problems.sort() }).toEqual({ index, kind, problems: [...EXPECTED[kind]].sort() });
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      } else {
        expect({ index, problems }).toEqual({ index, problems: [] });
        valid.push(row);
      }
    });
    expect([...kinds.keys()].sort()).toEqual([...BAD_ROW_KINDS].sort());
    expect(kinds.get('bad-checksum')).toBe(100);
    // The valid rows are the same as without bad rows, in the same order.
    expect(valid).toEqual([...residentRows(city, { count, seed: 42 })]);
    // No ID (not even its first 17 digits) repeats, bad rows included.
    expect(new Set(rows.map((r) => r.national_id.slice(0, 17))).size).toBe(rows.length);
  });

  it('make pregnant-male rows otherwise plausible: a man aged 20-44 whose ID says male', () => {
    const rows = [...residentRows(city, { count: 1000, seed: 5, badRows: 50 })];
    const males = badRowPlan(1000, 50).filter((b) => b.kind === 'pregnant-male').map((b) => rows[b.index]);
    expect(males).toHaveLength(10);
    for (const row of males) {
      expect(row.sex).toBe('male');
      expect(row.pregnant).toBe('true');
      expect(Number(row.national_id[16]) % 2).toBe(1);
    }
  });
});
