import { RecordedEvent } from '@gridcare/event-store';
import { ReadModel } from '@gridcare/projections';
import { EmergencyObservationStartedData } from '@gridcare/referrals-contracts';

/** A emergency_observations row. */
interface ObservationRow {
  observation_id: string;
  referral_id: string;
  resident_id: string;
  facility_id: string;
  started_at: string | Date;
  ended_at: Date | null;
  ended_by: EmergencyObservationEnd | null;
  stream_revision: number;
}

export type EmergencyObservationEnd = 'admitted' | 'discharged' | 'transferred' | 'cancelled';

/** The referral events that end an observation, and how they end it. */
const ENDS: Readonly<Record<string, EmergencyObservationEnd>> = {
  PatientAdmitted: 'admitted',
  PatientDischarged: 'discharged',
  ReferralRedirected: 'transferred',
  ReferralCancelled: 'cancelled',
};

const LOAD_OPEN = `SELECT * FROM emergency_observations WHERE referral_id = ANY($1::uuid[]) AND ended_at IS NULL`;

const UPSERT = `
INSERT INTO emergency_observations (observation_id, referral_id, resident_id, facility_id, started_at, ended_at, ended_by, stream_revision)
SELECT r.observation_id, r.referral_id, r.resident_id, r.facility_id, r.started_at, r.ended_at, r.ended_by, r.stream_revision
FROM jsonb_to_recordset($1::jsonb) AS r(observation_id uuid, referral_id uuid, resident_id uuid, facility_id text, started_at timestamptz,
  ended_at timestamptz, ended_by text, stream_revision int)
ON CONFLICT (observation_id) DO UPDATE SET ended_at = EXCLUDED.ended_at, ended_by = EXCLUDED.ended_by`;

/**
 * Patients under observation in an emergency department: a row from EmergencyObservationStarted
 * (its start is the service clock's, as recorded) until the referral's admission, discharge,
 * redirect (a transfer) or cancellation ends it (at the time the store recorded that event).
 * Whether it is a breach is the query's to say, against the clock.
 */
export const emergencyObservationsProjection: ReadModel = {
  name: 'emergency-observations',
  tables: ['emergency_observations'],
  eventTypes: ['EmergencyObservationStarted', ...Object.keys(ENDS)],

  async apply(events, tx) {
    const referralIds = [...new Set(events.map((event) => (event.data as { referralId: string }).referralId))];
    const { rows } = await tx.query<ObservationRow>(LOAD_OPEN, [referralIds]);
    const open = new Map(rows.map((row) => [row.referral_id, row]));
    const changed = new Map<string, ObservationRow>();
    for (const event of events) {
      const row = applyObservationEvent(open.get((event.data as { referralId: string }).referralId), event);
      if (!row) continue;
      changed.set(row.observation_id, row);
      if (row.ended_at) open.delete(row.referral_id);
      else open.set(row.referral_id, row);
    }
    if (changed.size) await tx.query(UPSERT, [JSON.stringify([...changed.values()])]);
  },
};

/** The observation `event` starts or ends; null when it touches none (a referral not under observation). */
function applyObservationEvent(open: ObservationRow | undefined, event: RecordedEvent): ObservationRow | null {
  if (event.type === 'EmergencyObservationStarted') {
    const started = event.data as EmergencyObservationStartedData;
    return {
      observation_id: event.id,
      referral_id: started.referralId,
      resident_id: started.residentId,
      facility_id: started.facilityId,
      started_at: started.startedAt,
      ended_at: null,
      ended_by: null,
      stream_revision: event.revision,
    };
  }
  const end = ENDS[event.type];
  return open && end ? { ...open, ended_at: event.recordedAt, ended_by: end } : null;
}
