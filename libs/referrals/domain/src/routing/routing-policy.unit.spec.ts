import { ruleSetHash } from '@gridcare/rule-language';
import shipped from './rules/routing-policy.2026-1.json';
import { defaultRoutingPolicy } from './default-routing-policy';
import { loadRoutingPolicy, routingPolicyRefOf } from './routing-policy';

describe('routing policy document', () => {
  it('ships 2026.1, validated, hashed and frozen', () => {
    const policy = defaultRoutingPolicy();
    expect(routingPolicyRefOf(policy)).toEqual({ id: 'routing', version: '2026.1', hash: ruleSetHash(shipped) });
    expect(Object.isFrozen(policy.document.rules[0].target)).toBe(true);
    expect(defaultRoutingPolicy()).toBe(policy);
  });

  it('refuses an invalid document, naming where', () => {
    const broken = { ...shipped, rules: [{ ...shipped.rules[0], when: { fact: 'severity', op: 'eq', value: 'grave' } }] };
    expect(() => loadRoutingPolicy(broken)).toThrow(expect.objectContaining({ code: 'INVALID_ROUTING_POLICY', details: { issues: [{ path: 'rules[0].when.value', message: expect.any(String) }] } }));
  });

  it('hashes the content, not the layout', () => {
    expect(loadRoutingPolicy(JSON.parse(JSON.stringify(shipped, null, 8))).hash).toBe(defaultRoutingPolicy().hash);
    expect(loadRoutingPolicy({ ...shipped, version: '2026.2' }).hash).not.toBe(defaultRoutingPolicy().hash);
  });
});
