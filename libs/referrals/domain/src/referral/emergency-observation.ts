/**
 * *"critically ill patients who are under observation in the emergency department be cleared and
 * admitted 24 hours a day"* (seed 003): a patient under observation in an emergency department
 * is to be admitted within 24 hours of arriving there.
 */
export const EMERGENCY_OBSERVATION_LIMIT_HOURS = 24;

const LIMIT_MS = EMERGENCY_OBSERVATION_LIMIT_HOURS * 3_600_000;

/**
 * Observations that started before this instant and are still going on are breaches at `now`.
 * A breach is computed against the clock whenever it is asked, never stored: a stored flag would
 * be stale the moment after it was written.
 */
export const emergencyObservationBreachCutoff = (now: Date): Date => new Date(now.getTime() - LIMIT_MS);

/** Still under observation, and for more than 24 hours at `now`. */
export const isEmergencyObservationBreached = (startedAt: Date, endedAt: Date | null, now: Date): boolean =>
  endedAt === null && startedAt.getTime() < emergencyObservationBreachCutoff(now).getTime();
