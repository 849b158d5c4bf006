import { deciderSpecification } from '@gridcare/decider/testing';
import { city, facility } from '../routing/testing/routing-fixtures';
import { ReferralRedirectedEvent } from './referral-events';
import { referralDecider } from './referral.decider';
import { CRITICAL, decisionId, HISTORY, redirect, REFERRAL_ID, requested, stateAfter } from './testing/referral-fixtures';

const spec = deciderSpecification(referralDecider);
const redirectedBy = (events: Parameters<typeof stateAfter>[0], declining: string, overrides: Parameters<typeof redirect>[1] = {}) =>
  referralDecider.decide(redirect(declining, overrides), stateAfter(events))[0] as ReferralRedirectedEvent;

describe('RedirectReferral: a decline names where the patient goes instead', () => {
  it('is a new routing decision without the declining facility', () => {
    const event = redirectedBy(HISTORY.requested(), 'sh-g01-a');
    expect(event.data).toMatchObject({ referralId: REFERRAL_ID, decliningFacilityId: 'sh-g01-a', declineReason: 'no-icu-bed', note: null });
    expect(event.data.decision).toMatchObject({
      decisionId: decisionId(2),
      inputs: { ...CRITICAL, excludedFacilityIds: ['sh-g01-a'] },
      appliedRule: 'critically-ill-green-channel',
      outcome: { channel: 'green-channel', facilityId: 'sh-g02', icuBedRequired: true },
    });
    expect(stateAfter([...HISTORY.requested(), event])).toMatchObject({ status: 'requested', facilityId: 'sh-g02' });
  });

  it('every facility that declined stays excluded', () => {
    const first = redirectedBy(HISTORY.requested(), 'sh-g01-a');
    const second = redirectedBy([...HISTORY.requested(), first], 'sh-g02', { decisionId: decisionId(3), declineReason: 'other', note: 'oxygen supply failed' });
    expect(second.data.decision.inputs.excludedFacilityIds).toEqual(['sh-g01-a', 'sh-g02']);
    expect(second.data.decision.outcome.facilityId).toBe('h-g02');
    expect(second.data.note).toBe('oxygen supply failed');
  });

  it('the new facility may accept; the one that declined may not', () => {
    const history = [...HISTORY.requested(), redirectedBy(HISTORY.requested(), 'sh-g01-a')];
    spec.given(history).when({ type: 'AcceptReferral', referralId: REFERRAL_ID, facilityId: 'sh-g02', icuBedHeld: true }).then([
      { type: 'ReferralAccepted', data: { referralId: REFERRAL_ID, facilityId: 'sh-g02', icuBedHeld: true } },
    ]);
    spec.given(history).when({ type: 'AcceptReferral', referralId: REFERRAL_ID, facilityId: 'sh-g01-a', icuBedHeld: true }).thenThrows({ code: 'NOT_THE_ROUTED_FACILITY' });
  });

  describe('refuses', () => {
    it('a decline by a facility the referral is not routed to', () => {
      spec.given(HISTORY.requested()).when(redirect('h-g01')).thenThrows({ code: 'NOT_THE_ROUTED_FACILITY' });
    });

    it('a decline with nowhere else to go: the facility may not simply refuse', () => {
      const onlyOne = [facility('sh-g01-a', 'g01', 'second-level', 2, { open: 10, occupied: 9 })];
      spec.given([requested()]).when(redirect('sh-g01-a', { capacity: onlyOne })).thenThrows({ code: 'NO_FACILITY_FOUND' });
    });

    it('a decline for another reason that does not say why', () => {
      spec.given(HISTORY.requested()).when(redirect('sh-g01-a', { declineReason: 'other', note: ' ' })).thenThrows({ code: 'REASON_REQUIRED', details: { field: 'note' } });
    });

    it('a decline once the referral is accepted', () => {
      spec.given(HISTORY.accepted()).when(redirect('sh-g01-a', { capacity: city() })).thenThrows({ code: 'INVALID_REFERRAL_TRANSITION' });
    });
  });
});
