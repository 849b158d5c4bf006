import { defaultReferralPolicy } from './referral-policy';
import { referralTriggerOf } from './referral-trigger';
import { assistance, EVENT_ID, registered, RESIDENT_ID, spo2, triaged } from './testing/resident-event-fixtures';

const policy = defaultReferralPolicy();
const triggerOf = (event: { id: string; type: string; data: unknown }) => referralTriggerOf(event, policy);

describe("which residents' events are referral triggers", () => {
  it('a triage that puts an infected resident in red, with what the triage saw', () => {
    expect(triggerOf(triaged(2, { tier: 'red', previousTier: 'yellow', infected: true, kind: 'spo2-reading', latestSpo2: 91, ageYears: 58 }))).toEqual({
      kind: 'red-and-infected',
      eventId: EVENT_ID(2),
      eventType: 'ResidentTriaged',
      residentId: RESIDENT_ID,
      on: '2026-01-15',
      seen: { tier: 'red', spo2: 91, ageYears: 58, conditions: [{ code: 'hypertension', controlled: true }], lowImmunity: false },
    });
  });

  it('a red resident reported infected', () => {
    expect(triggerOf(triaged(2, { tier: 'red', previousTier: 'red', infected: true, kind: 'infection-reported' }))?.kind).toBe('red-and-infected');
  });

  it('not a red and infected resident triaged again, nor a red resident who is not infected, nor an infected one who is not red', () => {
    expect(triggerOf(triaged(2, { tier: 'red', previousTier: 'red', infected: true, kind: 'spo2-reading' }))).toBeNull();
    expect(triggerOf(triaged(2, { tier: 'red', previousTier: 'red', infected: true, kind: 'rule-set-published' }))).toBeNull();
    expect(triggerOf(triaged(2, { tier: 'red', previousTier: 'yellow', infected: false, kind: 'registration' }))).toBeNull();
    expect(triggerOf(triaged(2, { tier: 'yellow', previousTier: 'green', infected: true }))).toBeNull();
  });

  it("an SpO2 reading below the policy's threshold (93), each one", () => {
    expect(triggerOf(spo2(3, 92))).toEqual({ kind: 'low-spo2', eventId: EVENT_ID(3), eventType: 'Spo2Recorded', residentId: RESIDENT_ID, on: '2026-01-16', seen: { spo2: 92 } });
    expect(triggerOf(spo2(3, 93))).toBeNull();
    expect(triggerOf(spo2(3, 97))).toBeNull();
  });

  it('every request for referral assistance', () => {
    expect(triggerOf(assistance(4))).toEqual({ kind: 'referral-assistance', eventId: EVENT_ID(4), eventType: 'ReferralAssistanceRequested', residentId: RESIDENT_ID, on: '2026-01-17', seen: {} });
  });

  it('nothing else', () => {
    expect(triggerOf(registered())).toBeNull();
  });
});
