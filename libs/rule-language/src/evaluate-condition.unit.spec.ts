import { evaluateCondition, RuleFacts } from './evaluate-condition';
import { RuleCondition } from './rule-condition';

type Fact = 'ageYears' | 'pregnant' | 'latestSpo2' | 'severity';
const facts: RuleFacts<Fact> = { ageYears: 70, pregnant: false, latestSpo2: null, severity: 'severe' };
const holds = (condition: RuleCondition<Fact>) => evaluateCondition(condition, facts);

describe('evaluateCondition', () => {
  it('compares with each operator', () => {
    expect(holds({ fact: 'ageYears', op: 'eq', value: 70 })).toBe(true);
    expect(holds({ fact: 'ageYears', op: 'gte', value: 70 })).toBe(true);
    expect(holds({ fact: 'ageYears', op: 'gt', value: 70 })).toBe(false);
    expect(holds({ fact: 'ageYears', op: 'lte', value: 70 })).toBe(true);
    expect(holds({ fact: 'ageYears', op: 'lt', value: 70 })).toBe(false);
    expect(holds({ fact: 'pregnant', op: 'eq', value: false })).toBe(true);
  });

  it('compares named values for equality', () => {
    expect(holds({ fact: 'severity', op: 'eq', value: 'severe' })).toBe(true);
    expect(holds({ fact: 'severity', op: 'eq', value: 'critical' })).toBe(false);
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

  it('fails closed when a value that is not a number is ordered', () => {
    expect(holds({ fact: 'severity', op: 'gt', value: 'mild' })).toBe(false);
    expect(holds({ fact: 'pregnant', op: 'lt', value: 1 })).toBe(false);
  });
});
