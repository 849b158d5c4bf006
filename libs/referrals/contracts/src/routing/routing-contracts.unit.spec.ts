import { capacity, HASH, issuesOf, routingDecision, routingInputs, routingPolicy } from '../testing/contract-fixtures';
import { RoutingDecision } from './routing-decision';

const decisionIssues = (decision: unknown) => {
  const result = RoutingDecision.safeParse(decision);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('routing contracts', () => {
  describe('RoutingPolicyPublished', () => {
    it('carries the whole policy document and its hash', () => {
      expect(issuesOf('RoutingPolicyPublished', { policy: routingPolicy(), hash: HASH })).toEqual([]);
      expect(issuesOf('RoutingPolicyPublished', { policy: routingPolicy(), hash: 'ABC' })).toEqual(['hash']);
    });

    it('refuses an unknown fact, a misspelt value and an ordered named value, naming where', () => {
      const policy = routingPolicy();
      const when = { all: [{ fact: 'sevrity', op: 'eq', value: 'critical' }, { fact: 'direction', op: 'eq', value: 'upward' }, { fact: 'tier', op: 'gte', value: 'red' }] };
      expect(issuesOf('RoutingPolicyPublished', { policy: { ...policy, rules: [{ ...policy.rules[0], when }] }, hash: HASH })).toEqual([
        'policy.rules[0].when.all[0].fact',
        'policy.rules[0].when.all[1].value',
        'policy.rules[0].when.all[2].op',
      ]);
    });

    it('refuses an unknown channel and a bed without an ICU', () => {
      const [first, second] = routingPolicy().rules;
      const rules = [first, { ...second, channel: 'fast-lane', target: { ...second.target, icuBed: true } }];
      expect(issuesOf('RoutingPolicyPublished', { policy: { ...routingPolicy(), rules }, hash: HASH })).toEqual([
        'policy.rules[1].channel',
        'policy.rules[1].target.capabilities',
      ]);
    });

    it('refuses a duplicate rule id: fired rules are reported by id', () => {
      const [first, second] = routingPolicy().rules;
      expect(issuesOf('RoutingPolicyPublished', { policy: { ...routingPolicy(), rules: [first, { ...second, id: first.id }] }, hash: HASH })).toEqual([
        'policy.rules[1].id',
      ]);
    });

    it('needs somewhere to go when the city is full', () => {
      expect(issuesOf('RoutingPolicyPublished', { policy: { ...routingPolicy(), overCapacity: { description: 'x', capabilities: [] } }, hash: HASH })).toEqual([
        'policy.overCapacity.capabilities',
      ]);
    });
  });

  describe('RoutingDecision', () => {
    it('records inputs, grid, capacity consulted, policy, fired rules and outcome', () => {
      expect(decisionIssues(routingDecision())).toEqual([]);
    });

    it('applies the first rule that fired', () => {
      expect(decisionIssues({ ...routingDecision(), appliedRule: 'high-risk-elderly-to-tertiary' })).toEqual(['appliedRule']);
      expect(decisionIssues({ ...routingDecision(), firedRules: [] })).toEqual(['firedRules', 'appliedRule']);
    });

    it('never routes to a facility that declined, to the referring facility, or outside the snapshot', () => {
      expect(decisionIssues({ ...routingDecision(), inputs: { ...routingInputs(), excludedFacilityIds: ['h-g07'] } })).toEqual(['outcome.facilityId']);
      expect(decisionIssues({ ...routingDecision(), capacitySnapshot: [capacity('h-g08')] })).toEqual(['outcome.facilityId']);
      const fromTheHospital = { ...routingInputs(), from: { ...routingInputs().from, facilityId: 'h-g07' } };
      expect(decisionIssues({ ...routingDecision(), inputs: fromTheHospital })).toEqual(['outcome.facilityId']);
    });

    it("uses the resident's grid", () => {
      expect(decisionIssues({ ...routingDecision(), grid: { gridId: 'g08', neighbourGridIds: [] } })).toEqual(['grid.gridId']);
    });

    it('refuses a facility twice in the snapshot and beds occupied beyond those open', () => {
      expect(decisionIssues({ ...routingDecision(), capacitySnapshot: [capacity(), capacity()] })).toEqual(['capacitySnapshot.1.facilityId']);
      expect(decisionIssues({ ...routingDecision(), capacitySnapshot: [capacity('h-g07', 10, 11)] })).toEqual(['capacitySnapshot.0.icuBeds.occupied']);
    });

    it('refuses inputs out of range', () => {
      const inputs = { ...routingInputs(), spo2: 101, ageYears: -1, severity: 'grave', tier: 'orange' };
      expect(decisionIssues({ ...routingDecision(), inputs })).toEqual(['inputs.tier', 'inputs.severity', 'inputs.spo2', 'inputs.ageYears']);
    });
  });
});
