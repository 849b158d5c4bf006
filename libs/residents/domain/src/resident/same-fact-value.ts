import { ResidentFacts } from '@gridcare/residents-contracts';
import { canonicalJson } from '../triage';

/** Whether a correction would leave a fact as it is; conditions are a set, so their order is no change. */
export function sameFactValue<K extends keyof ResidentFacts>(key: K, current: ResidentFacts[K], proposed: ResidentFacts[K]): boolean {
  if (key === 'conditions') return canonicalJson(sortedByCode(current as ResidentFacts['conditions'])) === canonicalJson(sortedByCode(proposed as ResidentFacts['conditions']));
  return current === proposed;
}

const sortedByCode = (conditions: ResidentFacts['conditions']) => [...conditions].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
