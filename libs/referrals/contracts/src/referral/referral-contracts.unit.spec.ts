import { issuesOf, REFERRAL_ID, RESIDENT_ID, routingDecision, routingInputs } from '../testing/contract-fixtures';

const PARENT_ID = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';
const redirectedDecision = () => ({
  ...routingDecision(),
  decisionId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  inputs: { ...routingInputs(), excludedFacilityIds: ['h-g06'] },
});

describe('referral contracts', () => {
  describe('ReferralRequested', () => {
    it('carries the routing decision', () => {
      expect(issuesOf('ReferralRequested', { referralId: REFERRAL_ID, residentId: RESIDENT_ID, parentReferralId: null, decision: routingDecision() })).toEqual([]);
      expect(issuesOf('ReferralRequested', { referralId: REFERRAL_ID, residentId: RESIDENT_ID, parentReferralId: PARENT_ID, decision: routingDecision() })).toEqual([]);
    });

    it('refuses a decision without its explanation', () => {
      const { policy: _policy, ...noPolicy } = routingDecision();
      expect(issuesOf('ReferralRequested', { referralId: REFERRAL_ID, residentId: RESIDENT_ID, parentReferralId: null, decision: noPolicy })).toEqual(['decision.policy']);
      expect(issuesOf('ReferralRequested', { referralId: REFERRAL_ID, residentId: RESIDENT_ID, parentReferralId: null, decision: { ...routingDecision(), decisionId: 'd-1' } })).toEqual([
        'decision.decisionId',
      ]);
    });
  });

  describe('ReferralRedirected', () => {
    const redirected = () => ({ referralId: REFERRAL_ID, decliningFacilityId: 'h-g06', declineReason: 'no-icu-bed', note: null, decision: redirectedDecision() });

    it('names the declining facility, its reason and the new decision', () => {
      expect(issuesOf('ReferralRedirected', redirected())).toEqual([]);
    });

    it('the new decision excludes the declining facility', () => {
      expect(issuesOf('ReferralRedirected', { ...redirected(), decliningFacilityId: 'h-g05' })).toEqual(['decision.inputs.excludedFacilityIds']);
    });

    it('a decline for another reason says why', () => {
      expect(issuesOf('ReferralRedirected', { ...redirected(), declineReason: 'other' })).toEqual(['note']);
      expect(issuesOf('ReferralRedirected', { ...redirected(), declineReason: 'other', note: 'oxygen supply failed' })).toEqual([]);
      expect(issuesOf('ReferralRedirected', { ...redirected(), declineReason: 'full' })).toEqual(['declineReason']);
    });
  });

  it('ReferralAccepted says whether an ICU bed is held', () => {
    expect(issuesOf('ReferralAccepted', { referralId: REFERRAL_ID, facilityId: 'h-g07', icuBedHeld: true })).toEqual([]);
    expect(issuesOf('ReferralAccepted', { referralId: REFERRAL_ID, facilityId: 'h-g07' })).toEqual(['icuBedHeld']);
  });

  it.each(['ReferralInTransit', 'PatientDischarged'])('%s names the facility', (type) => {
    expect(issuesOf(type, { referralId: REFERRAL_ID, facilityId: 'h-g07' })).toEqual([]);
    expect(issuesOf(type, { referralId: REFERRAL_ID })).toEqual(['facilityId']);
  });

  it('PatientAdmitted says whether a held ICU bed is now occupied', () => {
    expect(issuesOf('PatientAdmitted', { referralId: REFERRAL_ID, facilityId: 'h-g07', icuBedHeld: true })).toEqual([]);
  });

  it('ReferredDown names the downward referral', () => {
    expect(issuesOf('ReferredDown', { referralId: REFERRAL_ID, facilityId: 'h-g07', downwardReferralId: PARENT_ID })).toEqual([]);
    expect(issuesOf('ReferredDown', { referralId: REFERRAL_ID, facilityId: 'h-g07', downwardReferralId: null })).toEqual(['downwardReferralId']);
  });

  it('ReferralCancelled needs a reason', () => {
    expect(issuesOf('ReferralCancelled', { referralId: REFERRAL_ID, facilityId: 'h-g07', reason: 'recovered at home', icuBedHeld: false })).toEqual([]);
    expect(issuesOf('ReferralCancelled', { referralId: REFERRAL_ID, facilityId: 'h-g07', reason: ' ', icuBedHeld: false })).toEqual(['reason']);
  });
});
