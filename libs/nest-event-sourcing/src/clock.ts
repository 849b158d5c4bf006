/** The time, injectable so tests can control it (schedules, ages and breaches depend on it). */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock tests set and move by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Runs forward in real time from a chosen start: for drills, demos and benchmarks of a day to come. */
export class ShiftedClock implements Clock {
  private readonly offsetMs: number;

  constructor(start: Date, realNow: Date = new Date()) {
    this.offsetMs = start.getTime() - realNow.getTime();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/**
 * The service's clock: the system's, or, when GRIDCARE_CLOCK_START names an instant (ISO 8601
 * with an offset), a clock that starts there and runs forward. Never set it in production.
 */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock {
  const start = env.GRIDCARE_CLOCK_START;
  if (!start) return new SystemClock();
  const instant = new Date(start);
  if (Number.isNaN(instant.getTime())) throw new Error(`GRIDCARE_CLOCK_START is not an instant: ${start}`);
  return new ShiftedClock(instant);
}
