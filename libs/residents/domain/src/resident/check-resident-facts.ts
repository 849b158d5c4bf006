import { ResidentFacts } from '@gridcare/residents-contracts';
import { birthDateFromNationalId, validateNationalId } from '../national-id';
import { refuse } from './resident-errors';

/** The rules a resident's facts obey, at registration and after every correction. */
export function checkResidentFacts(nationalId: string, facts: ResidentFacts, asOf: string): void {
  const validation = validateNationalId(nationalId);
  if (!validation.valid) throw refuse('NATIONAL_ID_INVALID', `invalid national ID (${validation.problems.join(', ')})`, { problems: validation.problems });
  if (facts.birthDate > asOf) throw refuse('BIRTH_DATE_IN_FUTURE', `birth date ${facts.birthDate} is after ${asOf}`, { birthDate: facts.birthDate, asOf });
  // The ID encodes the birth date: two dates for one person would make ages, and so tiers, disagree.
  const encoded = birthDateFromNationalId(nationalId);
  if (facts.birthDate !== encoded) {
    throw refuse('BIRTH_DATE_MISMATCH', `birth date ${facts.birthDate} differs from the national ID's ${encoded}`, {
      birthDate: facts.birthDate,
      nationalIdBirthDate: encoded,
    });
  }
  if (facts.pregnant && facts.sex === 'male') throw refuse('PREGNANT_WHILE_MALE', 'a resident recorded as male cannot be recorded as pregnant');
}
