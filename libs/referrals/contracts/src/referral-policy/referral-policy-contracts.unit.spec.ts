import { HASH, issuesOf, REFERRAL_ID, RESIDENT_ID } from '../testing/contract-fixtures';

const TRIGGER_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('ReferralTriggerSkipped', () => {
  const skipped = () => ({
    residentId: RESIDENT_ID,
    trigger: { kind: 'low-spo2', eventId: TRIGGER_ID, eventType: 'Spo2Recorded' },
    reason: 'open-referral',
    openReferralId: REFERRAL_ID,
    refusal: null,
    policy: { id: 'referral-policy', version: '2026.1', hash: HASH },
  });

  it('names the trigger, why it opened nothing, and the policy', () => {
    expect(issuesOf('ReferralTriggerSkipped', skipped())).toEqual([]);
    expect(issuesOf('ReferralTriggerSkipped', { ...skipped(), reason: 'resident-not-known', openReferralId: null })).toEqual([]);
    expect(issuesOf('ReferralTriggerSkipped', { ...skipped(), reason: 'routing-refused', openReferralId: null, refusal: 'NO_FACILITY_FOUND' })).toEqual([]);
  });

  it('names the open referral, or the refusal, exactly when that is the reason', () => {
    expect(issuesOf('ReferralTriggerSkipped', { ...skipped(), openReferralId: null })).toEqual(['openReferralId']);
    expect(issuesOf('ReferralTriggerSkipped', { ...skipped(), reason: 'routing-refused', openReferralId: null })).toEqual(['refusal']);
    expect(issuesOf('ReferralTriggerSkipped', { ...skipped(), reason: 'resident-not-known' })).toEqual(['openReferralId']);
  });

  it('a trigger is one of the three kinds, from a residents event', () => {
    expect(issuesOf('ReferralTriggerSkipped', { ...skipped(), trigger: { ...skipped().trigger, kind: 'fever' } })).toEqual(['trigger.kind']);
    expect(issuesOf('ReferralTriggerSkipped', { ...skipped(), trigger: { ...skipped().trigger, eventType: 'InfectionReported' } })).toEqual(['trigger.eventType']);
  });
});
