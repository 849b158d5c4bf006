import { ageInYears } from './age-in-years';

describe('ageInYears', () => {
  it('counts completed years: 64 the day before the 65th birthday, 65 on it', () => {
    expect(ageInYears('1961-03-15', '2026-03-14')).toBe(64);
    expect(ageInYears('1961-03-15', '2026-03-15')).toBe(65);
    expect(ageInYears('1961-03-15', '2026-12-31')).toBe(65);
  });

  it('crosses month and year ends', () => {
    expect(ageInYears('1960-12-31', '2025-12-30')).toBe(64);
    expect(ageInYears('1960-12-31', '2025-12-31')).toBe(65);
    expect(ageInYears('1961-01-01', '2025-12-31')).toBe(64);
  });

  it('is 0 on the day of birth and until the first birthday', () => {
    expect(ageInYears('2026-01-05', '2026-01-05')).toBe(0);
    expect(ageInYears('2025-01-06', '2026-01-05')).toBe(0);
  });

  it('ages a 29 February birthday on 1 March in a common year, on 29 February in a leap year', () => {
    expect(ageInYears('1960-02-29', '2025-02-28')).toBe(64);
    expect(ageInYears('1960-02-29', '2025-03-01')).toBe(65);
    expect(ageInYears('1960-02-29', '2024-02-28')).toBe(63);
    expect(ageInYears('1960-02-29', '2024-02-29')).toBe(64);
  });

  it('refuses dates that do not exist and an asOf before birth', () => {
    expect(() => ageInYears('1961-02-29', '2026-01-01')).toThrow(RangeError);
    expect(() => ageInYears('1961-3-5', '2026-01-01')).toThrow(/not a calendar date/);
    expect(() => ageInYears('2026-01-02', '2026-01-01')).toThrow(/before the birth date/);
  });
});
