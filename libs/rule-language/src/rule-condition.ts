import { z } from 'zod';

/**
 * What kind of value a fact a rule tests holds: a number, yes/no, or one of a few named
 * values (a list of them, such as a tier or a severity).
 */
export type FactKind = 'number' | 'boolean' | readonly [string, ...string[]];

/** The value a fact holds when a rule is evaluated; null is a fact with no value yet. */
export type FactValue = number | boolean | string;

export const ComparisonOp = z.enum(['eq', 'gte', 'gt', 'lte', 'lt']);
export type ComparisonOp = z.infer<typeof ComparisonOp>;

export interface FactComparison<F extends string = string> {
  readonly fact: F;
  readonly op: ComparisonOp;
  readonly value: FactValue;
}

/** A rule's `when`: a tiny JSON language a domain expert can read in a review. */
export type RuleCondition<F extends string = string> =
  | { readonly all: readonly RuleCondition<F>[] }
  | { readonly any: readonly RuleCondition<F>[] }
  | { readonly not: RuleCondition<F> }
  | FactComparison<F>;

/**
 * The condition language over one set of facts (triage's, antiviral eligibility's, routing's):
 * a rule naming a fact outside the set, ordering a yes/no or named-value fact, or comparing a
 * fact with a value of another kind, is refused with its path.
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
    .strictObject({ fact: FactName, op: ComparisonOp, value: z.union([z.number(), z.boolean(), z.string()]) })
    .superRefine(({ fact, op, value }, ctx) => checkComparison(fact, factKinds[fact as F], op, value, ctx));
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

function checkComparison(fact: string, kind: FactKind, op: ComparisonOp, value: FactValue, ctx: z.RefinementCtx): void {
  if (kind === 'number') {
    if (typeof value !== 'number') ctx.addIssue({ code: 'custom', path: ['value'], message: `${fact} is compared with a number` });
    return;
  }
  // Yes/no and named values are only ever equal or not: ordering them would hide a typo.
  if (op !== 'eq') ctx.addIssue({ code: 'custom', path: ['op'], message: `${fact} is a ${kind === 'boolean' ? 'yes/no' : 'named-value'} fact: use op "eq"` });
  if (kind === 'boolean') {
    if (typeof value !== 'boolean') ctx.addIssue({ code: 'custom', path: ['value'], message: `${fact} is compared with true or false` });
  } else if (typeof value !== 'string' || !kind.includes(value)) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `${fact} is one of ${kind.join(', ')}` });
  }
}
