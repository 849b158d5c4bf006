/** Beijing's zone: ages and tiers change at the city's midnight, not the server's or UTC's. */
export const CITY_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date ('YYYY-MM-DD') an instant falls on in a time zone. */
export function cityDate(instant: Date, timeZone: string = CITY_TIME_ZONE): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('cityDate needs a valid instant');
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

// Building a DateTimeFormat is far slower than using one, and triage runs per resident.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
