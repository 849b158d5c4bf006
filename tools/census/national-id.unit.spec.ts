import { buildNationalId, isCalendarDate, isValidNationalId, nationalIdCheckCharacter, nationalIdProblem, nationalIdSex } from './national-id';

describe('national IDs (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('computes the check character of published examples', () => {
    // The two examples usually quoted for the standard, and one worked by hand.
    expect(nationalIdCheckCharacter('11010519491231002')).toBe('X');
    expect(nationalIdCheckCharacter('44052418800101001')).toBe('4');
    expect(nationalIdCheckCharacter('11010120000101001')).toBe('0'); // weighted sum 45, 45 mod 11 = 1 -> '0'
  });

  it('recomputes the check character by the weighted sum, for every remainder', () => {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const seen = new Set<string>();
    for (let seq = 1; seq <= 200; seq++) {
      const first17 = `110108198501${String(10 + (seq % 19)).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
      const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
      // The check character c satisfies (sum + value(c)) mod 11 == 1, with X standing for 10.
      const c = nationalIdCheckCharacter(first17);
      expect((sum + (c === 'X' ? 10 : Number(c))) % 11).toBe(1);
      seen.add(c);
    }
    expect(seen.size).toBe(11);
  });

  it('rejects malformed input to the check character', () => {
    expect(() => nationalIdCheckCharacter('1101051949123100')).toThrow();
    expect(() => nationalIdCheckCharacter('1101051949123100A')).toThrow();
  });

  it('names what is wrong with an ID', () => {
    expect(nationalIdProblem('11010519491231002X')).toBeNull();
    expect(isValidNationalId('11010519491231002X')).toBe(true);
    expect(nationalIdProblem('110105194912310029')).toBe('check-character');
    expect(nationalIdProblem('110105194902300021')).toBe('birth-date');
    expect(nationalIdProblem('11010519491231002x')).toBe('format');
    expect(nationalIdProblem('1101051949123100')).toBe('format');
  });

  it('reads the sex from the sequence parity and builds IDs', () => {
    expect(nationalIdSex(buildNationalId('110101', '19800101', 1))).toBe('male');
    expect(nationalIdSex(buildNationalId('110101', '19800101', 2))).toBe('female');
    expect(isValidNationalId(buildNationalId('110119', '20240229', 989))).toBe(true);
  });

  it('knows the calendar', () => {
    expect(isCalendarDate('20240229')).toBe(true);
    expect(isCalendarDate('20230229')).toBe(false);
    expect(isCalendarDate('19991301')).toBe(false);
    expect(isCalendarDate('19990100')).toBe(false);
  });
});
