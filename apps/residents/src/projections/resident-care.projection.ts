import { RecordedEvent } from '@gridcare/event-store';
import { ReadModel } from '@gridcare/projections';
import { CARE_STATEMENTS } from './resident-care.sql';

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** An event as its statements read it: data with snake_case keys, and who recorded it when. */
function rowOf(event: RecordedEvent, ord: number): Record<string, unknown> {
  const data = Object.entries(event.data as Record<string, unknown>).map(([key, value]) => [snakeCase(key), value]);
  return { ...Object.fromEntries(data), event_id: event.id, actor_id: event.metadata.actor.id, recorded_at: event.recordedAt, ord };
}

/** Consecutive events of one type: each run is applied set-based, runs in log order. */
function runsOf(events: readonly RecordedEvent[]): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of events) {
    const run = runs.at(-1);
    if (run && run[0].type === event.type) run.push(event);
    else runs.push([event]);
  }
  return runs;
}

/**
 * Infection episodes (with antivirals and oxygen), SpO2 readings, every follow-up booked with
 * what became of it, and referral assistance requests: the case as a worker reads it.
 */
export const residentCareProjection: ReadModel = {
  name: 'resident-care',
  tables: ['infection_episodes', 'spo2_readings', 'follow_ups', 'referral_assistance_requests'],
  eventTypes: Object.keys(CARE_STATEMENTS),

  async apply(events, tx) {
    for (const run of runsOf(events)) {
      const rows = JSON.stringify(run.map(rowOf));
      for (const statement of CARE_STATEMENTS[run[0].type]) await tx.query(statement, [rows]);
    }
  },
};
