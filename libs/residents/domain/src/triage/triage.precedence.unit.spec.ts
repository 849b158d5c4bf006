import { TriageRuleSetDocument } from '@gridcare/residents-contracts';
import { defaultTriageRuleSet } from './default-triage-rule-set';
import { inputs } from './testing/triage-fixtures';
import { highestTier } from './tier-precedence';
import { triage } from './triage';

describe('tier precedence', () => {
  it('red > yellow > green, green for none', () => {
    expect(highestTier([])).toBe('green');
    expect(highestTier(['yellow', 'green'])).toBe('yellow');
    expect(highestTier(['yellow', 'red', 'yellow'])).toBe('red');
  });

  it('the tier is the highest fired, and fired rules keep rule-set order whatever their tier', () => {
    const yellowFirst: TriageRuleSetDocument = {
      ...defaultTriageRuleSet().document,
      rules: [
        { id: 'pregnant', tier: 'yellow', description: 'pregnant', when: { fact: 'pregnant', op: 'eq', value: true } },
        { id: 'pregnant-and-infected', tier: 'red', description: 'both', when: { all: [{ fact: 'pregnant', op: 'eq', value: true }, { fact: 'infected', op: 'eq', value: true }] } },
        { id: 'infected', tier: 'yellow', description: 'infected', when: { fact: 'infected', op: 'eq', value: true } },
      ],
    };
    expect(triage(inputs({ pregnant: true, infected: true }), yellowFirst)).toEqual({
      tier: 'red',
      firedRules: [
        { id: 'pregnant', tier: 'yellow' },
        { id: 'pregnant-and-infected', tier: 'red' },
        { id: 'infected', tier: 'yellow' },
      ],
    });
  });

  it('gives the same decision every time for the same inputs and rule set', () => {
    const seen = inputs({ ageYears: 81, livingAlone: true, infected: true, latestSpo2: 91, conditions: [{ code: 'stroke', controlled: false }] });
    const rules = defaultTriageRuleSet().document;
    expect(triage(structuredClone(seen), structuredClone(rules))).toEqual(triage(seen, rules));
  });
});
