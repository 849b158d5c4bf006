/** The prefix of every vaccination stream, for readers that filter the global log by stream. */
export const VACCINATION_STREAM_PREFIX = 'vaccination-';

/** One stream per resident: every dose the vaccination service recorded for them, in order. */
export const vaccinationStream = (residentId: string): string => `${VACCINATION_STREAM_PREFIX}${residentId}`;
