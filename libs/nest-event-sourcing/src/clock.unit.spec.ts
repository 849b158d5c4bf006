import { clockFromEnvironment, ShiftedClock, SystemClock } from './clock';

describe('the service clock', () => {
  it('is the system clock unless GRIDCARE_CLOCK_START is set', () => {
    expect(clockFromEnvironment({})).toBeInstanceOf(SystemClock);
  });

  it('starts at GRIDCARE_CLOCK_START and runs forward in real time', async () => {
    const clock = clockFromEnvironment({ GRIDCARE_CLOCK_START: '2027-03-02T08:00:00+08:00' });
    expect(clock).toBeInstanceOf(ShiftedClock);
    const first = clock.now().getTime();
    expect(Math.abs(first - Date.parse('2027-03-02T00:00:00Z'))).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().getTime()).toBeGreaterThan(first);
  });

  it('refuses a start that is not an instant', () => {
    expect(() => clockFromEnvironment({ GRIDCARE_CLOCK_START: 'next tuesday' })).toThrow(/GRIDCARE_CLOCK_START/);
  });
});
