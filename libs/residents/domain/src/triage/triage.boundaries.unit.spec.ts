import { defaultTriageRuleSet } from './default-triage-rule-set';
import { inputs } from './testing/triage-fixtures';
import { triage } from './triage';

const rules = defaultTriageRuleSet().document;
const run = (overrides: Parameters<typeof inputs>[0]) => triage(inputs(overrides), rules);

describe('triage boundaries', () => {
  it('elderly at 65, not 64', () => {
    expect(run({ ageYears: 64 }).tier).toBe('green');
    expect(run({ ageYears: 65 }).tier).toBe('yellow');
    const copd = [{ code: 'copd', controlled: true }];
    expect(run({ ageYears: 64, conditions: copd }).tier).toBe('yellow');
    expect(run({ ageYears: 65, conditions: copd }).tier).toBe('red');
  });

  it('living alone counts from 60, not 59', () => {
    expect(run({ livingAlone: true, ageYears: 59 }).tier).toBe('green');
    expect(run({ livingAlone: true, ageYears: 60 }).tier).toBe('yellow');
    expect(run({ livingAlone: false, ageYears: 60 }).tier).toBe('green');
  });

  it('a young child is under 3: 2 is, 3 is not', () => {
    expect(run({ ageYears: 2 }).tier).toBe('yellow');
    expect(run({ ageYears: 3 }).tier).toBe('green');
    expect(run({ ageYears: 0 }).tier).toBe('yellow');
  });

  it('SpO2: red below 93, not at 93, and no reading is not a low reading', () => {
    expect(run({ infected: true, latestSpo2: 92 }).tier).toBe('red');
    expect(run({ infected: true, latestSpo2: 92.9 }).tier).toBe('red');
    expect(run({ infected: true, latestSpo2: 93 }).tier).toBe('yellow');
    expect(run({ infected: true, latestSpo2: null }).tier).toBe('yellow');
    // A low reading without a reported infection is followed up, not triaged red by this rule set.
    expect(run({ infected: false, latestSpo2: 88 }).tier).toBe('green');
  });

  it('a condition that is not serious counts only when uncontrolled', () => {
    expect(run({ conditions: [{ code: 'hypertension', controlled: true }] }).tier).toBe('green');
    expect(run({ conditions: [{ code: 'hypertension', controlled: false }] }).tier).toBe('yellow');
    expect(run({ ageYears: 70, conditions: [{ code: 'hypertension', controlled: true }] }).tier).toBe('yellow');
    expect(run({ ageYears: 70, conditions: [{ code: 'hypertension', controlled: false }] }).tier).toBe('red');
  });

  it('a serious condition counts whether controlled or not', () => {
    expect(run({ conditions: [{ code: 'copd', controlled: true }] }).tier).toBe('yellow');
    expect(run({ conditions: [{ code: 'copd', controlled: false }] }).tier).toBe('yellow');
    expect(run({ ageYears: 70, conditions: [{ code: 'copd', controlled: true }] }).tier).toBe('red');
    expect(run({ infected: true, conditions: [{ code: 'copd', controlled: true }] }).tier).toBe('red');
  });
});
