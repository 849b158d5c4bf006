import { validateNationalId } from './validate-national-id';

/** The birth date ('YYYY-MM-DD') a valid resident ID encodes; throws a RangeError for an invalid ID. */
export function birthDateFromNationalId(nationalId: string): string {
  const validation = validateNationalId(nationalId);
  if (!validation.valid) throw new RangeError(`not a valid national ID (${validation.problems.join(', ')})`);
  return `${nationalId.slice(6, 10)}-${nationalId.slice(10, 12)}-${nationalId.slice(12, 14)}`;
}

/** The sex the sequence encodes (odd for male, even for female), for callers that cross-check it. */
export function sexFromNationalId(nationalId: string): 'female' | 'male' {
  const validation = validateNationalId(nationalId);
  if (!validation.valid) throw new RangeError(`not a valid national ID (${validation.problems.join(', ')})`);
  return (nationalId.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
}
