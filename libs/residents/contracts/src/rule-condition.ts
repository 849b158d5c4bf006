import { z } from 'zod';

/** What kind of value a fact a rule tests holds. */
export type FactKind = 'number' | 'boolean';

export const ComparisonOp = z.enum(['eq', 'gte', 'gt', 'lte', 'lt']);
export type ComparisonOp = z.infer<typeof ComparisonOp>;

export interface FactComparison<F extends string = string> {
  readonly fact: F;
  readonly op: ComparisonOp;
  readonly value: number | boolean;
}

/** A rule's `when`: a tiny JSON language a domain expert can read in a review. */
export type RuleCondition<F extends string = string> =
  | { readonly all: readonly RuleCondition<F>[] }
  | { readonly any: readonly RuleCondition<F>[] }
  | { readonly not: RuleCondition<F> }
  | FactComparison<F>;

/**
 * The condition language over one set of facts (triage's, antiviral eligibility's): a rule
 * naming a fact outside the set, or ordering a yes/no fact, is refused with its path.
 */
export function ruleConditionSchema<F extends string>(factKinds: Readonly<Record<F, FactKind>>): z.ZodType<RuleCondition<F>> {
  const factNames = Object.keys(factKinds) as [F, ...F[]];
  const FactName = z.enum(factNames);
  // Picks the one form a condition can be by its key before parsing, instead of a plain
  // z.union: a union of four failures buries "unknown fact at rules[3].when.fact" under
  // every other form's complaint.
  const Condition: z.ZodType<RuleCondition<F>> = z.custom<RuleCondition<F>>().superRefine((value, ctx) => {
    const form = formOf(value);
    if (!form) {
      ctx.addIssue({ code: 'custom', message: 'expected a condition: { all }, { any }, { not } or { fact, op, value }' });
      return;
    }
    const result = form.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
  const AllOf = z.strictObject({ all: z.array(Condition).min(1) });
  const AnyOf = z.strictObject({ any: z.array(Condition).min(1) });
  const NotOf = z.strictObject({ not: Condition });
  const Comparison = z
    .strictObject({ fact: FactName, op: ComparisonOp, value: z.union([z.number(), z.boolean()]) })
    .superRefine(({ fact, op, value }, ctx) => {
      // A boolean fact is only ever equal or not; ordering true and false would hide a typo.
      if (factKinds[fact as F] === 'boolean') {
        if (op !== 'eq') ctx.addIssue({ code: 'custom', path: ['op'], message: `${fact} is a yes/no fact: use op "eq"` });
        if (typeof value !== 'boolean') ctx.addIssue({ code: 'custom', path: ['value'], message: `${fact} is compared with true or false` });
      } else if (typeof value !== 'number') {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${fact} is compared with a number` });
      }
    });
  function formOf(value: unknown) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if ('all' in value) return AllOf;
    if ('any' in value) return AnyOf;
    if ('not' in value) return NotOf;
    if ('fact' in value) return Comparison;
    return undefined;
  }
  return Condition;
}
