import { cityDate } from './city-date';

describe('cityDate', () => {
  it("gives Beijing's date by default: UTC+8, so 16:00 UTC is already tomorrow", () => {
    expect(cityDate(new Date('2026-01-04T15:59:59.999Z'))).toBe('2026-01-04');
    expect(cityDate(new Date('2026-01-04T16:00:00Z'))).toBe('2026-01-05');
  });

  it('takes another time zone', () => {
    expect(cityDate(new Date('2026-01-04T16:00:00Z'), 'UTC')).toBe('2026-01-04');
    expect(cityDate(new Date('2026-01-05T02:00:00Z'), 'America/New_York')).toBe('2026-01-04');
  });

  it('pads months and days and refuses an invalid instant', () => {
    expect(cityDate(new Date('2026-03-09T00:00:00Z'))).toBe('2026-03-09');
    expect(() => cityDate(new Date('nonsense'))).toThrow(RangeError);
  });
});
