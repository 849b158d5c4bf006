import { isRealDate } from '../age';
import { nationalIdCheckCharacter } from './national-id-check-character';

/** Why a string is not a resident ID; each is a stable code an API or import report can show. */
export type NationalIdProblem =
  | 'wrong-length' // not 18 characters
  | 'invalid-characters' // not 17 digits then a digit or X (a lowercase x is refused: normalise first)
  | 'unknown-region' // the first two digits are no province-level region
  | 'invalid-birth-date' // characters 7-14 are not a real date
  | 'invalid-check-character'; // the 18th character does not match ISO 7064 MOD 11-2

export type NationalIdValidation = { readonly valid: true } | { readonly valid: false; readonly problems: readonly NationalIdProblem[] };

// Province-level codes of GB/T 2260 (11 Beijing ... 65 Xinjiang; 71 Taiwan; 81 Hong Kong; 82 Macao).
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

/**
 * Checks an 18-character PRC resident ID (GB 11643-1999): 6-digit region, 8-digit birth date,
 * 3-digit sequence, check character. Reports every problem it can see, so one import report
 * line says all that is wrong; a wrong length or stray characters stop the other checks.
 */
export function validateNationalId(nationalId: string): NationalIdValidation {
  if (nationalId.length !== 18) return { valid: false, problems: ['wrong-length'] };
  if (!/^\d{17}[\dX]$/.test(nationalId)) return { valid: false, problems: ['invalid-characters'] };
  const problems: NationalIdProblem[] = [];
  if (!PROVINCE_CODES.has(nationalId.slice(0, 2))) problems.push('unknown-region');
  if (!isRealDate(birthDateParts(nationalId))) problems.push('invalid-birth-date');
  if (nationalIdCheckCharacter(nationalId.slice(0, 17)) !== nationalId[17]) problems.push('invalid-check-character');
  return problems.length === 0 ? { valid: true } : { valid: false, problems };
}

export const isValidNationalId = (nationalId: string): boolean => validateNationalId(nationalId).valid;

/** Trims and upper-cases a typed or imported ID ('x' is a common spelling of the check character X). */
export const normalizeNationalId = (nationalId: string): string => nationalId.trim().toUpperCase();

export function birthDateParts(nationalId: string) {
  return { year: Number(nationalId.slice(6, 10)), month: Number(nationalId.slice(10, 12)), day: Number(nationalId.slice(12, 14)) };
}
