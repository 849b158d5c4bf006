import { isCalendarDate, parseCalendarDate } from './calendar-date';

describe('calendar dates', () => {
  it('parses YYYY-MM-DD', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('refuses malformed and non-existent dates', () => {
    for (const date of ['2023-02-29', '2026-13-01', '2026-04-31', '2026-1-5', '20260105', '']) expect(isCalendarDate(date)).toBe(false);
  });
});
