// PRC resident identity numbers (GB 11643-1999): 6-digit region code, 8-digit birth date
// (YYYYMMDD), 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check
// character (0-9 or X).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The ISO 7064 MOD 11-2 check character for the first 17 digits of an ID. */
export function nationalIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** True when `yyyymmdd` is a real calendar date. */
export function isCalendarDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export type NationalIdProblem = 'format' | 'birth-date' | 'check-character';

/** Why `id` is not a valid resident ID, or null when it is. */
export function nationalIdProblem(id: string): NationalIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!isCalendarDate(id.slice(6, 14))) return 'birth-date';
  if (nationalIdCheckCharacter(id.slice(0, 17)) !== id[17]) return 'check-character';
  return null;
}

export function isValidNationalId(id: string): boolean {
  return nationalIdProblem(id) === null;
}

/** The sex encoded in the sequence digits: odd for male, even for female. */
export function nationalIdSex(id: string): 'male' | 'female' {
  return (id.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
}

/** Builds a full ID from its parts, appending the check character. */
export function buildNationalId(regionCode: string, yyyymmdd: string, sequence: number): string {
  const first17 = `${regionCode}${yyyymmdd}${String(sequence).padStart(3, '0')}`;
  return first17 + nationalIdCheckCharacter(first17);
}
