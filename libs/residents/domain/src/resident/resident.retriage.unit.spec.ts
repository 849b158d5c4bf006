import { fold } from '@gridcare/decider';
import { deciderSpecification } from '@gridcare/decider/testing';
import { TriageRule } from '@gridcare/residents-contracts';
import { loadTriageRuleSet, ruleSetRefOf, triage, TriageRuleSet } from '../triage';
import { residentDecider } from './resident.decider';
import { RequestRetriage, RetriageTriggerKind } from './resident-commands';
import { ResidentEvent } from './resident-events';
import { AS_OF, decideAfter, decisionId, inputs, registered, RULE_SET, sourceEventId, triaged } from './testing/resident-fixtures';

const spec = deciderSpecification(residentDecider);

const retriage = (kind: RetriageTriggerKind, more: Partial<RequestRetriage> = {}): RequestRetriage => ({
  type: 'RequestRetriage',
  trigger: { kind, sourceEventId: kind === 'manual-request' ? null : sourceEventId(1) },
  decisionId: decisionId(2),
  asOf: AS_OF,
  ruleSet: RULE_SET,
  ...more,
});

/** The default rules with one rule replaced or added, published as version 2026.2. */
function revisedRuleSet(revise: (rules: TriageRule[]) => TriageRule[]): TriageRuleSet {
  const { document } = RULE_SET;
  return loadTriageRuleSet({ ...document, version: '2026.2', rules: revise([...document.rules]) });
}
const elderlyFrom60 = revisedRuleSet((rules) =>
  rules.map((rule) => (rule.id === 'elderly' ? { ...rule, description: 'Aged 60 or above.', when: { fact: 'ageYears', op: 'gte', value: 60 } } : rule)),
);
const withBoosterRule = revisedRuleSet((rules) => [
  ...rules,
  { id: 'elderly-unboosted', tier: 'yellow', description: '65 or above with fewer than 3 doses.', when: { all: [{ fact: 'ageYears', op: 'gte', value: 65 }, { fact: 'dosesReceived', op: 'lt', value: 3 }] } },
]);

describe('RequestRetriage', () => {
  describe('from an infection episode', () => {
    it('triages on the infection the episode reports', () => {
      spec
        .given(registered())
        .when(retriage('infection-reported', { infection: { infected: true, latestSpo2: null } }))
        .then([
          triaged({
            trigger: { kind: 'infection-reported', sourceEventId: sourceEventId(1) },
            inputs: inputs({ infected: true }),
            firedRules: [{ id: 'infected', tier: 'yellow' }],
            tier: 'yellow',
          }),
        ]);
    });

    it('turns red when SpO2 falls below 93, not at 93', () => {
      const infected = [...registered(), ...decideAfter(registered(), retriage('infection-reported', { infection: { infected: true, latestSpo2: 96 } }))];
      const reading = (spo2: number, n: number) => retriage('spo2-reading', { trigger: { kind: 'spo2-reading', sourceEventId: sourceEventId(n) }, infection: { infected: true, latestSpo2: spo2 } });
      expect(decideAfter(infected, reading(93, 2))[0].data).toMatchObject({ tier: 'yellow', previousTier: 'yellow' });
      expect(decideAfter(infected, reading(92, 3))[0].data).toMatchObject({
        tier: 'red',
        firedRules: [
          { id: 'infected-low-spo2', tier: 'red' },
          { id: 'infected', tier: 'yellow' },
        ],
      });
    });

    it('keeps the infection the last decision saw for later triages', () => {
      const history = [...registered(), ...decideAfter(registered(), retriage('spo2-reading', { infection: { infected: true, latestSpo2: 91 } }))];
      const [decision] = decideAfter(history, retriage('manual-request'));
      expect(decision.data).toMatchObject({ inputs: { infected: true, latestSpo2: 91 }, tier: 'red', previousTier: 'red' });
    });
  });

  it('always decides on a manual request, even when nothing changed', () => {
    spec.given(registered()).when(retriage('manual-request')).then([triaged({ firedRules: [], tier: 'green' })]);
  });

  it('does nothing for a source event already acted on', () => {
    const history = [...registered(), ...decideAfter(registered(), retriage('follow-up-outcome'))];
    spec.given(history).when(retriage('follow-up-outcome')).then([]);
  });

  describe('when a rule set is published', () => {
    const aged62 = registered({ birthDate: '1963-06-15' });
    const aged40 = registered();

    it('decides for a resident the new rules affect', () => {
      spec
        .given(aged62)
        .when(retriage('rule-set-published', { ruleSet: elderlyFrom60 }))
        .then([
          triaged({
            trigger: { kind: 'rule-set-published', sourceEventId: sourceEventId(1) },
            inputs: inputs({ ageYears: 62 }),
            ruleSet: ruleSetRefOf(elderlyFrom60),
            firedRules: [{ id: 'elderly', tier: 'yellow' }],
            tier: 'yellow',
            previousTier: 'green',
          }),
        ]);
    });

    it('and for one whose tier stays but whose explanation changes', () => {
      const [decision] = decideAfter(registered({ birthDate: '1950-03-01' }), retriage('rule-set-published', { ruleSet: withBoosterRule }));
      expect(decision.data).toMatchObject({
        tier: 'yellow',
        previousTier: 'yellow',
        firedRules: [
          { id: 'elderly', tier: 'yellow' },
          { id: 'elderly-unboosted', tier: 'yellow' },
        ],
      });
    });

    it('writes nothing for a resident it does not affect', () => {
      spec.given(aged40).when(retriage('rule-set-published', { ruleSet: elderlyFrom60 })).then([]);
      spec.given(aged62).when(retriage('rule-set-published', { ruleSet: RULE_SET })).then([]);
    });
  });

  describe('refuses', () => {
    it('a resident not registered', () => {
      spec.given([]).when(retriage('manual-request')).thenThrows({ code: 'RESIDENT_NOT_REGISTERED' });
    });

    it('a trigger that has its own command', () => {
      spec
        .given(registered())
        .when(retriage('registration' as RetriageTriggerKind))
        .thenThrows({ code: 'INVALID_TRIGGER' });
    });

    it('new facts with a rule-set re-triage, which may write nothing', () => {
      spec
        .given(registered())
        .when(retriage('rule-set-published', { infection: { infected: true, latestSpo2: null } }))
        .thenThrows({ code: 'INVALID_TRIGGER' });
    });

    it('a date before the resident was born', () => {
      spec.given(registered()).when(retriage('manual-request', { asOf: '1985-06-14' })).thenThrows({ code: 'AS_OF_BEFORE_BIRTH_DATE' });
    });
  });

  it('records decisions an auditor can re-run: the rule set on the recorded inputs gives the recorded outcome', () => {
    const history: ResidentEvent[] = [
      ...registered({ birthDate: '1955-02-28', livingAlone: true, conditions: [{ code: 'diabetes', controlled: false }] }),
    ];
    history.push(...residentDecider.decide(retriage('infection-reported', { infection: { infected: true, latestSpo2: 94 } }), fold(residentDecider, history)));
    for (const event of history) {
      if (event.type !== 'ResidentTriaged') continue;
      const { tier, firedRules } = triage(event.data.inputs, RULE_SET.document);
      expect({ tier, firedRules }).toEqual({ tier: event.data.tier, firedRules: event.data.firedRules });
      expect(event.data.ruleSet.hash).toBe(RULE_SET.hash);
    }
  });
});
