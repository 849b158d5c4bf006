import { RecordedEvent } from '@gridcare/event-store';
import { ReadModel } from '@gridcare/projections';
import { ReferralRedirectedData, ReferralRequestedData, ReferralTriggerSkippedData } from '@gridcare/referrals-contracts';
import { applyReferralEvent, DecisionRow, decisionRow, ReferralRow } from './referral-rows';
import { INSERT_DECISIONS, INSERT_TRIGGER_SKIPS, LOAD_REFERRALS, UPSERT_REFERRALS } from './referrals.sql';

/**
 * Referrals from their streams: one row per referral (status, direction, channel, from and to
 * facility, bed held, the time of each step; the referral desk's queue is an index on it),
 * every routing decision with its explanation (routing_decisions), and the triggers the
 * referral policy opened no referral for (referral_trigger_skips).
 */
export const referralsProjection: ReadModel = {
  name: 'referrals',
  tables: ['referrals', 'routing_decisions', 'referral_trigger_skips'],
  eventTypes: [
    'ReferralRequested',
    'ReferralRedirected',
    'ReferralAccepted',
    'ReferralInTransit',
    'EmergencyObservationStarted',
    'PatientAdmitted',
    'PatientDischarged',
    'ReferredDown',
    'ReferralCancelled',
    'ReferralTriggerSkipped',
  ],

  async apply(allEvents, tx) {
    const skips = allEvents.filter((event) => event.type === 'ReferralTriggerSkipped').map(triggerSkipRow);
    if (skips.length) await tx.query(INSERT_TRIGGER_SKIPS, [JSON.stringify(skips)]);
    const events = allEvents.filter((event) => event.type !== 'ReferralTriggerSkipped');
    if (events.length === 0) return;
    const referralIds = [...new Set(events.map((event) => (event.data as { referralId: string }).referralId))];
    const { rows: loaded } = await tx.query<ReferralRow>(LOAD_REFERRALS, [referralIds]);
    const referrals = new Map(loaded.map((row) => [row.referral_id, row]));
    const decisions: DecisionRow[] = [];
    for (const event of events) {
      const { referralId } = event.data as { referralId: string };
      const row = applyReferralEvent(referrals.get(referralId), event);
      if (row) referrals.set(referralId, row);
      if (event.type === 'ReferralRequested') decisions.push(decisionRow(event, 'request', (event.data as ReferralRequestedData).decision));
      if (event.type === 'ReferralRedirected') {
        const redirect = event.data as ReferralRedirectedData;
        decisions.push(decisionRow(event, 'redirect', redirect.decision, redirect));
      }
    }
    if (referrals.size) await tx.query(UPSERT_REFERRALS, [JSON.stringify([...referrals.values()])]);
    if (decisions.length) await tx.query(INSERT_DECISIONS, [JSON.stringify(decisions)]);
  },
};

function triggerSkipRow(event: RecordedEvent) {
  const { residentId, trigger, reason, openReferralId, refusal, policy } = event.data as ReferralTriggerSkippedData;
  return {
    trigger_event_id: trigger.eventId,
    resident_id: residentId,
    trigger_kind: trigger.kind,
    trigger_event_type: trigger.eventType,
    reason,
    open_referral_id: openReferralId,
    refusal,
    policy_version: policy.version,
    event_id: event.id,
    skipped_at: event.recordedAt,
  };
}
