import { RecordedEvent } from '@gridcare/event-store';
import { ReadModel } from '@gridcare/projections';
import { PoolClient } from 'pg';
import { summarizeEvent, whyOfEvent } from './event-summary';
import { referralOfStream, referralOpened, residentOfEvent } from './resident-of-event';

export const CASE_HISTORY_PROJECTION = 'case-history';

/** The event types the index holds: every service's events about a resident. */
export const CASE_HISTORY_EVENT_TYPES: readonly string[] = [
  'ResidentRegistered', 'ResidentCorrected', 'ResidentMoved', 'ResidentTriaged', 'ResidentTierOverridden', 'ResidentVaccinationStatusUpdated',
  'InfectionReported', 'SymptomsRecorded', 'Spo2Recorded', 'AntiviralEligibilityAssessed', 'AntiviralGiven', 'OxygenFilled', 'HomeTreatmentEnded',
  'FollowUpScheduled', 'FollowUpCompleted', 'FollowUpEscalated', 'FollowUpFrequencyRaised', 'FollowUpsEnded', 'ReferralAssistanceRequested',
  'ResidentAssignedToWorker', 'ContactServiceCardIssued', 'HealthKitsHandedOut', 'FingerOximeterHandedOut', 'FingerOximeterReturned',
  'DoseAdministered', 'ReferralRequested', 'ReferralRedirected', 'ReferralAccepted', 'ReferralInTransit', 'EmergencyObservationStarted',
  'PatientAdmitted', 'PatientDischarged', 'ReferredDown', 'ReferralCancelled', 'ReferralTriggerSkipped',
];

const INSERT_ENTRIES = `
INSERT INTO case_history (resident_id, commit_position, prepare_position, event_id, stream_id, stream_revision, event_type, schema_version,
  recorded_at, actor_id, actor_role, correlation_id, causation_id, summary, why)
SELECT e.resident_id, e.commit_position, e.prepare_position, e.event_id, e.stream_id, e.stream_revision, e.event_type, e.schema_version,
  e.recorded_at, e.actor_id, e.actor_role, e.correlation_id, e.causation_id, e.summary, e.why
FROM jsonb_to_recordset($1::jsonb) AS e(resident_id uuid, commit_position numeric, prepare_position numeric, event_id uuid, stream_id text, stream_revision int,
  event_type text, schema_version int, recorded_at timestamptz, actor_id text, actor_role text, correlation_id text, causation_id text, summary text, why jsonb)
ON CONFLICT DO NOTHING`;

const INSERT_REFERRALS = `
INSERT INTO referral_residents (referral_id, resident_id)
SELECT r.referral_id, r.resident_id FROM jsonb_to_recordset($1::jsonb) AS r(referral_id uuid, resident_id uuid)
ON CONFLICT DO NOTHING`;

/**
 * The case-history index: one row per event per resident it is about, keyed by the resident and
 * the event's global position, with who (actor, role), what (a readable summary), why (the
 * decision's trigger, rule set and fired rules; the causation id to follow back) and when.
 */
export const caseHistoryProjection: ReadModel = {
  name: CASE_HISTORY_PROJECTION,
  tables: ['case_history', 'referral_residents'],
  eventTypes: CASE_HISTORY_EVENT_TYPES,
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    const opened = events.map(referralOpened).filter((r): r is { referralId: string; residentId: string } => r !== null);
    const referrals = new Map(opened.map((r) => [r.referralId, r.residentId]));
    const unknownReferrals = [...new Set(events.map((e) => referralOfStream(e.streamId)).filter((id): id is string => id !== null && !referrals.has(id)))];
    if (unknownReferrals.length > 0) {
      const { rows } = await tx.query<{ referral_id: string; resident_id: string }>('SELECT referral_id, resident_id FROM referral_residents WHERE referral_id = ANY($1::uuid[])', [unknownReferrals]);
      for (const row of rows) referrals.set(row.referral_id, row.resident_id);
    }
    if (opened.length > 0) await tx.query(INSERT_REFERRALS, [JSON.stringify(opened.map((r) => ({ referral_id: r.referralId, resident_id: r.residentId })))]);
    const entries = [];
    for (const event of events) {
      const residentId = residentOfEvent(event, (referralId) => referrals.get(referralId));
      if (!residentId) continue;
      entries.push({
        resident_id: residentId,
        commit_position: event.position.commit.toString(),
        prepare_position: event.position.prepare.toString(),
        event_id: event.id,
        stream_id: event.streamId,
        stream_revision: event.revision,
        event_type: event.type,
        schema_version: event.schemaVersion,
        recorded_at: event.recordedAt.toISOString(),
        actor_id: event.metadata.actor.id,
        actor_role: event.metadata.actor.role,
        correlation_id: event.metadata.correlationId,
        causation_id: event.metadata.causationId,
        summary: summarizeEvent(event),
        why: whyOfEvent(event),
      });
    }
    if (entries.length > 0) await tx.query(INSERT_ENTRIES, [JSON.stringify(entries)]);
  },
};
