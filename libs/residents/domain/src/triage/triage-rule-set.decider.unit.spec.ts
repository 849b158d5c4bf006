import { deciderSpecification } from '@gridcare/decider/testing';
import { defaultTriageRuleSet } from './default-triage-rule-set';
import { loadTriageRuleSet } from './triage-rule-set';
import { triageRuleSetDecider, TriageRuleSetEvent } from './triage-rule-set.decider';

const spec = deciderSpecification(triageRuleSetDecider);
const shipped = defaultTriageRuleSet();
const published = (ruleSet = shipped): TriageRuleSetEvent => ({ type: 'TriageRuleSetPublished', data: { ruleSet: ruleSet.document, hash: ruleSet.hash } });

describe('triage rule set publication', () => {
  it('publishes a rule set with its hash', () => {
    spec.given([]).when({ type: 'PublishTriageRuleSet', ruleSet: shipped }).then([published()]);
  });

  it('publishes the same rule set once, however often a service starts', () => {
    spec.given([published()]).when({ type: 'PublishTriageRuleSet', ruleSet: shipped }).then([]);
  });

  it('publishes a new version', () => {
    const next = loadTriageRuleSet({ ...shipped.document, version: '2026.2', description: 'revised' });
    spec.given([published()]).when({ type: 'PublishTriageRuleSet', ruleSet: next }).then([published(next)]);
  });

  it('refuses other content under a version already published', () => {
    const changed = loadTriageRuleSet({ ...shipped.document, description: 'quietly changed' });
    spec.given([published()]).when({ type: 'PublishTriageRuleSet', ruleSet: changed }).thenThrows({ code: 'RULE_SET_VERSION_CONFLICT' });
  });

  it('knows the current rule set', () => {
    const next = loadTriageRuleSet({ ...shipped.document, version: '2026.2' });
    const state = [published(), published(next)].reduce(triageRuleSetDecider.evolve, triageRuleSetDecider.initialState());
    expect(state.current).toEqual({ id: 'triage', version: '2026.2', hash: next.hash });
  });
});
