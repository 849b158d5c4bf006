import { fold } from '@gridcare/decider';
import { deciderSpecification } from '@gridcare/decider/testing';
import { loadTriageRuleSet } from '../triage';
import { residentDecider } from './resident.decider';
import { OverrideTier } from './resident-commands';
import { AS_OF, decideAfter, decisionId, registered, RESIDENT_ID, RULE_SET, RULE_SET_REF } from './testing/resident-fixtures';

const spec = deciderSpecification(residentDecider);

const override = (more: Partial<OverrideTier> = {}): OverrideTier => ({
  type: 'OverrideTier',
  tier: 'red',
  reason: 'lives on the sixth floor with no lift; cannot reach the clinic',
  actorRole: 'family_doctor',
  decisionId: decisionId(2),
  ruleSet: RULE_SET,
  ...more,
});

describe('OverrideTier', () => {
  it('records the override as a decision: tier, previous tier, reason and the decision it overrides', () => {
    spec
      .given(registered())
      .when(override())
      .then([
        {
          type: 'ResidentTierOverridden',
          data: {
            residentId: RESIDENT_ID,
            decisionId: decisionId(2),
            tier: 'red',
            previousTier: 'green',
            reason: 'lives on the sixth floor with no lift; cannot reach the clinic',
            overridesDecisionId: decisionId(1),
            ruleSet: RULE_SET_REF,
          },
        },
      ]);
  });

  it('is allowed to the roles the rule set names', () => {
    expect(decideAfter(registered(), override({ actorRole: 'administrator' }))).toHaveLength(1);
    const stricter = loadTriageRuleSet({ ...RULE_SET.document, version: '2026.2', overrideRoles: ['administrator'] });
    spec.given(registered()).when(override({ ruleSet: stricter })).thenThrows({ code: 'OVERRIDE_NOT_PERMITTED' });
  });

  it('holds the tier until the next automatic decision, which replaces it', () => {
    const overridden = [...registered(), ...decideAfter(registered(), override())];
    expect(fold(residentDecider, overridden)).toMatchObject({ tier: 'red', tierOverridden: true, lastDecisionId: decisionId(2) });

    const manual = { type: 'RequestRetriage', trigger: { kind: 'manual-request', sourceEventId: null }, decisionId: decisionId(3), asOf: AS_OF, ruleSet: RULE_SET } as const;
    const [decision] = decideAfter(overridden, manual);
    expect(decision.data).toMatchObject({ tier: 'green', previousTier: 'red' });
    expect(fold(residentDecider, [...overridden, decision])).toMatchObject({ tier: 'green', tierOverridden: false, lastDecisionId: decisionId(3) });
  });

  it('survives a rule set that does not change the resident`s automatic outcome', () => {
    const overridden = [...registered(), ...decideAfter(registered(), override())];
    const republished = loadTriageRuleSet({ ...RULE_SET.document, version: '2026.2', description: 'reworded' });
    spec
      .given(overridden)
      .when({ type: 'RequestRetriage', trigger: { kind: 'rule-set-published', sourceEventId: null }, decisionId: decisionId(3), asOf: AS_OF, ruleSet: republished })
      .then([]);
  });

  it('overrides an override, citing it', () => {
    const overridden = [...registered(), ...decideAfter(registered(), override())];
    const [event] = decideAfter(overridden, override({ tier: 'yellow', decisionId: decisionId(3) }));
    expect(event.data).toMatchObject({ tier: 'yellow', previousTier: 'red', overridesDecisionId: decisionId(2) });
  });

  describe('refuses', () => {
    it('a role the rule set does not allow', () => {
      spec
        .given(registered())
        .when(override({ actorRole: 'community_worker' }))
        .thenThrows({ code: 'OVERRIDE_NOT_PERMITTED', details: { actorRole: 'community_worker', overrideRoles: ['family_doctor', 'administrator'] } });
    });

    it('an override without a reason', () => {
      spec.given(registered()).when(override({ reason: ' ' })).thenThrows({ code: 'REASON_REQUIRED' });
    });

    it('the tier the resident already has', () => {
      spec.given(registered()).when(override({ tier: 'green' })).thenThrows({ code: 'TIER_UNCHANGED' });
    });

    it('a resident not registered', () => {
      spec.given([]).when(override()).thenThrows({ code: 'RESIDENT_NOT_REGISTERED' });
    });
  });
});
