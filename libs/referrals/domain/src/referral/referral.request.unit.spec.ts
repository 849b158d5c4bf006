import { RoutingDecision } from '@gridcare/referrals-contracts';
import { deciderSpecification } from '@gridcare/decider/testing';
import { defaultRoutingPolicy, route, routingPolicyRefOf } from '../routing';
import { GRID } from '../routing/testing/routing-fixtures';
import { referralDecider } from './referral.decider';
import { CRITICAL, decisionId, downwardRequested, MODERATE, REFERRAL_ID, requested, requestReferral, RESIDENT_ID, stateAfter } from './testing/referral-fixtures';

const spec = deciderSpecification(referralDecider);

describe('RequestReferral', () => {
  it('opens the referral with its routing decision: inputs, grid, capacity used, policy, fired rules, outcome', () => {
    const event = requested();
    expect(event.type).toBe('ReferralRequested');
    expect(event.data).toMatchObject({ referralId: REFERRAL_ID, residentId: RESIDENT_ID, parentReferralId: null });
    const decision: RoutingDecision = event.data.decision;
    expect(decision).toMatchObject({
      decisionId: decisionId(1),
      inputs: CRITICAL,
      grid: GRID,
      policy: routingPolicyRefOf(defaultRoutingPolicy()),
      firedRules: ['critically-ill-green-channel', 'severe-to-emergency-department', 'upward-within-grid'],
      appliedRule: 'critically-ill-green-channel',
      outcome: { channel: 'green-channel', facilityId: 'sh-g01-a', icuBedRequired: true, overCapacity: false },
    });
    expect(decision.capacitySnapshot.map((facility) => facility.facilityId)).toEqual(['h-g03', 'sh-g01-a']);
  });

  it('can be re-run from the event alone, with the policy its hash names', () => {
    const { decision } = requested().data;
    expect(defaultRoutingPolicy().hash).toBe(decision.policy.hash);
    const rerun = route(decision.inputs, decision.capacitySnapshot, decision.grid, defaultRoutingPolicy().document);
    expect({ firedRules: rerun.firedRules, appliedRule: rerun.appliedRule, outcome: rerun.outcome }).toEqual({
      firedRules: decision.firedRules,
      appliedRule: decision.appliedRule,
      outcome: decision.outcome,
    });
  });

  it('a downward referral names the upward one it follows and goes back to grassroots', () => {
    const { data } = downwardRequested();
    expect(data.parentReferralId).toBe(REFERRAL_ID);
    expect(data.decision.outcome).toMatchObject({ channel: 'rehabilitation', facilityId: 'chs-g01-home', level: 'grassroots' });
    expect(stateAfter([downwardRequested()])).toMatchObject({ status: 'requested', direction: 'down', facilityId: 'chs-g01-home', icuBedRequired: false });
  });

  it('knows where the referral is routed and whether accepting holds an ICU bed', () => {
    expect(stateAfter([requested()])).toMatchObject({ status: 'requested', facilityId: 'sh-g01-a', icuBedRequired: true, icuBedHeld: false });
    expect(stateAfter([requested(requestReferral(MODERATE))])).toMatchObject({ facilityId: 'sh-g01-a', icuBedRequired: false });
  });

  describe('refuses', () => {
    it('a referral already requested', () => {
      spec.given([requested()]).when(requestReferral()).thenThrows({ code: 'REFERRAL_ALREADY_REQUESTED' });
    });

    it('inputs out of range, naming the field', () => {
      spec.given([]).when(requestReferral({ ...CRITICAL, spo2: 140 })).thenThrows({ code: 'INVALID_ROUTING_INPUTS', details: { field: 'inputs.spo2' } });
    });

    it('a referral no rule covers, and one no facility can take', () => {
      spec.given([]).when(requestReferral({ ...CRITICAL, direction: 'down', from: { ...CRITICAL.from, level: 'tertiary' } })).thenThrows({ code: 'NO_ROUTING_RULE_FIRED' });
      spec.given([]).when(requestReferral(CRITICAL, { capacity: [] })).thenThrows({ code: 'NO_FACILITY_FOUND' });
    });
  });
});
