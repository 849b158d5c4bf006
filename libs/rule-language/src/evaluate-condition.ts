import { FactComparison, FactValue, RuleCondition } from './rule-condition';

/** The values a rule set's conditions test; null is a fact with no value yet. */
export type RuleFacts<F extends string> = Readonly<Record<F, FactValue | null>>;

export function evaluateCondition<F extends string>(condition: RuleCondition<F>, facts: RuleFacts<F>): boolean {
  if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, facts));
  if ('any' in condition) return condition.any.some((part) => evaluateCondition(part, facts));
  if ('not' in condition) return !evaluateCondition(condition.not, facts);
  return compare(condition, facts);
}

/** A fact with no value (no SpO2 reading yet) satisfies no comparison: unknown is not low. */
function compare<F extends string>({ fact, op, value }: FactComparison<F>, facts: RuleFacts<F>): boolean {
  const actual = facts[fact];
  if (actual === null || actual === undefined) return false;
  if (op === 'eq') return actual === value;
  // The schema only lets number facts be ordered; anything else fails closed.
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
