import { parseCalendarDate } from './calendar-date';

/**
 * Completed years between two calendar dates: 64 on the day before the 65th birthday, 65 on it.
 * Someone born on 29 February turns a year older on 1 March in a common year (the day after
 * 28 February), never early. Throws a RangeError when asOf is before the birth date.
 */
export function ageInYears(birthDate: string, asOf: string): number {
  const born = parseCalendarDate(birthDate);
  const on = parseCalendarDate(asOf);
  if (asOf < birthDate) throw new RangeError(`${asOf} is before the birth date ${birthDate}`);
  const birthdayReached = on.month > born.month || (on.month === born.month && on.day >= born.day);
  return on.year - born.year - (birthdayReached ? 0 : 1);
}
