import { Projection } from '@gridcare/projections';
import { ReferralRedirectedData, ReferralRequestedData } from '@gridcare/referrals-contracts';
import { PoolClient } from 'pg';
import { applyReferralEvent, DecisionRow, decisionRow, ReferralRow } from './referral-rows';
import { INSERT_DECISIONS, LOAD_REFERRALS, UPSERT_REFERRALS } from './referrals.sql';

/**
 * Referrals from their streams: one row per referral (status, direction, channel, from and to
 * facility, bed held, the time of each step; the referral desk's queue is an index on it) and
 * every routing decision with its explanation (routing_decisions).
 */
export const referralsProjection: Projection<PoolClient> = {
  name: 'referrals',
  eventTypes: ['ReferralRequested', 'ReferralRedirected', 'ReferralAccepted', 'ReferralInTransit', 'PatientAdmitted', 'PatientDischarged', 'ReferredDown', 'ReferralCancelled'],

  async apply(events, tx) {
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

  async reset(tx) {
    await tx.query('DELETE FROM referrals.referrals');
    await tx.query('DELETE FROM referrals.routing_decisions');
  },
};
