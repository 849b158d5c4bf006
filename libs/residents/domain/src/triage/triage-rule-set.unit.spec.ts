import { DomainError } from '@gridcare/decider';
import { defaultTriageRuleSet } from './default-triage-rule-set';
import { loadTriageRuleSet, ruleSetRefOf } from './triage-rule-set';

const valid = () => structuredClone(defaultTriageRuleSet().document) as Record<string, unknown> & { rules: Record<string, unknown>[] };

/** The paths loadTriageRuleSet names for a document, or [] when it loads. */
function problemsOf(document: unknown): string[] {
  try {
    loadTriageRuleSet(document);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('INVALID_RULE_SET');
    return ((error as DomainError).details.issues as { path: string }[]).map((issue) => issue.path);
  }
}

describe('loadTriageRuleSet', () => {
  it('loads the shipped rule set, with its hash', () => {
    const ruleSet = loadTriageRuleSet(valid());
    expect(ruleSet.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(ruleSetRefOf(ruleSet)).toEqual({ id: 'triage', version: '2026.1', hash: defaultTriageRuleSet().hash });
  });

  it('ships a rule set no one can change under the decisions that use it', () => {
    expect(Object.isFrozen(defaultTriageRuleSet().document.rules[0].when)).toBe(true);
    expect(defaultTriageRuleSet()).toBe(defaultTriageRuleSet());
  });

  describe('refuses, naming the path', () => {
    it('an unknown fact', () => {
      const document = valid();
      document.rules[1].when = { all: [{ fact: 'infected', op: 'eq', value: true }, { fact: 'spo2', op: 'lt', value: 93 }] };
      expect(problemsOf(document)).toEqual(['rules[1].when.all[1].fact']);
    });

    it('an unknown operator', () => {
      const document = valid();
      document.rules[3].when = { fact: 'ageYears', op: 'ge', value: 65 };
      expect(problemsOf(document)).toEqual(['rules[3].when.op']);
    });

    it('a yes/no fact ordered, or compared with a number; a number fact compared with true', () => {
      const document = valid();
      document.rules[5].when = { fact: 'lowImmunity', op: 'gte', value: 1 };
      document.rules[7].when = { fact: 'ageYears', op: 'lt', value: true };
      expect(problemsOf(document)).toEqual(['rules[5].when.op', 'rules[5].when.value', 'rules[7].when.value']);
    });

    it('something that is no condition, or two forms in one', () => {
      const document = valid();
      document.rules[0].when = { every: [] };
      document.rules[2].when = { not: { fact: 'pregnant', op: 'eq', value: true }, fact: 'infected' };
      document.rules[4].when = { any: [] };
      expect(problemsOf(document)).toEqual(['rules[0].when', 'rules[2].when', 'rules[4].when.any']);
    });

    it('an unknown tier, a missing description', () => {
      const document = valid();
      document.rules[0].tier = 'orange';
      delete document.rules[6].description;
      expect(problemsOf(document)).toEqual(['rules[0].tier', 'rules[6].description']);
    });

    it('two rules with one id: an explanation must name one rule', () => {
      const document = valid();
      document.rules[4].id = 'elderly';
      expect(problemsOf(document)).toEqual(['rules[4].id']);
    });

    it('an unknown key, a bad date and no rules at all', () => {
      expect(problemsOf({ ...valid(), author: 'x' })).toEqual(['']);
      expect(problemsOf({ ...valid(), effectiveFrom: '2026-02-30' })).toEqual(['effectiveFrom']);
      expect(problemsOf({ ...valid(), rules: [] })).toEqual(['rules']);
      expect(problemsOf({ ...valid(), seriousConditions: ['copd', 'copd'] })).toEqual(['seriousConditions[1]']);
    });
  });

  it('puts the paths in the message, so a log line alone explains it', () => {
    const document = valid();
    document.rules[1].when = { fact: 'spo2', op: 'lt', value: 93 };
    expect(() => loadTriageRuleSet(document)).toThrow(/rules\[1\]\.when\.fact/);
  });
});
