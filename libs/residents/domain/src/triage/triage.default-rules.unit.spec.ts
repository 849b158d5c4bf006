import { TriageInputs } from '@gridcare/residents-contracts';
import { defaultTriageRuleSet } from './default-triage-rule-set';
import { inputs } from './testing/triage-fixtures';
import { triage } from './triage';

const rules = defaultTriageRuleSet().document;
const run = (overrides: Partial<TriageInputs>) => triage(inputs(overrides), rules);
const firedIds = (overrides: Partial<TriageInputs>) => run(overrides).firedRules.map((rule) => rule.id);

describe('the default rule set (2026.1)', () => {
  it('is version 2026.1 with the rules docs/triage-rules.md explains, red before yellow', () => {
    expect(rules.version).toBe('2026.1');
    expect(rules.rules.map((rule) => `${rule.tier} ${rule.id}`)).toEqual([
      'red elderly-with-underlying-disease',
      'red infected-low-spo2',
      'red infected-high-risk',
      'yellow elderly',
      'yellow underlying-disease',
      'yellow low-immunity',
      'yellow pregnant',
      'yellow young-child',
      'yellow elderly-living-alone',
      'yellow infected',
    ]);
    expect(rules.overrideRoles).toEqual(['family_doctor', 'administrator']);
  });

  it('green: nothing fired', () => {
    expect(run({})).toEqual({ tier: 'green', firedRules: [] });
  });

  describe('each yellow rule fires on its own', () => {
    it.each<[string, Partial<TriageInputs>]>([
      ['elderly', { ageYears: 65 }],
      ['underlying-disease', { conditions: [{ code: 'heart-failure', controlled: true }] }],
      ['underlying-disease', { conditions: [{ code: 'hypertension', controlled: false }] }],
      ['low-immunity', { lowImmunity: true }],
      ['pregnant', { pregnant: true }],
      ['young-child', { ageYears: 2 }],
      ['elderly-living-alone', { livingAlone: true, ageYears: 60 }],
      ['infected', { infected: true }],
    ])('%s', (id, overrides) => {
      expect(run(overrides)).toEqual({ tier: 'yellow', firedRules: [{ id, tier: 'yellow' }] });
    });
  });

  describe('each red rule fires, with the yellow rules its facts also meet', () => {
    it('elderly-with-underlying-disease: 65+ and a serious disease', () => {
      expect(run({ ageYears: 70, conditions: [{ code: 'stroke', controlled: true }] })).toEqual({
        tier: 'red',
        firedRules: [
          { id: 'elderly-with-underlying-disease', tier: 'red' },
          { id: 'elderly', tier: 'yellow' },
          { id: 'underlying-disease', tier: 'yellow' },
        ],
      });
    });

    it('elderly-with-underlying-disease: 65+ and any uncontrolled disease', () => {
      expect(firedIds({ ageYears: 70, conditions: [{ code: 'diabetes', controlled: false }] })).toEqual(['elderly-with-underlying-disease', 'elderly', 'underlying-disease']);
    });

    it('infected-low-spo2: infected with SpO2 below 93, whoever they are', () => {
      expect(run({ infected: true, latestSpo2: 90 })).toEqual({
        tier: 'red',
        firedRules: [
          { id: 'infected-low-spo2', tier: 'red' },
          { id: 'infected', tier: 'yellow' },
        ],
      });
    });

    it.each<[string, Partial<TriageInputs>, string[]]>([
      ['65+', { ageYears: 65 }, ['infected-high-risk', 'elderly', 'infected']],
      ['a serious disease', { conditions: [{ code: 'chronic-kidney-disease', controlled: true }] }, ['infected-high-risk', 'underlying-disease', 'infected']],
      ['low immunity', { lowImmunity: true }, ['infected-high-risk', 'low-immunity', 'infected']],
      ['pregnant', { pregnant: true }, ['infected-high-risk', 'pregnant', 'infected']],
    ])('infected-high-risk: infected and %s', (_label, overrides, expected) => {
      expect(run({ infected: true, ...overrides }).tier).toBe('red');
      expect(firedIds({ infected: true, ...overrides })).toEqual(expected);
    });

    it('infected-high-risk does not fire for an uncontrolled disease that is not serious, nor for a young child', () => {
      expect(run({ infected: true, conditions: [{ code: 'asthma', controlled: false }] }).tier).toBe('yellow');
      expect(run({ infected: true, ageYears: 1 }).tier).toBe('yellow');
    });
  });

  it('does not use vaccination: doses are recorded as an input for rules to come', () => {
    expect(run({ dosesReceived: 0 })).toEqual(run({ dosesReceived: 4 }));
  });
});
