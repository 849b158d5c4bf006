import { FactComparison, TriageCondition } from '@gridcare/residents-contracts';
import { TriageFacts } from './triage-facts';

export function evaluateCondition(condition: TriageCondition, facts: TriageFacts): boolean {
  if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, facts));
  if ('any' in condition) return condition.any.some((part) => evaluateCondition(part, facts));
  if ('not' in condition) return !evaluateCondition(condition.not, facts);
  return compare(condition, facts);
}

/** A fact with no value (no SpO2 reading yet) satisfies no comparison: unknown is not low. */
function compare({ fact, op, value }: FactComparison, facts: TriageFacts): boolean {
  const actual = facts[fact];
  if (actual === null) return false;
  if (op === 'eq') return actual === value;
  // The rule set schema only lets number facts be ordered; a stray boolean fails closed.
  if (typeof actual !== 'number' || typeof value !== 'number') return false;
  switch (op) {
    case 'gte':
      return actual >= value;
    case 'gt':
      return actual > value;
    case 'lte':
      return actual <= value;
    case 'lt':
      return actual < value;
  }
}
