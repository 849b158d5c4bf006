import { birthDateFromNationalId, sexFromNationalId } from './birth-date-from-national-id';
import { nationalIdCheckCharacter } from './national-id-check-character';
import { isValidNationalId, normalizeNationalId, validateNationalId } from './validate-national-id';

// The GB 11643-1999 standard's own example, whose check character is X.
const STANDARD_EXAMPLE = '11010519491231002X';

describe('national ID', () => {
  describe('check character (ISO 7064 MOD 11-2)', () => {
    it('matches known IDs, including X', () => {
      expect(nationalIdCheckCharacter('11010519491231002')).toBe('X');
      expect(nationalIdCheckCharacter('44052418800101001')).toBe('4');
      expect(isValidNationalId(STANDARD_EXAMPLE)).toBe(true);
      expect(isValidNationalId('440524188001010014')).toBe(true);
    });

    it('needs exactly 17 digits', () => {
      expect(() => nationalIdCheckCharacter('1101051949123100')).toThrow(RangeError);
    });
  });

  describe('validateNationalId', () => {
    it('accepts a valid ID', () => {
      expect(validateNationalId(STANDARD_EXAMPLE)).toEqual({ valid: true });
    });

    it('names a wrong length or stray characters and stops there', () => {
      expect(validateNationalId('11010519491231002')).toEqual({ valid: false, problems: ['wrong-length'] });
      expect(validateNationalId('11010519491231002XX')).toEqual({ valid: false, problems: ['wrong-length'] });
      expect(validateNationalId('11010519491231002x')).toEqual({ valid: false, problems: ['invalid-characters'] });
      expect(validateNationalId('1101051949123100X2')).toEqual({ valid: false, problems: ['invalid-characters'] });
    });

    it('names a wrong check character', () => {
      expect(validateNationalId('110105194912310021')).toEqual({ valid: false, problems: ['invalid-check-character'] });
    });

    it('names a birth date that is not a real date', () => {
      const first17 = '11010519490230002'; // 30 February
      expect(validateNationalId(first17 + nationalIdCheckCharacter(first17))).toEqual({ valid: false, problems: ['invalid-birth-date'] });
      const leap = '11010520000229002'; // 29 February 2000 exists
      expect(validateNationalId(leap + nationalIdCheckCharacter(leap))).toEqual({ valid: true });
    });

    it('names a region that is no province', () => {
      const first17 = '99010519491231002';
      expect(validateNationalId(first17 + nationalIdCheckCharacter(first17))).toEqual({ valid: false, problems: ['unknown-region'] });
    });

    it('reports every problem it can see at once', () => {
      expect(validateNationalId('990105194913310021')).toEqual({ valid: false, problems: ['unknown-region', 'invalid-birth-date', 'invalid-check-character'] });
    });
  });

  it('normalises a typed ID', () => {
    expect(normalizeNationalId(' 11010519491231002x ')).toBe(STANDARD_EXAMPLE);
  });

  it('reads the birth date and sex a valid ID encodes', () => {
    expect(birthDateFromNationalId(STANDARD_EXAMPLE)).toBe('1949-12-31');
    expect(sexFromNationalId(STANDARD_EXAMPLE)).toBe('female');
    expect(sexFromNationalId('440524188001010014')).toBe('male');
    expect(() => birthDateFromNationalId('110105194912310021')).toThrow(/invalid-check-character/);
  });
});
