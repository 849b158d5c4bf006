// How a decision cites its rule set: the shared definition, one for every service's rule sets.
export { RuleSetRef, Sha256Hex } from '@gridcare/rule-language';
