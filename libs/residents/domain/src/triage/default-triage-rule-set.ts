import shippedRules from './rules/triage-rules.2026-1.json';
import { deepFreeze } from './deep-freeze';
import { loadTriageRuleSet, TriageRuleSet } from './triage-rule-set';

let loaded: TriageRuleSet | undefined;

/** The rule set shipped with the service (version 2026.1), validated and hashed once. */
export function defaultTriageRuleSet(): TriageRuleSet {
  loaded ??= deepFreeze(loadTriageRuleSet(shippedRules));
  return loaded;
}
