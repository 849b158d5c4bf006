import { z } from 'zod';
import { RuleCondition, ruleConditionSchema } from './rule-condition';

const FACT_KINDS = { ageYears: 'number', infected: 'boolean', severity: ['mild', 'severe', 'critical'] } as const;
type Fact = keyof typeof FACT_KINDS;
const Condition = ruleConditionSchema(FACT_KINDS);

/** The dot paths the schema names, or [] when the condition is accepted. */
function issuesOf(condition: unknown): string[] {
  const result = Condition.safeParse(condition);
  return result.success ? [] : result.error.issues.map((issue) => z.core.toDotPath(issue.path));
}

describe('ruleConditionSchema', () => {
  it('accepts every form over the given facts', () => {
    const condition: RuleCondition<Fact> = {
      all: [
        { fact: 'ageYears', op: 'gte', value: 65 },
        { any: [{ fact: 'infected', op: 'eq', value: true }, { fact: 'severity', op: 'eq', value: 'critical' }] },
        { not: { fact: 'ageYears', op: 'lt', value: 3 } },
      ],
    };
    expect(issuesOf(condition)).toEqual([]);
    expect(Condition.parse(condition)).toEqual(condition);
  });

  it('refuses an unknown fact or operator, naming where', () => {
    expect(issuesOf({ all: [{ fact: 'infectd', op: 'eq', value: true }, { not: { fact: 'ageYears', op: 'under', value: 65 } }] })).toEqual([
      'all[0].fact',
      'all[1].not.op',
    ]);
  });

  it('refuses what is not a condition, and an empty all or any', () => {
    expect(issuesOf({ when: [] })).toEqual(['']);
    expect(issuesOf([{ fact: 'ageYears', op: 'eq', value: 1 }])).toEqual(['']);
    expect(issuesOf({ all: [] })).toEqual(['all']);
    expect(issuesOf({ any: [] })).toEqual(['any']);
    expect(issuesOf({ fact: 'ageYears', op: 'eq', value: 1, note: 'x' })).toEqual(['']);
  });

  it('compares a number fact with a number', () => {
    expect(issuesOf({ fact: 'ageYears', op: 'gte', value: '65' })).toEqual(['value']);
    expect(issuesOf({ fact: 'ageYears', op: 'eq', value: true })).toEqual(['value']);
  });

  it('compares a yes/no fact only for equality with true or false', () => {
    expect(issuesOf({ fact: 'infected', op: 'gte', value: true })).toEqual(['op']);
    expect(issuesOf({ fact: 'infected', op: 'eq', value: 1 })).toEqual(['value']);
  });

  it('compares a named-value fact only for equality with one of its values', () => {
    expect(issuesOf({ fact: 'severity', op: 'eq', value: 'severe' })).toEqual([]);
    expect(issuesOf({ fact: 'severity', op: 'gt', value: 'mild' })).toEqual(['op']);
    expect(issuesOf({ fact: 'severity', op: 'eq', value: 'Severe' })).toEqual(['value']);
    expect(Condition.safeParse({ fact: 'severity', op: 'eq', value: 'moderate' }).error?.issues[0].message).toBe('severity is one of mild, severe, critical');
  });
});
