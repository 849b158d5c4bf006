import { ruleSetHash } from '@gridcare/rule-language';
import routingPolicy from '../routing/rules/routing-policy.2026-1.json';
import shipped from './rules/referral-policy.2026-1.json';
import { defaultReferralPolicy, loadReferralPolicy, referralPolicyRefOf } from './referral-policy';

describe('the referral policy document', () => {
  it('ships 2026.1, validated, hashed and frozen', () => {
    const policy = defaultReferralPolicy();
    expect(referralPolicyRefOf(policy)).toEqual({ id: 'referral-policy', version: '2026.1', hash: ruleSetHash(shipped) });
    expect(Object.isFrozen(policy.document.triggers['low-spo2'])).toBe(true);
    expect(defaultReferralPolicy()).toBe(policy);
  });

  it("opens on SpO2 below the threshold routing's severe-to-emergency-department rule uses", () => {
    const severe = routingPolicy.rules.find((rule) => rule.id === 'severe-to-emergency-department');
    expect(JSON.stringify(severe?.when)).toContain(`{"fact":"spo2","op":"lt","value":${defaultReferralPolicy().document.triggers['low-spo2'].spo2Below}}`);
  });

  it('refuses an invalid document, naming where', () => {
    expect(() => loadReferralPolicy({ ...shipped, triggers: { ...shipped.triggers, 'low-spo2': { ...shipped.triggers['low-spo2'], severity: 'grave' } } })).toThrow(
      /triggers\["low-spo2"\]\.severity/,
    );
    const { 'referral-assistance': _missing, ...twoTriggers } = shipped.triggers;
    expect(() => loadReferralPolicy({ ...shipped, triggers: twoTriggers })).toThrow(/referral-assistance/);
  });
});
