// ISO 7064 MOD 11-2 as GB 11643-1999 applies it: weight 2^(17-i) mod 11 for digit i.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character (0-9 or X) for the first 17 digits of a resident ID. */
export function nationalIdCheckCharacter(first17Digits: string): string {
  if (!/^\d{17}$/.test(first17Digits)) throw new RangeError('a check character is computed from exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17Digits.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}
