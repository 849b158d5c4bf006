import shippedRules from './rules/triage-rules.2026-1.json';
import { loadTriageRuleSet, TriageRuleSet } from './triage-rule-set';

let loaded: TriageRuleSet | undefined;

/** The rule set shipped with the service (version 2026.1), validated and hashed once. */
export function defaultTriageRuleSet(): TriageRuleSet {
  loaded ??= deepFreeze(loadTriageRuleSet(shippedRules));
  return loaded;
}

// Shared by every caller: frozen so no one can change the rules under another's decisions.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
