import { z } from 'zod';

/**
 * The facts a triage rule may test, and their kind. Derived facts (hasSeriousCondition,
 * hasUncontrolledCondition) come from the inputs' conditions and the rule set's list of
 * serious conditions, so a rule set can change that list without touching any rule.
 */
export const TRIAGE_FACT_KINDS = {
  ageYears: 'number',
  pregnant: 'boolean',
  lowImmunity: 'boolean',
  livingAlone: 'boolean',
  hasSeriousCondition: 'boolean',
  hasUncontrolledCondition: 'boolean',
  infected: 'boolean',
  latestSpo2: 'number',
  dosesReceived: 'number',
} as const;

export type TriageFactName = keyof typeof TRIAGE_FACT_KINDS;
export const TriageFactName = z.enum(Object.keys(TRIAGE_FACT_KINDS) as [TriageFactName, ...TriageFactName[]]);

export const ComparisonOp = z.enum(['eq', 'gte', 'gt', 'lte', 'lt']);
export type ComparisonOp = z.infer<typeof ComparisonOp>;

export interface FactComparison {
  readonly fact: TriageFactName;
  readonly op: ComparisonOp;
  readonly value: number | boolean;
}

/** A rule's `when`: a tiny JSON language a domain expert can read in a review. */
export type TriageCondition =
  | { readonly all: readonly TriageCondition[] }
  | { readonly any: readonly TriageCondition[] }
  | { readonly not: TriageCondition }
  | FactComparison;

/**
 * Picks the one form a condition can be by its key before parsing, instead of a plain
 * z.union: a union of four failures buries "unknown fact at rules[3].when.fact" under
 * every other form's complaint.
 */
export const TriageCondition: z.ZodType<TriageCondition> = z.custom<TriageCondition>().superRefine((value, ctx) => {
  const form = formOf(value);
  if (!form) {
    ctx.addIssue({ code: 'custom', message: 'expected a condition: { all }, { any }, { not } or { fact, op, value }' });
    return;
  }
  const result = form.safeParse(value);
  if (result.success) return;
  for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

const AllOf = z.strictObject({ all: z.array(TriageCondition).min(1) });
const AnyOf = z.strictObject({ any: z.array(TriageCondition).min(1) });
const NotOf = z.strictObject({ not: TriageCondition });
const Comparison = z
  .strictObject({ fact: TriageFactName, op: ComparisonOp, value: z.union([z.number(), z.boolean()]) })
  .superRefine(({ fact, op, value }, ctx) => {
    // A boolean fact is only ever equal or not; ordering true and false would hide a typo.
    if (TRIAGE_FACT_KINDS[fact] === 'boolean') {
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
