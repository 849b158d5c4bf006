import { TriageCondition } from '@gridcare/residents-contracts';
import { evaluateCondition } from '@gridcare/rule-language';
import { inputs } from './testing/triage-fixtures';
import { triageFacts } from './triage-facts';
import { defaultTriageRuleSet } from './default-triage-rule-set';

const facts = triageFacts(inputs({ ageYears: 70, infected: true, latestSpo2: null }), defaultTriageRuleSet().document);
const holds = (condition: TriageCondition) => evaluateCondition(condition, facts);

describe('evaluateCondition', () => {
  it('compares with each operator', () => {
    expect(holds({ fact: 'ageYears', op: 'eq', value: 70 })).toBe(true);
    expect(holds({ fact: 'ageYears', op: 'gte', value: 70 })).toBe(true);
    expect(holds({ fact: 'ageYears', op: 'gt', value: 70 })).toBe(false);
    expect(holds({ fact: 'ageYears', op: 'lte', value: 70 })).toBe(true);
    expect(holds({ fact: 'ageYears', op: 'lt', value: 70 })).toBe(false);
    expect(holds({ fact: 'infected', op: 'eq', value: true })).toBe(true);
  });

  it('combines with all, any and not', () => {
    const old = { fact: 'ageYears', op: 'gte', value: 65 } as const;
    const pregnant = { fact: 'pregnant', op: 'eq', value: true } as const;
    expect(holds({ all: [old, pregnant] })).toBe(false);
    expect(holds({ any: [old, pregnant] })).toBe(true);
    expect(holds({ not: pregnant })).toBe(true);
    expect(holds({ all: [old, { not: pregnant }] })).toBe(true);
  });

  it('a comparison with a fact that has no value is false, so its negation is true', () => {
    expect(holds({ fact: 'latestSpo2', op: 'lt', value: 93 })).toBe(false);
    expect(holds({ fact: 'latestSpo2', op: 'gte', value: 93 })).toBe(false);
    expect(holds({ not: { fact: 'latestSpo2', op: 'lt', value: 93 } })).toBe(true);
  });

  it('derives serious and uncontrolled conditions from the rule set list', () => {
    const rules = defaultTriageRuleSet().document;
    expect(triageFacts(inputs({ conditions: [{ code: 'liver-cirrhosis', controlled: true }] }), rules)).toMatchObject({ hasSeriousCondition: true, hasUncontrolledCondition: false });
    expect(triageFacts(inputs({ conditions: [{ code: 'asthma', controlled: false }] }), rules)).toMatchObject({ hasSeriousCondition: false, hasUncontrolledCondition: true });
    expect(triageFacts(inputs({ conditions: [{ code: 'asthma', controlled: true }] }), { ...rules, seriousConditions: ['asthma'] })).toMatchObject({ hasSeriousCondition: true });
  });
});
