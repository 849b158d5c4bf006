import { AntiviralEligibilityAssessedData, AntiviralEligibilityInputs } from '@gridcare/residents-contracts';
import { CaseHistory, reportInfection } from '../care/testing-care';
import { registered } from '../resident/testing/resident-fixtures';
import { defaultAntiviralRuleSet, loadAntiviralRuleSet } from './antiviral-rule-set';
import { assessAntiviralEligibility } from './assess-antiviral-eligibility';
import { derivedDecisionId } from './derived-decision-id';

const RULES = defaultAntiviralRuleSet();

const inputs = (overrides: Partial<AntiviralEligibilityInputs> = {}): AntiviralEligibilityInputs => ({
  ageYears: 40,
  sex: 'female',
  pregnant: false,
  lowImmunity: false,
  conditions: [],
  onsetOn: '2026-01-05',
  daysSinceOnset: 1,
  latestSpo2: null,
  ...overrides,
});

const assessed = (history: CaseHistory) =>
  history.events.filter((event) => event.type === 'AntiviralEligibilityAssessed').map((event) => event.data as AntiviralEligibilityAssessedData);

describe('antiviral eligibility', () => {
  describe('the shipped rule set', () => {
    it.each([
      ['aged 65 and over', inputs({ ageYears: 65 }), ['aged-65-and-over']],
      ['a serious underlying disease, even controlled', inputs({ conditions: [{ code: 'copd', controlled: true }] }), ['serious-underlying-disease']],
      ['an uncontrolled underlying disease', inputs({ conditions: [{ code: 'hypertension', controlled: false }] }), ['uncontrolled-underlying-disease']],
      ['low immunity', inputs({ lowImmunity: true }), ['low-immunity']],
    ])('finds a key group: %s', (_, seen, ids) => {
      expect(assessAntiviralEligibility(seen, RULES.document)).toEqual({ outcome: 'eligible', firedRules: ids.map((id) => ({ id, finding: 'key-group' })) });
    });

    it('is not eligible outside the key groups', () => {
      expect(assessAntiviralEligibility(inputs({ ageYears: 64, conditions: [{ code: 'hypertension', controlled: true }] }), RULES.document)).toEqual({ outcome: 'not-eligible', firedRules: [] });
    });

    it('excludes past the early window (day 5 still in, day 6 out), under 18 and pregnancy, naming every rule that fired', () => {
      expect(assessAntiviralEligibility(inputs({ ageYears: 70, daysSinceOnset: 5 }), RULES.document).outcome).toBe('eligible');
      expect(assessAntiviralEligibility(inputs({ ageYears: 70, daysSinceOnset: 6 }), RULES.document)).toEqual({
        outcome: 'not-eligible',
        firedRules: [
          { id: 'aged-65-and-over', finding: 'key-group' },
          { id: 'past-early-window', finding: 'exclusion' },
        ],
      });
      expect(assessAntiviralEligibility(inputs({ ageYears: 12, lowImmunity: true }), RULES.document).outcome).toBe('not-eligible');
      expect(assessAntiviralEligibility(inputs({ pregnant: true, lowImmunity: true }), RULES.document).firedRules).toContainEqual({ id: 'pregnant', finding: 'exclusion' });
    });

    it('is versioned and hashed, and refuses a rule over a fact it does not know, with its path', () => {
      expect(RULES.document).toMatchObject({ id: 'antiviral-eligibility', version: '2026.1' });
      expect(RULES.hash).toMatch(/^[0-9a-f]{64}$/);
      const changed = { ...RULES.document, version: '2026.2', rules: [...RULES.document.rules.slice(1)] };
      expect(loadAntiviralRuleSet(changed).hash).not.toBe(RULES.hash);
      const broken = { ...RULES.document, rules: [{ id: 'vaccinated', finding: 'exclusion', description: 'x', when: { fact: 'dosesReceived', op: 'gte', value: 3 } }] };
      expect(() => loadAntiviralRuleSet(broken)).toThrow(/rules\[0\]\.when\.fact/);
    });
  });

  describe('in the resident case', () => {
    it('assesses when an infection is reported, recording the inputs as seen, the rule set, the fired rules and the outcome', () => {
      const history = new CaseHistory(registered({ birthDate: '1950-03-01' }));
      history.on('2026-01-06', reportInfection('2026-01-04'));
      const [decision] = assessed(history);
      expect(decision).toEqual({
        residentId: history.state.residentId,
        episodeId: history.state.episode?.episodeId,
        decisionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        trigger: { kind: 'infection-reported', sourceEventId: null },
        asOf: '2026-01-06',
        inputs: inputs({ ageYears: 75, onsetOn: '2026-01-04', daysSinceOnset: 2 }),
        ruleSet: { id: 'antiviral-eligibility', version: '2026.1', hash: RULES.hash },
        firedRules: [{ id: 'aged-65-and-over', finding: 'key-group' }],
        outcome: 'eligible',
      });
      expect(history.state.episode?.antiviralEligibility).toBe('eligible');
      // Re-running the recorded decision gives the recorded outcome: what the audit relies on.
      expect(assessAntiviralEligibility(decision.inputs, RULES.document)).toEqual({ outcome: decision.outcome, firedRules: decision.firedRules });
    });

    it('gives the eligibility decision its own id, derived from the command: re-deciding gives the same one', () => {
      const triageId = 'd0000000-0000-4000-8000-000000000010';
      expect(derivedDecisionId(triageId, 'antiviral-eligibility')).toBe(derivedDecisionId(triageId, 'antiviral-eligibility'));
      expect(derivedDecisionId(triageId, 'antiviral-eligibility')).not.toBe(triageId);
      expect(derivedDecisionId(triageId, 'antiviral-eligibility')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('assesses again when a doctor asks, with the days since onset of that day; refuses without an open episode', () => {
      const history = new CaseHistory(registered({ birthDate: '1950-03-01' }));
      expect(() => history.on('2026-01-05', { type: 'AssessAntiviralEligibility' })).toThrow(expect.objectContaining({ code: 'NO_OPEN_EPISODE' }));
      history.on('2026-01-05', reportInfection('2026-01-04'));
      history.on('2026-01-11', { type: 'AssessAntiviralEligibility' });
      const [, again] = assessed(history);
      expect(again).toMatchObject({ trigger: { kind: 'manual-request' }, inputs: { daysSinceOnset: 7 }, outcome: 'not-eligible' });
      expect(history.state.episode?.antiviralEligibility).toBe('not-eligible');
    });
  });
});
