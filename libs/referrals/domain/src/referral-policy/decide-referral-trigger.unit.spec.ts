import { z } from 'zod';
import { decideReferralTrigger, ReferralTriggerDecision, referralTriggerRefused, ResidentReferralHistory } from './decide-referral-trigger';
import { defaultReferralPolicy, referralPolicyRefOf } from './referral-policy';
import { ReferralTrigger, referralTriggerOf } from './referral-trigger';
import { evolveResidentFacts, ResidentFacts } from './resident-facts';
import { assistance, corrected, EVENT_ID, registered, RESIDENT_ID, spo2, triaged } from './testing/resident-event-fixtures';
import { referralIdForTrigger, skipEventIdForTrigger } from './trigger-ids';

const policy = defaultReferralPolicy();
const NONE: ResidentReferralHistory = { referrals: [], skippedTriggerIds: new Set() };
const facts = (...events: { type: string; data: unknown }[]) => [registered(), ...events].reduce<ResidentFacts | null>(evolveResidentFacts, null);
const trigger = (event: { id: string; type: string; data: unknown }): ReferralTrigger => {
  const found = referralTriggerOf(event, policy);
  if (!found) throw new Error(`${event.type} is not a trigger`);
  return found;
};
const requestOf = (decision: ReferralTriggerDecision) => {
  if (decision.outcome !== 'open') throw new Error(`expected to open, got ${decision.outcome}`);
  return decision.request;
};

describe('the referral policy decides each trigger', () => {
  it('red and infected: a referral named by the triggering event, with what the triage saw', () => {
    const event = triaged(2, { tier: 'red', previousTier: 'yellow', infected: true, kind: 'spo2-reading', latestSpo2: 92, ageYears: 76 });
    expect(decideReferralTrigger(trigger(event), facts(event), NONE, policy)).toEqual({
      outcome: 'open',
      request: {
        referralId: referralIdForTrigger(EVENT_ID(2)),
        residentId: RESIDENT_ID,
        communityId: 'd01-s001-c001',
        direction: 'up',
        fromFacilityId: null,
        tier: 'red',
        severity: 'moderate',
        spo2: 92,
        ageYears: 76,
        highRisk: false,
        needsIcu: false,
      },
    });
  });

  it('a low reading: severe, the reading itself, tier and age from the facts on the day of the reading', () => {
    const before = [triaged(2, { tier: 'yellow', previousTier: null, infected: true }), corrected(3, { conditions: [{ code: 'copd', controlled: true }] })];
    const reading = spo2(4, 90, '2026-01-16');
    expect(requestOf(decideReferralTrigger(trigger(reading), facts(...before, reading), NONE, policy))).toMatchObject({
      severity: 'severe',
      spo2: 90,
      tier: 'yellow',
      ageYears: 76,
      highRisk: true,
    });
  });

  it('referral assistance: moderate, with the latest reading and tier the service has seen', () => {
    const before = [triaged(2, { tier: 'red', previousTier: null, infected: true, latestSpo2: 94 })];
    expect(requestOf(decideReferralTrigger(trigger(assistance(3)), facts(...before), NONE, policy))).toMatchObject({ severity: 'moderate', spo2: 94, tier: 'red' });
  });

  it('one open referral per resident: a trigger while one is open is skipped, naming it and the policy', () => {
    const open = 'a0000000-0000-4000-8000-000000000001';
    for (const status of ['requested', 'accepted', 'in-transit', 'under-observation', 'admitted'] as const) {
      const decision = decideReferralTrigger(trigger(spo2(4, 90)), facts(), { referrals: [{ referralId: open, status }], skippedTriggerIds: new Set() }, policy);
      expect(decision).toEqual({
        outcome: 'skip',
        event: {
          type: 'ReferralTriggerSkipped',
          data: {
            residentId: RESIDENT_ID,
            trigger: { kind: 'low-spo2', eventId: EVENT_ID(4), eventType: 'Spo2Recorded' },
            reason: 'open-referral',
            openReferralId: open,
            refusal: null,
            policy: referralPolicyRefOf(policy),
          },
        },
      });
    }
  });

  it('a resident whose referrals have all ended is referred again', () => {
    const referrals = (['discharged', 'referred-down', 'cancelled'] as const).map((status, n) => ({ referralId: `a0000000-0000-4000-8000-00000000000${n}`, status }));
    expect(decideReferralTrigger(trigger(assistance(5)), facts(), { referrals, skippedTriggerIds: new Set() }, policy).outcome).toBe('open');
  });

  it('a trigger handled before (redelivered) is not decided again, whatever happened since', () => {
    const reading = trigger(spo2(4, 90));
    const opened = { referrals: [{ referralId: referralIdForTrigger(EVENT_ID(4)), status: 'discharged' as const }], skippedTriggerIds: new Set<string>() };
    expect(decideReferralTrigger(reading, facts(), opened, policy)).toEqual({ outcome: 'handled', referralId: referralIdForTrigger(EVENT_ID(4)) });
    expect(decideReferralTrigger(reading, facts(), { referrals: [], skippedTriggerIds: new Set([EVENT_ID(4)]) }, policy)).toEqual({ outcome: 'handled', referralId: null });
  });

  it('a resident the service has seen no registration of is skipped', () => {
    expect(decideReferralTrigger(trigger(assistance(3)), null, NONE, policy)).toMatchObject({ outcome: 'skip', event: { data: { reason: 'resident-not-known', openReferralId: null } } });
  });

  it("routing's refusal is recorded as the reason", () => {
    expect(referralTriggerRefused(trigger(assistance(3)), 'NO_FACILITY_FOUND', policy).data).toMatchObject({ reason: 'routing-refused', refusal: 'NO_FACILITY_FOUND' });
  });

  it('names referrals and skip events by the trigger: the same on every run, distinct per trigger and per use, valid UUIDs', () => {
    expect(referralIdForTrigger(EVENT_ID(4))).toBe(referralIdForTrigger(EVENT_ID(4)));
    const ids = [referralIdForTrigger(EVENT_ID(4)), referralIdForTrigger(EVENT_ID(5)), skipEventIdForTrigger(EVENT_ID(4))];
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(z.uuid().safeParse(id).success).toBe(true);
  });
});
